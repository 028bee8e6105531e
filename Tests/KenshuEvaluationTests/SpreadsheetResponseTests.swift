import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// A Google Forms export downloaded as .xlsx or .ods (numbers as numbers, timestamps as date
/// serials, a title row, a hidden sheet) gives the report the CSV download gives.
@Suite struct SpreadsheetResponseTests {
  @Test(arguments: ["xlsx", "ods"])
  func test_spreadsheetExport_sameReportAsCSV(_ ext: String) throws {
    let (csv, _) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-google-forms", "csv")],
      by: "profession")
    let (sheet, diagnostics) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-google-forms", ext)],
      by: "profession")
    let file = try #require(sheet.responses.files.first)
    let csvFile = try #require(csv.responses.files.first)
    #expect(file.format == csvFile.format)
    // The CSV's one rejected row is a blank line (",,,,"), which is no row in a spreadsheet.
    #expect(csvFile.rejected.count == 1)
    #expect(file.read == csvFile.read - 1)
    #expect(file.used == csvFile.used)
    #expect(file.rejected.isEmpty)
    #expect(file.excludedValues == csvFile.excludedValues)
    #expect(sheet.items.map(\.n) == csv.items.map(\.n))
    #expect(sheet.items.map { $0.counts.map(\.count) } == csv.items.map { $0.counts.map(\.count) })
    #expect(sheet.prePost.map(\.pairs) == csv.prePost.map(\.pairs))
    // The unknown value on CSV line 19 is on sheet row 21, named as Excel names it.
    #expect(
      diagnostics.contains {
        $0.code == "evaluation-value-unknown"
          && $0.location.description.hasPrefix("day1-eval-google-forms.\(ext) [フォームの回答 1!")
          && $0.location.line == 21
      })
  }
}
