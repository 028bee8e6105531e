import Foundation
import KenshuModel
import Testing

@testable import KenshuRosters

/// The same roster saved as CSV, .xlsx and .ods (scripts/make-spreadsheet-fixtures.py) imports
/// to the same people; only the row numbers differ (the spreadsheets have a title row), and so
/// do the ids made from them for rows without one (`r0009` in the CSV is `r0011` in the sheet).
@Suite struct SpreadsheetRosterTests {
  func people(_ name: String) throws -> [Person] {
    let result = importRoster(csvAt: try fixtureURL(name), map: nil)
    #expect(result.rowsRead == result.rowsImported + result.rowsRejected, "no row may disappear")
    return result.roster.people.map {
      var person = $0
      person.location = nil
      if person.id.wholeMatch(of: #/r[0-9]{4}/#) != nil { person.id = "(row)" }
      return person
    }
  }

  @Test(arguments: ["roster-ja.xlsx", "roster-ja.ods"])
  func test_spreadsheetRoster_importsLikeTheCSV(_ name: String) throws {
    let csv = try people("roster-ja.csv")
    #expect(!csv.isEmpty)
    #expect(try people(name) == csv)
    let result = importRoster(csvAt: try fixtureURL(name), map: nil)
    // Rows are named by their sheet row: the CSV's line 5 is row 7 under the title rows.
    let csvResult = importRoster(csvAt: try fixtureURL("roster-ja.csv"), map: nil)
    #expect(result.rowsRead == csvResult.rowsRead)
    #expect(result.rejections.map { $0.line - 2 } == csvResult.rejections.map(\.line))
    #expect(result.diagnostics.contains { $0.code == "spreadsheet-title-rows" })
    let rejected = try #require(result.diagnostics.first { $0.severity == .error })
    #expect(rejected.location.description.contains("\(name) [フォームの回答 1!"))
    #expect(result.roster.id == "roster-ja")
    // Rows are as wide as the header: no "short row" warnings for empty trailing cells.
    #expect(!result.diagnostics.contains { $0.code.contains("ragged") || $0.message.contains("列しかありません") })
  }

  @Test func test_legacyXLS_oneMessageOnly() {
    let legacy = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
    let result = RosterImport().importData(legacy, file: "名簿.xls")
    #expect(result.diagnostics.map(\.code) == ["spreadsheet-legacy-xls"])
    #expect(result.rowsRead == 0)
  }
}
