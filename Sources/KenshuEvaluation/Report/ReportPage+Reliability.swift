import KenshuModel

/// The scale reliability section: α per measure with a caution when it is negative, low or
/// estimated on few respondents, and each item's "α if deleted".
extension ReportPage {
  func measuresSection() -> String {
    guard !report.measures.isEmpty else { return "" }
    let texts = Dictionary(report.items.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
    var out = "<section id=\"measures\">\n<h2>\(heading("尺度の信頼性", "Scale reliability"))</h2>\n"
    for measure in report.measures {
      out += "<table class=\"reliability\">\n"
      out +=
        t(
          "<caption>\(Markup.escape(measure.title))：Cronbach の α（分母：全項目に回答した \(measure.completeCases) 人。逆転項目は反転） / Cronbach's alpha</caption>\n",
          "<caption>\(Markup.escape(measure.title)): Cronbach's alpha (of the \(measure.completeCases) people who answered every item; reverse-keyed items reversed)</caption>\n"
        )
      out +=
        "<thead><tr><th scope=\"col\">\(t("項目 / Item", "Item"))</th><th scope=\"col\">\(t("α（項目を除いた場合） / α if deleted", "α if deleted"))</th></tr></thead>\n<tbody>\n"
      for (index, id) in measure.items.enumerated() {
        let reverse = measure.reverseItems.contains(id) ? t("（逆転）", " (reversed)") : ""
        let ifDeleted = index < measure.alphaIfDeleted.count ? measure.alphaIfDeleted[index] : nil
        let raises = (ifDeleted ?? -.infinity) > (measure.cronbachAlpha ?? .infinity)
        out +=
          "<tr><th scope=\"row\"><span class=\"itemid\">\(Markup.escape(id))</span>\(reverse) \(Markup.escape(texts[id] ?? ""))</th><td\(raises ? " class=\"raises\"" : "")>\(Figure.decimal(ifDeleted, digits: 3))\(raises ? " ↑" : "")</td></tr>\n"
      }
      out +=
        "</tbody>\n<tfoot><tr><th scope=\"row\">\(t("尺度全体の α（\(measure.items.count) 項目、n=\(measure.completeCases)）", "α of the scale (\(measure.items.count) items, n=\(measure.completeCases))"))</th><td>\(Figure.decimal(measure.cronbachAlpha, digits: 3))</td></tr></tfoot>\n</table>\n"
      let notes = ReliabilityCaution.notes(measure, language: language)
      if !notes.isEmpty {
        out +=
          "<div class=\"caution\" role=\"note\"><p><strong>\(t("注意 / Caution", "Caution"))</strong></p><ul>\n"
        for note in notes { out += "<li>\(Markup.escape(note))</li>\n" }
        out += "</ul></div>\n"
      }
    }
    out +=
      t(
        "<p class=\"note\">↑ はその項目を除くと α が上がることを示します。目安：0.7 以上で十分、0.5〜0.7 はやや低い、0.5 未満は低い。</p>\n",
        "<p class=\"note\">↑ marks an item whose removal raises α. Rule of thumb: 0.7 or more is adequate, 0.5–0.7 questionable, below 0.5 poor.</p>\n"
      )
    return out + "</section>\n"
  }
}
