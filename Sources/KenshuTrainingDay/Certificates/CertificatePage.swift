import Foundation
import KenshuModel
import KenshuQR

/// The printed certificate: a Japanese formal A4 page (第 N 号, title, 氏名 殿, the statement of
/// what was completed, training dates in 令和 and Western form, hours, edition, date of issue,
/// issuer with the seal placeholder) and, at the foot, the number, the verification code and —
/// when the site's address is known — a QR code opening the verify page with both filled in.
///
/// Self-contained HTML (inline CSS allowed by its digest, no script), every text escaped; the
/// font stack names Noto Serif CJK first, which carries CP932-only characters (髙, 﨑, ①).
struct CertificatePage {
  let programme: Programme
  let siteURL: String?

  /// The training dates of an award's scope, both calendars: `令和8年10月17日（2026年10月17日）`.
  func trainingDates(of award: Award) -> String {
    let courses = programme.courses.filter { award.course == nil || $0.id == award.course }
    return courses.compactMap(\.date).map(JapaneseDate.longForm).joined(separator: "、")
  }

  /// `6時間10分`, `3時間`, `45分`.
  static func hours(_ minutes: Int) -> String {
    let (h, m) = (minutes / 60, minutes % 60)
    if h == 0 { return "\(m)分" }
    return m == 0 ? "\(h)時間" : "\(h)時間\(m)分"
  }

  /// The verify page's address with number and code, or nil without a site URL.
  func verifyURL(_ entry: LedgerEntry) -> String? {
    guard var base = siteURL?.trimmingCharacters(in: .whitespaces), !base.isEmpty else { return nil }
    if !base.hasSuffix("/") { base += "/" }
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    let number = entry.number.addingPercentEncoding(withAllowedCharacters: allowed) ?? entry.number
    return base + "verify/?n=" + number + "&c=" + entry.code
  }

  func body(_ entry: LedgerEntry, award: Award, person: Person?) -> String {
    let name = person?.name ?? entry.name
    let statement =
      award.statement
      ?? (award.kind == .completion
        ? "あなたは「\(programme.title)」の全課程を修了したことを証します。"
        : "あなたは「\(programme.title)」を受講したことを証明します。")
    var html =
      "<section class=\"certificate\" aria-label=\"\(Markup.escape(award.title + " " + entry.number))\">\n"
    html += "<p class=\"number\">第 \(Markup.escape(entry.number)) 号</p>\n"
    html += "<h1>\(Markup.escape(award.title))</h1>\n"
    html += "<p class=\"name\"><span class=\"person\">\(Markup.escape(name))</span> 殿</p>\n"
    html += "<p class=\"statement\">\(Markup.escape(statement))</p>\n<dl class=\"facts\">\n"
    html += "<dt>研修名</dt><dd>\(Markup.escape(programme.title))</dd>\n"
    let dates = trainingDates(of: award)
    if !dates.isEmpty { html += "<dt>研修日</dt><dd>\(Markup.escape(dates))</dd>\n" }
    html += "<dt>研修時間</dt><dd>\(Self.hours(entry.minutes))</dd>\n"
    if let edition = programme.edition {
      html += "<dt>版</dt><dd>\(Markup.escape(edition.version))</dd>\n"
    }
    if let venue = programme.venue { html += "<dt>会場</dt><dd>\(Markup.escape(venue))</dd>\n" }
    html += "</dl>\n"
    html += "<p class=\"issued\">\(Markup.escape(JapaneseDate.longForm(entry.issued)))</p>\n"
    html += "<p class=\"issuer\">\(Markup.escape(award.issuer ?? programme.organiser ?? ""))"
    if let seal = award.seal { html += "<span class=\"seal\">\(Markup.escape(seal))</span>" }
    html += "</p>\n<footer class=\"verify\">\n"
    if let url = verifyURL(entry), let code = try? QRCode(url) {
      html += code.svg(label: "確認ページ / verification page", size: "22mm") + "\n"
    }
    html += "<p>証書番号 <span class=\"mono\">\(Markup.escape(entry.number))</span>　確認コード "
    html += "<span class=\"mono\">\(Markup.escape(entry.code))</span><br>"
    html += "この証書の真正性は、研修サイトの「修了証の確認」ページで番号と確認コードを入力して確認できます。"
    if let siteURL { html += "<br><span class=\"mono\">\(Markup.escape(siteURL))verify/</span>" }
    html += "</p>\n</footer>\n</section>\n"
    return html
  }

  func document(title: String, bodies: [String]) -> String {
    """
    <!DOCTYPE html>
    <html lang="ja">
    <head>
    <meta charset="utf-8">
    <meta name="robots" content="noindex">
    \(ContentSecurityPolicy.metaTag(styleHashes: [ContentSecurityPolicy.styleHash(Self.styles)]))
    <title>\(Markup.escape(title))</title>
    <style>\(Self.styles)</style>
    </head>
    <body>
    \(bodies.joined())</body>
    </html>

    """
  }

  static let styles = """
    @page { size: A4 portrait; margin: 0; }
    html, body { margin: 0; padding: 0; }
    body { font-family: "Noto Serif CJK JP", "Noto Serif JP", "Hiragino Mincho ProN", "Yu Mincho", serif; color: #000; }
    .certificate { box-sizing: border-box; width: 210mm; height: 297mm; padding: 25mm 24mm 18mm; position: relative;
      page-break-after: always; break-after: page; overflow: hidden; }
    .certificate:last-child { page-break-after: auto; break-after: auto; }
    .certificate::before { content: ""; position: absolute; inset: 10mm; border: 1.2mm double #333; }
    .number { text-align: left; font-size: 11pt; margin: 0 0 16mm; }
    h1 { text-align: center; font-size: 34pt; letter-spacing: 0.5em; margin: 0 0 18mm; padding-left: 0.5em; font-weight: bold; }
    .name { font-size: 20pt; margin: 0 0 14mm; text-align: center; }
    .name .person { font-size: 24pt; letter-spacing: 0.1em; }
    .statement { font-size: 15pt; line-height: 2; margin: 0 6mm 12mm; text-indent: 1em; }
    .facts { display: grid; grid-template-columns: 28mm 1fr; row-gap: 2mm; font-size: 11.5pt; margin: 0 10mm 16mm; }
    .facts dt { font-weight: bold; } .facts dd { margin: 0; }
    .issued { font-size: 13pt; margin: 0 0 6mm 10mm; }
    .issuer { font-size: 15pt; text-align: right; margin: 0 8mm 0 0; }
    .seal { display: inline-block; width: 18mm; height: 18mm; line-height: 18mm; margin-left: 6mm; text-align: center;
      border: 0.4mm dashed #900; border-radius: 50%; color: #900; font-size: 11pt; vertical-align: middle; }
    .verify { position: absolute; left: 24mm; right: 24mm; bottom: 16mm; display: flex; gap: 4mm; align-items: center;
      font-size: 8pt; line-height: 1.5; }
    .verify p { margin: 0; } .verify svg { flex: none; }
    .mono { font-family: "Noto Sans Mono CJK JP", monospace; }
    @media screen { body { background: #ddd; } .certificate { background: #fff; margin: 8mm auto; } }
    """
}
