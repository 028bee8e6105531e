import KenshuModel

/// A single- or multiple-choice item as a table that is also a bar chart: one row per option
/// with its count, its percentage and a bar of that length. The numbers are in the cells, so
/// the bars are decorative for assistive technology (`aria-hidden`), and the caption names the
/// denominator.
enum ChoiceBars {
  static let fill = "#2b6cb0"

  static func table(
    _ counts: [EvaluationReport.CategoryCount], n: Int, caption: String, language: MessageLanguage = .ja
  ) -> String {
    let ja = language == .ja
    var out = "<table class=\"choices\">\n<caption>\(Markup.escape(caption))</caption>\n"
    out +=
      "<thead><tr><th scope=\"col\">\(ja ? "選択肢" : "Option")</th><th scope=\"col\">\(ja ? "人数" : "People")</th><th scope=\"col\">%</th><th scope=\"col\" class=\"barcol\"><span class=\"visually-hidden\">\(ja ? "グラフ / Chart" : "Chart")</span></th></tr></thead>\n<tbody>\n"
    for count in counts {
      out +=
        "<tr><th scope=\"row\">\(Markup.escape(count.label))</th><td>\(count.count)</td><td>\(Figure.percent(count.percent))</td><td class=\"barcol\">\(bar(count.percent))</td></tr>\n"
    }
    out +=
      "</tbody>\n<tfoot><tr><th scope=\"row\">\(ja ? "%の分母：回答者 n" : "% of respondents, n")</th><td>\(n)</td><td></td><td class=\"barcol\"></td></tr></tfoot>\n</table>\n"
    return out
  }

  /// A horizontal bar of `percent` (0…100) of the cell's width.
  static func bar(_ percent: Double?) -> String {
    let width = max(0, min(100, percent ?? 0))
    return
      "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"100\" height=\"10\" fill=\"#edf2f7\"/><rect width=\"\(DivergingBar.format(width))\" height=\"10\" fill=\"\(fill)\"/></svg>"
  }
}
