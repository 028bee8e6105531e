import KenshuModel

extension GroupFormationResult {
  /// A printable A4 page of table cards for the venue: one card per table per round, each on
  /// its own page with a large table number, the facilitator and the members (name,
  /// profession, organisation); then a reception list of each person's table per round.
  ///
  /// Self-contained (inline CSS allowed by its digest in the page's Content-Security-Policy, no script), `lang="ja"`, every text HTML-escaped. It holds
  /// names: write it to the private output folder, never into the public site.
  public func renderHTML(title: String = "テーブルカード / Table cards") -> String {
    let people = peopleByID
    var html = """
      <!DOCTYPE html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="robots" content="noindex">
      \(ContentSecurityPolicy.metaTag(styleHashes: [ContentSecurityPolicy.styleHash(Self.styles)]))
      <title>\(Markup.escape(title))</title>
      <style>\(Self.styles)</style>
      </head>
      <body>

      """
    for round in plan.rounds {
      for group in round.groups {
        let id = "r\(round.round)-t\(group.group)"
        html += "<section class=\"card\" aria-labelledby=\"\(id)\">\n"
        html += "<p class=\"round\">第\(round.round)ラウンド / Round \(round.round)</p>\n"
        html += "<h1 class=\"table-number\" id=\"\(id)\"><small>テーブル / Table</small> \(group.group)</h1>\n"
        if let facilitator = group.facilitator {
          let name = people[facilitator]?.name ?? facilitator
          html += "<p class=\"facilitator\">ファシリテーター / Facilitator: \(Markup.escape(name))</p>\n"
        }
        html += "<table>\n<caption>メンバー / Members (\(group.members.count))</caption>\n"
        html += "<thead><tr><th scope=\"col\">氏名 / Name</th><th scope=\"col\">職種 / Profession</th>"
        html += "<th scope=\"col\">所属 / Organisation</th></tr></thead>\n<tbody>\n"
        for member in group.members {
          let person = people[member]
          html += "<tr><td>\(Markup.escape(person?.name ?? member))</td>"
          html += "<td>\(Markup.escape(person?.profession.japaneseLabel ?? ""))</td>"
          html += "<td>\(Markup.escape(person?.organisation ?? ""))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
      }
    }
    html += "<section class=\"reception\" aria-labelledby=\"reception\">\n"
    html += "<h1 id=\"reception\">受付用 テーブル一覧 / Tables per person</h1>\n<table>\n<thead><tr>"
    html += "<th scope=\"col\">氏名 / Name</th><th scope=\"col\">職種 / Profession</th>"
    html += plan.rounds.map { "<th scope=\"col\">R\($0.round)</th>" }.joined()
    html += "</tr></thead>\n<tbody>\n"
    let tables = tablesByPerson
    let listed = (participants + facilitators).sorted {
      ($0.kana ?? $0.name, $0.id) < ($1.kana ?? $1.name, $1.id)
    }
    for person in listed {
      let role = facilitators.contains(person) ? "（FA）" : ""
      html += "<tr><th scope=\"row\">\(Markup.escape(person.name + role))</th>"
      html += "<td>\(Markup.escape(person.profession.japaneseLabel))</td>"
      html += plan.rounds.indices.map { "<td>\(tables[person.id]?[$0].map(String.init) ?? "-")</td>" }
        .joined()
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n</section>\n</body>\n</html>\n"
    return html
  }

  /// The page's only styles, inline so the file prints on its own; the page's
  /// Content-Security-Policy allows exactly this text by its digest, and no script at all.
  static let styles = """

    @page { size: A4; margin: 15mm; }
    body { font-family: "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic", "Meiryo", sans-serif;
      margin: 0; color: #000; }
    .card, .reception { break-after: page; page-break-after: always; padding: 0 0 10mm; }
    .reception { break-after: auto; page-break-after: auto; }
    .round { font-size: 18pt; margin: 0; }
    .table-number { font-size: 120pt; line-height: 1; margin: 4mm 0; }
    .table-number small { font-size: 28pt; font-weight: normal; }
    .facilitator { font-size: 18pt; margin: 0 0 6mm; }
    table { border-collapse: collapse; width: 100%; font-size: 16pt; }
    caption { text-align: left; font-weight: bold; padding-bottom: 2mm; }
    th, td { border: 1px solid #333; padding: 3mm 4mm; text-align: left; vertical-align: top; }
    thead th { background: #eee; }
    .reception table { font-size: 11pt; }
    .reception th, .reception td { padding: 1.5mm 2mm; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    @media screen { .card, .reception { border-bottom: 2px dashed #999; margin: 10mm; } }
    """
}
