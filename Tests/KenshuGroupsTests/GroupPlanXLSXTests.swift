import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuGroups

/// `groups --format xlsx`: the seating sheet holds the CSV's cells (the CSV's formula guard is
/// an apostrophe in the file, undone by the reader; the sheet keeps the text and marks the cell
/// quotePrefix instead),
/// and the per-person sheet the terminal table's.
@Suite struct GroupPlanXLSXTests {
  @Test func test_workbook_holdsTheSeatingAndPerPersonTables() throws {
    var people = GroupTestSupport.randomPeople(count: 12, seed: 4)
    people[0].name = "=HYPERLINK(\"https://evil.example.org/\",\"詳細\")"
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 4, rounds: 2))
      .run()
    let data = try result.renderXLSX()
    let seating = Table.read(data: data, file: "groups.xlsx")
    #expect(!seating.diagnostics.contains { $0.severity != .note }, "\(seating.diagnostics)")
    #expect(seating.table.rows == result.seatingRows)
    // The CSV file carries the guard; Kenshu's reader undoes it (FormulaGuard), so both files
    // read back as the same cells.
    let csvText = result.renderCSV()
    #expect(csvText.contains("'=HYPERLINK"))
    let csv = Table.read(data: Data(csvText.utf8), file: "groups.csv").table.rows
    #expect(seating.table.rows == csv)
    #expect(seating.table.rows.joined().contains { $0.hasPrefix("=HYPERLINK") })
    let perPerson = Table.read(
      data: data, file: "groups.xlsx", options: TableReadOptions(sheet: "参加者別 Per person"))
    #expect(!perPerson.diagnostics.contains { $0.severity != .note }, "\(perPerson.diagnostics)")
    #expect(perPerson.table.rows == result.tablePerPersonRows)
    #expect(perPerson.table.rows.count == 13)
  }
}
