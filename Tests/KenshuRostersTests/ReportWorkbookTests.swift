import Foundation
import KenshuModel
import Testing

@testable import KenshuRosters
@testable import KenshuTabular

/// `--format xlsx` of `roster summary` and `roster progress`: the workbook read back through
/// `Table.read` holds the same cells as the CSV form read back the same way.
@Suite struct ReportWorkbookTests {
  let cohort = importRoster(csvAt: sampleRosterURL("koshi-2022.csv"), map: nil).roster

  /// Same text, or the same number (`31.0` in CSV is the number 31, shown `31`, in a sheet).
  static func sameCells(_ sheet: [[String]], _ csv: [[String]]) -> Bool {
    sheet.count == csv.count
      && zip(sheet, csv).allSatisfy { a, b in
        a.count == b.count
          && zip(a, b).allSatisfy { x, y in
            // The CSV writer's formula guard is an apostrophe in the text; the sheet keeps the
            // text (its cell is marked quotePrefix). Sheets give numbers to 15 digits, as Excel.
            let y = y.hasPrefix("'") ? String(y.dropFirst()) : y
            guard x != y else { return true }
            guard let p = Double(x), let q = Double(y) else { return false }
            return abs(p - q) <= 1e-13 * max(1, abs(q))
          }
      }
  }

  static func check(_ report: some SingleTableReport, file: String) throws {
    let sheet = Table.read(data: try report.data(as: .xlsx), file: "\(file).xlsx")
    #expect(!sheet.diagnostics.contains { $0.severity != .note }, "\(sheet.diagnostics)")
    #expect(sheet.spreadsheet != nil)
    let csv = Table.read(data: try report.data(as: .csv), file: "\(file).csv")
    #expect(!csv.table.records.isEmpty)
    #expect(sameCells(sheet.table.rows, csv.table.rows), "\(sheet.table.rows) vs \(csv.table.rows)")
  }

  @Test func test_summary_xlsxHoldsTheCSVCells() throws {
    let classifier = SummaryClassifier(professionsShown: [.doctor, .nurse, .municipalStaff])
    let summary = RosterSummary(people: cohort.people, by: .profession, classifier: classifier)
    try Self.check(summary, file: "summary")
    try Self.check(PublicSummary(summary), file: "public-summary")
  }

  @Test func test_crossTab_xlsxHoldsTheCSVCells() throws {
    let table = RosterCrossTab(
      people: cohort.people, rows: .profession, columns: .stage,
      classifier: SummaryClassifier(programme: "koshi-2022"))
    try Self.check(table, file: "crosstab")
    try Self.check(PublicCrossTab(table), file: "public-crosstab")
  }

  @Test func test_progress_xlsxHoldsTheCSVCells_andNumbersAreNumbers() throws {
    let roster = importRoster(csvAt: try fixtureURL("roster-progress.csv"), map: nil).roster
    let report = ProgressReport(roster: roster, programme: "roster-progress")
    try Self.check(report, file: "progress")
    let summary = RosterSummary(people: cohort.people, by: .profession)
    let sheetXML = XLSXWriter.worksheet(summary.tableRows)
    // Counts are numeric cells (no t= attribute), labels string cells.
    #expect(sheetXML.contains("<v>112</v>"))
    #expect(!sheetXML.contains("<f>"))
  }

  @Test func test_fileExtension_namesTheFormat() {
    #expect(ReportFormat.allCases.map(\.fileExtension) == ["txt", "csv", "json", "xlsx"])
  }
}
