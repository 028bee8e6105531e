import Foundation
import KenshuModel
import Testing

@testable import KenshuGroups

@Suite("Group plan rendering")
struct GroupPlanRenderingTests {
  static let result: GroupFormationResult = {
    var people = GroupTestSupport.randomPeople(count: 10, seed: 4)
    people[0].name = "山田 <太郎> & \"花子\""
    people[1].organisation = "訪問看護ステーション, 北"
    let facilitators = [GroupTestSupport.person("f01", .doctor, organisation: "医師会")]
    return GroupFormation(
      participants: people, facilitators: facilitators, settings: GroupFormationSettings(size: 5, rounds: 2)
    ).run()
  }()

  @Test func test_json_hasTheDocumentedShape() throws {
    let json = Self.result.renderJSON()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rounds = try #require(object["rounds"] as? [[String: Any]])
    let quality = try #require(object["quality"] as? [String: Any])
    let firstGroups = try #require(rounds.first?["groups"] as? [[String: Any]])

    #expect(rounds.map { $0["round"] as? Int } == [1, 2])
    #expect(firstGroups.map { $0["group"] as? Int } == [1, 2])
    #expect(firstGroups.compactMap { $0["facilitator"] as? String } == ["f01"])
    #expect(firstGroups.contains { $0["facilitator"] is NSNull })
    #expect((firstGroups.first?["members"] as? [String])?.allSatisfy { $0.hasPrefix("p") } == true)
    for key in ["repeatPairs", "organisationClashes", "minDistinctProfessions"] {
      #expect(quality[key] is Int)
    }
    #expect(quality["unmet"] is [String])
    // Keys appear in the documented order.
    #expect(json.range(of: "\"rounds\"")!.lowerBound < json.range(of: "\"quality\"")!.lowerBound)
  }

  @Test func test_csv_hasOneRowPerPersonPerRound_withQuoting() {
    let lines = Self.result.renderCSV().components(separatedBy: "\r\n").filter { !$0.isEmpty }

    #expect(lines.first == "round,group,person id,name,profession,organisation,role")
    #expect(lines.count == 1 + 2 * 11)
    #expect(lines.contains { $0.contains("\"訪問看護ステーション, 北\"") })
    #expect(lines.contains { $0.contains("\"山田 <太郎> & \"\"花子\"\"\"") })
    #expect(lines.filter { $0.hasSuffix(",facilitator") }.count == 2)
  }

  @Test func test_html_isAPrintableEscapedA4Page() {
    let html = Self.result.renderHTML()

    #expect(html.contains("<html lang=\"ja\">"))
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("山田 &lt;太郎&gt; &amp; &quot;花子&quot;"))
    #expect(!html.contains("<太郎>"))
    #expect(!html.lowercased().contains("<script"))
    #expect(html.components(separatedBy: "<section class=\"card\"").count - 1 == 4)
    #expect(html.contains("<th scope=\"col\">職種 / Profession</th>"))
  }

  @Test func test_table_listsTablesPersonByPersonAndTheQuality() {
    let text = Self.result.renderTable()

    #expect(text.contains("第1ラウンド / Round 1"))
    #expect(text.contains("参加者別テーブル / Table per person"))
    #expect(text.contains("品質 / Quality"))
    #expect(text.contains("ファシリテーター / Facilitator:"))
  }

  @Test func test_displayWidth_countsJapaneseAsTwoColumns() {
    #expect(TextColumns.aligned([["医師", "x"], ["p001", "y"]]) == ["医師  x", "p001  y"])
    // Emoji are two columns too (this table's own width table counted them as one).
    #expect(TextColumns.aligned([["🙂", "x"], ["ab", "y"]]) == ["🙂  x", "ab  y"])
    // A zero-width joiner takes no column.
    #expect(TextColumns.aligned([["a\u{200D}b", "x"], ["ab", "y"]]) == ["a\u{200D}b  x", "ab  y"])
    #expect(TextColumns.aligned([["医師", "x"], ["ab", "y"]]) == ["医師  x", "ab    y"])
  }
}

@Suite("Seeded generator")
struct SeededGeneratorTests {
  @Test func test_sameSeed_sameSequence_differentSeed_differentSequence() {
    var first = SeededGenerator(seed: 7)
    var second = SeededGenerator(seed: 7)
    var other = SeededGenerator(seed: 8)
    let a = (0..<5).map { _ in first.next() }
    #expect(a == (0..<5).map { _ in second.next() })
    #expect(a != (0..<5).map { _ in other.next() })
  }

  @Test func test_boundedNumbers_stayInRange() {
    var generator = SeededGenerator(seed: 1)
    #expect((0..<1_000).allSatisfy { _ in (0..<7).contains(generator.nextInt(below: 7)) })
    #expect(generator.nextInt(below: 1) == 0)
  }
}
