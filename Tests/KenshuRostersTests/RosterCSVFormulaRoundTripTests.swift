import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

/// A roster exported for Excel has formula-like cells guarded with an apostrophe; importing
/// that file again gives the people exactly as they were, without the apostrophe.
@Suite struct RosterCSVFormulaRoundTripTests {
  @Test func test_exportThenImport_undoesTheFormulaGuard() {
    let roster = Roster(
      id: "r",
      people: [
        Person(id: "a", name: "-山田 太郎", profession: .nurse, organisation: "=1+1"),
        Person(id: "b", name: "@佐藤 花子", profession: .pharmacist, organisation: "'=既に引用符"),
        Person(id: "c", name: "+鈴木", profession: .other, organisation: "'-5"),
      ])
    let data = RosterCSVWriter().data(for: roster).data
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(",'-山田 太郎,") && text.contains(",'=1+1,") && text.contains(",''=既に引用符,"))
    let back = RosterImport(options: RosterImport.Options(rosterID: "r")).importData(data, file: "x.csv")
    #expect(back.diagnostics.filter { $0.severity == .error }.isEmpty, "\(back.diagnostics.map(\.formatted))")
    #expect(back.roster.people.map(\.name) == roster.people.map(\.name))
    #expect(back.roster.people.map(\.organisation) == roster.people.map(\.organisation))
  }
}
