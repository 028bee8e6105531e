import KenshuModel

extension ProgrammeReport.CountTable {
  /// The table as the reports' scrollable HTML cross-tab: the column labels and 計 in the
  /// head, a row per label with its total, the column totals in the foot; a suppressed cell
  /// shows ×. `corner` and `caption` are HTML (the callers' fixed wording); labels are escaped.
  /// One renderer for the programme and follow-up reports, which had drifted copies.
  func html(corner: String, caption: String, regionLabel: String) -> String {
    func cell(_ value: Int?) -> String { value.map { "<td>\($0)</td>" } ?? "<td class=\"suppressed\">×</td>" }
    var out =
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(regionLabel)\">\n<table class=\"crosstab\">\n"
    out += "<caption>\(caption)</caption>\n"
    out += "<thead><tr><th scope=\"col\">\(corner)</th>"
    for label in columnLabels { out += "<th scope=\"col\">\(Markup.escape(label))</th>" }
    out += "<th scope=\"col\">計</th></tr></thead>\n<tbody>\n"
    for (r, label) in rowLabels.enumerated() {
      out += "<tr><th scope=\"row\">\(Markup.escape(label))</th>"
      for value in cells[r] { out += cell(value) }
      out += cell(rowTotals[r]) + "</tr>\n"
    }
    out += "</tbody>\n<tfoot><tr><th scope=\"row\">計</th>"
    for value in columnTotals { out += cell(value) }
    out += cell(total) + "</tr></tfoot>\n</table>\n</div>\n"
    return out
  }
}
