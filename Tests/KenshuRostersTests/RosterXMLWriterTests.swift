import Foundation
import KenshuModel
import Testing

@testable import KenshuRosters

@Suite struct RosterXMLWriterTests {
  let roster = Roster(
    id: "local-2026", title: "浜松市 多職種連携研修 & 事例検討",
    people: [
      Person(
        id: "p001", name: "山田 太郎", kana: "やまだ たろう", profession: .doctor,
        organisation: "\"みなと\" <診療所> & O'Brien", prefecture: "静岡県", municipality: "浜松市",
        roles: [.facilitator, .trainee], email: "taro@example.jp", keepApart: ["p002"],
        progress: [
          StageProgress(programme: "koshi-2022", stage: .preLearning, date: "2022-09-01"),
          StageProgress(
            programme: "koshi-2022", stage: .followUp, date: "2023-03-01", ranLocalTraining: true),
        ],
        qualifications: [
          Qualification(subject: "tashokushu-gw", role: .facilitator, date: "2022-12-10", edition: "2022")
        ]
      ),
      Person(id: "p002", name: "佐藤 花子", kana: "", profession: .nurse, organisation: nil),
    ])

  @Test func test_xml_matchesTheDocumentedFormatWithEscapingAndOmittedEmptyAttributes() throws {
    let expected = try String(contentsOf: fixtureURL("roster-expected.xml"), encoding: .utf8)
    #expect(RosterXMLWriter().xml(for: roster) == expected)
  }

  @Test func test_escaped_lineBreaksAndControlCharacters() {
    #expect(Markup.escapeForXMLFile("a\nb\tc\u{01}d") == "a&#10;b&#9;cd")
  }

  @Test func test_xml_ofImportedSampleHasOnePersonElementPerPerson() {
    let result = importRoster(csvAt: sampleRosterURL("local-2026.csv"), map: nil)
    let xml = RosterXMLWriter().xml(for: result.roster)
    #expect(xml.components(separatedBy: "<person ").count - 1 == 58)
    #expect(xml.contains("<qualification subject=\"tashokushu-2026\" role=\"facilitator\"/>"))
    #expect(xml.contains("<keep-apart person=\"p027\"/>"))
    #expect(xml.contains("organisation=\"医療法人社団 ひかり会, ひかり内科\""))
  }
}
