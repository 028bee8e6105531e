/// The follow-up report's additions to the programme report's stylesheet (`report.css` is both):
/// a 47-prefecture table on one printed page, the profession cross-tab legible at A4 width,
/// and the list of trainings as compact rows.
enum FollowUpReportStyle {
  static let css =
    ProgrammeReportStyle.css + "\n"
      + """
      #areas th[scope="row"], .crosstab th[scope="row"], .list td.date { white-space: nowrap; }
      .crosstab { font-size: 0.8em; }
      .crosstab thead th { padding: 0.1rem 0.2rem; }
      .list th, .list td { text-align: left; vertical-align: top; }
      .list td.count { text-align: right; }
      .list small { color: #555555; }
      @media print {
        tfoot { display: table-row-group; }
        #areas table { font-size: 8.5pt; }
        #areas th, #areas td, .crosstab th, .crosstab td { padding: 0 0.3rem; }
        .crosstab { font-size: 7.5pt; }
        table.list { font-size: 8pt; break-inside: auto; }
        .list th, .list td { padding: 0.05rem 0.3rem; }
        .list tr { break-inside: avoid; }
        #trainings { break-before: page; }
      }
      """
}
