import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuEvaluation

/// `evaluate --format xlsx`: `tables.xlsx` beside the CSV tables, one sheet per table, each
/// holding the cells its CSV file holds.
@Suite struct ReportWorkbookTests {
  /// Same text, or the same number (`4.0` written by the CSV is the number 4 in a sheet).
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

  @Test func test_tablesWorkbook_hasEveryCSVTableAsASheetWithTheSameCells() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-evaluation-workbook")
    try? FileManager.default.removeItem(at: dir)
    let (report, _) = evaluate(
      survey: SampleSurveys.dayOne,
      responseFiles: [
        try fixtureURL("day1-eval-kenshu", "csv"), try fixtureURL("day1-eval-google-forms", "csv"),
      ],
      by: "profession")
    try writeReport(report, to: dir, workbook: true)
    let workbook = try Data(contentsOf: dir.appendingPathComponent("tables.xlsx"))
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
    #expect(names.contains("freetext.csv") && names.contains("breakdown-q1.csv"))
    for name in names {
      let csv = try Table.read(contentsOf: dir.appendingPathComponent(name)).table.rows
      let sheet = Table.read(
        data: workbook, file: "tables.xlsx", options: TableReadOptions(sheet: String(name.dropLast(4))))
      #expect(!sheet.diagnostics.contains { $0.severity != .note }, "\(name): \(sheet.diagnostics)")
      #expect(Self.sameCells(sheet.table.rows, csv), "\(name)")
    }
  }

  @Test func test_withoutWorkbook_noTablesXLSX_andShareableWorkbookHasNoFreeText() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-evaluation-noworkbook")
    try? FileManager.default.removeItem(at: dir)
    let (report, _) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-kenshu", "csv")])
    try writeReport(report, to: dir)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tables.xlsx").path))
    try writeReport(report, to: dir, freeText: false, workbook: true)
    let workbook = try Data(contentsOf: dir.appendingPathComponent("tables.xlsx"))
    let freeText = Table.read(
      data: workbook, file: "tables.xlsx", options: TableReadOptions(sheet: "freetext"))
    #expect(freeText.diagnostics.contains { $0.severity == .error })
    let items = Table.read(data: workbook, file: "tables.xlsx", options: TableReadOptions(sheet: "items"))
    #expect(!items.diagnostics.contains { $0.severity != .note } && items.table.records.count > 10)
  }
}

/// Regression: the writer decided number or text by a cell's shape alone, so a free-text answer
/// typed `1e+05` became the number 100000 in `tables.xlsx` (and `12` the number 12). Answers are
/// text cells, as typed; only the computed figures are numbers.
@Suite struct ReportWorkbookTextCellTests {
  @Test func test_freeTextShapedLikeANumber_staysTextInTheWorkbook() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-workbook-text-\(UUID())")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let answers = ["1e+05", "0012", "1,000", "3.0e2", "12"]
    var csv = "participant,prof,q1,q2,q3.before,q3.now,q4,q5,q6,q7,q8,q9\n"
    for (index, answer) in answers.enumerated() {
      csv += "P\(index),医師,4,5,2,4,2,4,退院支援,はい,6,\"\(answer)\"\n"
    }
    let file = dir.appendingPathComponent("answers.csv")
    try Data(csv.utf8).write(to: file)
    let (report, _) = evaluate(survey: SampleSurveys.dayOne, responseFiles: [file])
    let workbook = try report.tablesWorkbook()
    let freeText = Table.read(
      data: workbook, file: "tables.xlsx", options: TableReadOptions(sheet: "freetext"))
    let typed = freeText.table.records.map { $0.fields[2] }
    for answer in answers { #expect(typed.contains(answer), "\(answer) not kept as typed: \(typed)") }
    #expect(!typed.contains("100000") && !typed.contains("300"))
    // The computed figures are still numbers: items' n column holds number cells.
    let items = Table.read(data: workbook, file: "tables.xlsx", options: TableReadOptions(sheet: "items"))
    #expect(items.table.records.first.map { $0.fields[4] } == "5")
  }
}
