import Foundation
import KenshuModel

extension ReceptionSheet {
  /// The printable A4 (landscape) 受付名簿: a header with the programme, course, date and venue,
  /// then one row per person with boxes to tick per session and for the times. Self-contained
  /// (inline CSS allowed by its digest, no script), every text escaped. It holds names: write it
  /// under private/.
  public func html() -> String {
    let title = "受付名簿 / Reception list"
    let courses = course.map { [$0] } ?? programme.courses
    let dates = courses.compactMap(\.date).map(JapaneseDate.longForm).joined(separator: "・")
    let slots = Dictionary(
      courses.flatMap(\.timetable).map { ($0.session.id, $0) }, uniquingKeysWith: { first, _ in first })
    var html = """
      <!DOCTYPE html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      <meta name="robots" content="noindex">
      \(ContentSecurityPolicy.metaTag(styleHashes: [ContentSecurityPolicy.styleHash(Self.styles)]))
      <title>\(Markup.escape(title + " — " + programme.title))</title>
      <style>\(Self.styles)</style>
      </head>
      <body>
      <header>
      <h1>受付名簿 <small>Reception list</small></h1>
      <p class="programme">\(Markup.escape(programme.title))\(course.map { " — " + Markup.escape($0.title) } ?? "")</p>
      <p class="meta">\(Markup.escape(dates))\(programme.venue.map { "　" + Markup.escape($0) } ?? "")　受講者 \(people.count) 名</p>
      </header>
      <table>
      <thead><tr><th scope="col">No.</th><th scope="col">ID</th><th scope="col">氏名 / Name</th><th scope="col">職種・所属</th>
      """
    if !groups.isEmpty { html += "<th scope=\"col\">G</th>" }
    for session in sessions {
      let time = slots[session.id]?.start.map { $0.description } ?? ""
      html +=
        "<th scope=\"col\" class=\"check\"><span class=\"time\">\(time)</span> \(Markup.escape(Self.shortTitle(session.title)))"
        + "<span class=\"id\">\(Markup.escape(session.id))</span></th>"
    }
    html +=
      "<th scope=\"col\" class=\"time-col\">遅刻<br>Late</th><th scope=\"col\" class=\"time-col\">早退<br>Left</th>"
    html += "</tr></thead>\n<tbody>\n"
    for (index, person) in people.enumerated() {
      html += "<tr><td class=\"no\">\(index + 1)</td><td class=\"id\">\(Markup.escape(person.id))</td>"
      html +=
        "<th scope=\"row\"><ruby>\(Markup.escape(person.name))<rt>\(Markup.escape(person.kana ?? ""))</rt></ruby></th>"
      html += "<td class=\"org\">\(Markup.escape(person.profession.japaneseLabel))"
      html += "<br>\(Markup.escape(person.organisation ?? ""))</td>"
      if !groups.isEmpty { html += "<td class=\"group\">\(Markup.escape(groups[person.id] ?? ""))</td>" }
      html += String(repeating: "<td class=\"box\">□</td>", count: sessions.count)
      html += "<td class=\"time-col\">：</td><td class=\"time-col\">：</td></tr>\n"
    }
    html += """
      </tbody>
      </table>
      <p class="note">出席したセッションの□に ○ を記入。遅刻・早退は時刻を記入（kenshu attendance import で取り込めます）。\
      Mark ○ in each session attended; write times of late arrival / early leave.</p>
      </body>
      </html>

      """
    return html
  }

  /// A title cut at its first full-width space or dash (`講義1　在宅医療の…` → `講義1`), so that
  /// a check column stays narrow; the session id printed below it is exact.
  static func shortTitle(_ title: String) -> String {
    let cut = title.firstIndex { $0 == "\u{3000}" || $0 == "―" } ?? title.endIndex
    let short = title[..<cut].trimmingCharacters(in: .whitespaces)
    return short.isEmpty ? title : String(short.prefix(14))
  }

  static let styles = """
    @page { size: A4 landscape; margin: 10mm; }
    body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 9pt; margin: 0; }
    header h1 { font-size: 14pt; margin: 0 0 2mm; } header h1 small { font-size: 9pt; font-weight: normal; }
    header p { margin: 0 0 1mm; }
    table { border-collapse: collapse; width: 100%; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th, td { border: 0.3mm solid #333; padding: 1mm; vertical-align: middle; }
    thead th { background: #eee; font-size: 7.5pt; }
    th.check { width: 14mm; } th.check .id { display: block; font-size: 6pt; color: #555; font-weight: normal; }
    th.check .time { display: block; font-weight: normal; }
    td.box { text-align: center; font-size: 12pt; }
    td.time-col, th.time-col { width: 12mm; text-align: center; }
    td.no { text-align: right; width: 7mm; } td.id { font-size: 7pt; width: 10mm; }
    th[scope=row] { text-align: left; font-weight: normal; font-size: 10.5pt; white-space: nowrap; }
    rt { font-size: 6pt; } td.org { font-size: 7pt; } td.group { text-align: center; font-weight: bold; }
    .note { font-size: 7.5pt; margin-top: 2mm; }
    """
}
