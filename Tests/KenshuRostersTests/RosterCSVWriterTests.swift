import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

@Suite struct RosterCSVWriterTests {
  /// People without their source locations, which differ between files by design.
  func comparable(_ people: [Person]) -> [Person] {
    people.map {
      var person = $0
      person.location = nil
      return person
    }
  }

  @Test(arguments: [TextEncoding.utf8BOM, .cp932])
  func test_exportThenImport_givesTheSameCohort(encoding: TextEncoding) {
    let original = importRoster(csvAt: sampleRosterURL("koshi-2022.csv"), map: nil).roster
    let data = RosterCSVWriter(programme: "koshi-2022", writer: CSVWriter(encoding: encoding)).data(
      for: original)
    #expect(data.diagnostics.isEmpty)
    let options = RosterImport.Options(rosterID: "koshi-2022")
    let back = RosterImport(options: options).importData(data.data, file: "export.csv")
    #expect(back.diagnostics.isEmpty)
    #expect(comparable(back.roster.people) == comparable(original.people))
  }

  @Test func test_exportThenImport_keepsKeepApartRolesAndQualifications() {
    let roster = Roster(
      id: "r",
      people: [
        Person(
          id: "a", name: "山田 太郎", profession: .careManager, roles: [.trainee, .facilitator], keepApart: ["b"],
          qualifications: [Qualification(subject: "gw", role: .instructor)]),
        Person(id: "b", name: "佐藤, 花子", profession: .other, keepApart: ["a"]),
      ])
    let data = RosterCSVWriter().data(for: roster).data
    let back = RosterImport(options: RosterImport.Options(rosterID: "r")).importData(data, file: "x.csv")
    #expect(comparable(back.roster.people) == roster.people)
  }
}
