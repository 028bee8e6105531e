import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

@Suite struct RosterSummaryTests {
  let cohort = importRoster(csvAt: sampleRosterURL("koshi-2022.csv"), map: nil)

  @Test func test_sampleCohort_importsCleanly() {
    #expect(cohort.diagnostics.isEmpty)
    #expect(cohort.rowsImported == 361)
    #expect(cohort.encoding == .utf8BOM)
  }

  @Test func test_summary_sampleCohortReproducesTheFY2022Counts() {
    // Others = every profession except doctor, nurse and municipal staff.
    let classifier = SummaryClassifier(professionsShown: [.doctor, .nurse, .municipalStaff])
    let summary = RosterSummary(people: cohort.roster.people, by: .profession, classifier: classifier)
    #expect(summary.total == 361)
    #expect(summary.rows.map(\.key) == ["doctor", "nurse", "municipal-staff", "other"])
    #expect(summary.rows.map(\.count) == [112, 83, 86, 80])
    #expect(summary.rows.map(\.percent.text) == ["31.0", "23.0", "23.8", "22.2"])
  }

  @Test func test_summary_withoutGroupingListsEachProfession() {
    let summary = RosterSummary(people: cohort.roster.people, by: .profession)
    #expect(summary.count(for: "doctor") == 112)
    #expect(summary.count(for: "pharmacist") == 14)
    #expect(summary.rows.map(\.count).reduce(0, +) == 361)
  }

  @Test func test_summary_sampleCohortCoversAll47Prefectures() {
    let summary = RosterSummary(people: cohort.roster.people, by: .prefecture)
    #expect(summary.rows.count == 47)
    #expect(summary.rows.first?.key == "北海道")
    #expect(summary.rows.last?.key == "沖縄県")
  }

  @Test(arguments: [
    (1, 8, 125), (1, 3, 333), (2, 3, 667), (1, 16, 63), (3, 16, 188), (112, 361, 310), (0, 5, 0), (1, 0, 0),
  ])
  func test_percent_roundsHalfUpToOneDecimal(count: Int, total: Int, tenths: Int) {
    #expect(Percent(count: count, of: total).tenths == tenths)
  }

  @Test func test_percent_textAlwaysHasOneDecimal() {
    #expect(Percent(count: 1, of: 1).text == "100.0")
    #expect(Percent(count: 1, of: 200).text == "0.5")
  }

  @Test func test_summary_personWithSeveralRolesCountsOncePerRole() {
    let people = [
      Person(id: "a", name: "A", profession: .doctor, roles: [.trainee, .facilitator]),
      Person(id: "b", name: "B", profession: .nurse, roles: [.trainee]),
    ]
    let summary = RosterSummary(people: people, by: .role)
    #expect(summary.total == 2)
    #expect(
      summary.rows.map { "\($0.key)=\($0.count)/\($0.percent.text)" } == [
        "trainee=2/100.0", "facilitator=1/50.0",
      ])
  }

  @Test func test_summary_stageCountsTheFurthestCompletedStage() {
    let people = [
      Person(
        id: "a", name: "A", profession: .doctor,
        progress: [StageProgress(programme: "x", stage: .preLearning)]),
      Person(
        id: "b", name: "B", profession: .nurse,
        progress: [
          StageProgress(programme: "x", stage: .preLearning),
          StageProgress(programme: "x", stage: .completion),
        ]),
      Person(id: "c", name: "C", profession: .nurse),
    ]
    let summary = RosterSummary(people: people, by: .stage)
    #expect(summary.rows.map(\.key) == ["none", "pre-learning", "completion"])
    #expect(summary.rows.map(\.count) == [1, 1, 1])
  }

  @Test func test_json_hasTheDocumentedShape() throws {
    let classifier = SummaryClassifier(professionsShown: [.doctor, .nurse, .municipalStaff])
    let json = RosterSummary(people: cohort.roster.people, by: .profession, classifier: classifier).rendered(
      as: .json)
    #expect(json.hasPrefix("{\"total\": 361, \"rows\": ["))
    #expect(json.contains("{\"key\": \"doctor\", \"label\": \"医師\", \"count\": 112, \"percent\": 31.0}"))
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((parsed["rows"] as? [Any])?.count == 4)
  }

  @Test func test_csv_hasHeaderRowsAndTotal() {
    let people = [
      Person(id: "a", name: "A", profession: .doctor), Person(id: "b", name: "B", profession: .doctor),
    ]
    #expect(
      RosterSummary(people: people, by: .profession).rendered(as: .csv)
        == "key,label,count,percent\r\ndoctor,医師,2,100.0\r\ntotal,合計,2,100.0\r\n")
  }

  @Test func test_table_alignsWideCharactersAsTwoColumns() {
    let people = [
      Person(id: "a", name: "A", profession: .doctor), Person(id: "b", name: "B", profession: .careManager),
    ]
    let lines = RosterSummary(people: people, by: .profession).rendered(as: .table).split(separator: "\n")
    let widths = lines.map { DisplayWidth.of(String($0)) }
    #expect(Set(widths).count == 1, "every line of the table has the same display width: \(widths)")
    #expect(DisplayWidth.of("医師ab") == 6)
  }

  @Test func test_crossTab_countsWithRowAndColumnTotals() {
    let people = [
      Person(id: "a", name: "A", profession: .doctor, prefecture: "東京都"),
      Person(id: "b", name: "B", profession: .doctor, prefecture: "北海道"),
      Person(id: "c", name: "C", profession: .nurse, prefecture: "東京都"),
    ]
    let table = RosterCrossTab(people: people, rows: .profession, columns: .prefecture)
    #expect(table.rows.map(\.key) == ["doctor", "nurse"])
    #expect(table.columns.map(\.key) == ["北海道", "東京都"])
    #expect(table.counts == [[1, 1], [0, 1]])
    #expect(table.rowTotals == [2, 1])
    #expect(table.columnTotals == [1, 2])
    #expect(table.total == 3)
    let json = table.rendered(as: .json)
    #expect(json.contains("{\"key\": \"doctor\", \"label\": \"医師\", \"total\": 2, \"counts\": [1, 1]}"))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }

  @Test func test_parseList_acceptsOneOrTwoKeys() {
    #expect(SummaryKey.parseList("profession,prefecture") == [.profession, .prefecture])
    #expect(SummaryKey.parseList("職種") == [.profession])
    #expect(SummaryKey.parseList("profession,colour") == nil)
  }
}
