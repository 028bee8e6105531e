import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation
@testable import KenshuRosters

/// The defects of issue 11 §1, each as it showed in a published file.
@Suite struct PublishedOutputsTests {
  static let survey = Survey(
    id: "s", title: "t",
    items: [
      SurveyItem(
        id: "g", type: .single, text: "所属", options: ["A", "B", "C"].map { SurveyOption(label: $0) }),
      SurveyItem(
        id: "q", type: .single, text: "満足", options: ["x", "y", "z"].map { SurveyOption(label: $0) }),
    ])

  /// `counts[g][q]` respondents answering option g and option q.
  func report(_ counts: [[Int]]) -> EvaluationReport {
    var rows: [[String]] = []
    for (g, row) in counts.enumerated() {
      for (q, count) in row.enumerated() {
        for _ in 0..<count { rows.append([["A", "B", "C"][g], ["x", "y", "z"][q]]) }
      }
    }
    var set = ResponseSet(survey: Self.survey)
    _ = set.add(ResponseTable(file: "r.csv", header: ["g", "q"], rows: rows))
    return EvaluationReport(responses: set, by: "g")
  }

  @Test func test_evaluationFolder_readTogether_givesNoHiddenCellAway() throws {
    // The old bipartite rule left cells here recoverable once the item counts were added.
    let counts = [[2, 10, 30], [12, 15, 40], [8, 9, 25]]
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-supp-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try report(counts).write(to: dir, freeText: false)

    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        as? [String: Any])
    let breakdown = try #require((summary["breakdowns"] as? [[String: Any]])?.first)
    #expect(breakdown["suppression"] == nil && breakdown["suppressedPrimary"] == nil)
    let flags = try #require(breakdown["suppressed"] as? [[Bool]])
    // Cells come from the CSV (empty = hidden); totals from the item section of summary.json,
    // which publishes the group sizes and the item's overall counts.
    let csv = try String(contentsOf: dir.appendingPathComponent("breakdown-q.csv"), encoding: .utf8)
    let lines = csv.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let cells: [[Int?]] = lines[1...3].map { line in line[1...3].map { Int($0) } }
    #expect(cells.map { $0.map { $0 == nil } } == flags)
    let items = try #require(summary["items"] as? [[String: Any]])
    func itemCounts(_ id: String) -> [Int] {
      ((items.first { $0["id"] as? String == id }?["counts"] as? [[String: Any]]) ?? []).compactMap {
        $0["count"] as? Int
      }
    }
    let published = PublishedTable(
      cells: cells, rowTotals: itemCounts("g"), columnTotals: itemCounts("q"),
      total: itemCounts("g").reduce(0, +), listedMeansNonEmpty: false)
    #expect(published.hiddenCountsNotExact(cap: 200, truth: counts).allSatisfy { $0 })
    #expect(cells[0][0] == nil)

    // Nothing in any file tells a small cell from one hidden to protect it.
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
      let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      for word in ["primary", "secondary", "<5", "&lt;5", "complementary"] {
        #expect(!text.contains(word), "\(name) contains \(word)")
      }
    }
  }

  @Test func test_evaluation_breakdownThatCannotBeProtected_isOmitted() throws {
    // Everyone answered x: each group's answer follows from its size, hidden or not.
    let report = report([[3, 0, 0], [9, 0, 0]])
    #expect(report.breakdowns.isEmpty)
    #expect(report.breakdownsOmitted == ["q"])
    #expect(report.html(freeText: false).contains("掲載していません"))
  }

  func summary(_ counts: [(String, Int)], key: SummaryKey = .profession) -> RosterSummary {
    let total = counts.map(\.1).reduce(0, +)
    return RosterSummary(
      key: key, total: total,
      rows: counts.map {
        SummaryRow(key: $0.0, label: $0.0, count: $0.1, percent: Percent(count: $0.1, of: total))
      })
  }

  @Test func test_rosterSummary_cellHiddenToProtectAnother_isNotShownAsUnderFive() {
    // Before: 3 was hidden, and 10 too "so the total gives nothing away", but both showed <5.
    let shown = PublicSummary(summary([("doctor", 12), ("nurse", 3), ("pharmacist", 10)]))
    #expect(shown.rows.map(\.count) == [12, nil, nil])
    for format in [ReportFormat.table, .csv, .json] {
      let text = shown.rendered(as: format)
      #expect(!text.contains("<5") && !text.contains("primary"), "\(format)")
    }
    #expect(shown.rendered(as: .csv).contains("pharmacist,pharmacist,×"))
    #expect(shown.json().contains("\"count\": null, \"percent\": null, \"suppressed\": true"))
  }

  @Test func test_rosterCrossTab_totalsUnderFiveAreHidden_andMatchTheOneWaySummary() {
    var people: [Person] = []
    for (profession, prefecture, count) in [
      (Profession.doctor, "北海道", 12), (.doctor, "東京都", 9), (.nurse, "北海道", 2), (.nurse, "東京都", 1),
      (.pharmacist, "北海道", 7), (.pharmacist, "東京都", 8),
    ] {
      for index in 0..<count {
        people.append(
          Person(
            id: "\(profession)\(prefecture)\(index)", name: "x", profession: profession,
            prefecture: prefecture))
      }
    }
    let table = RosterCrossTab(people: people, rows: .profession, columns: .prefecture)
    let shown = PublicCrossTab(table)
    let nurse = table.rows.firstIndex { $0.key == "nurse" }!
    #expect(shown.rowTotal(nurse) == nil, "3 nurses")
    let oneWay = PublicSummary(RosterSummary(people: people, by: .profession))
    #expect(oneWay.rows.map(\.count) == table.rows.indices.map { shown.rowTotal($0) })
    let csv = shown.rendered(as: .csv)
    #expect(csv.contains("合計") && csv.contains("×") && !csv.contains("<5"))
    #expect(shown.json().contains("\"suppressed\": ["))
  }

  @Test func test_rosterRoleSummary_hidesEnoughThatNoRoleCountFollows() {
    // One role each: trainee 18, facilitator 4, instructor 2.
    let shown = PublicSummary(summary([("trainee", 18), ("facilitator", 4), ("instructor", 2)], key: .role))
    #expect(shown.rows[1].count == nil && shown.rows[2].count == nil)
  }
}
