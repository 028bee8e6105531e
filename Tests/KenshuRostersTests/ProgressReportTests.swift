import Foundation
import KenshuModel
import Testing

@testable import KenshuRosters

@Suite struct ProgressReportTests {
  let roster: Roster

  init() throws {
    roster = importRoster(csvAt: try fixtureURL("roster-progress.csv"), map: nil).roster
  }

  @Test func test_report_listsMissingStagesPerPerson() {
    let report = ProgressReport(roster: roster, programme: "roster-progress")
    #expect(
      report.entries.map(\.missing) == [
        [], [.groupWork, .completion, .followUp], [], ProgrammeStage.allCases,
      ])
    #expect(report.entries.map(\.ranLocalTraining) == [true, nil, false, nil])
    #expect(report.missingCounts.map(\.count) == [1, 2, 2, 2])
  }

  @Test func test_report_onlyMissingLeavesOutPeopleWhoFinished() {
    let report = ProgressReport(roster: roster, programme: "roster-progress", onlyMissing: true)
    #expect(report.entries.map(\.personID) == ["p2", "p4"])
  }

  @Test func test_report_otherProgrammeShowsEverythingMissing() {
    let report = ProgressReport(roster: roster, programme: "koshi-2022")
    #expect(report.entries.allSatisfy { $0.missing == ProgrammeStage.allCases })
  }

  @Test func test_report_csvAndJSON() throws {
    let report = ProgressReport(roster: roster, programme: "roster-progress")
    let csv = report.rendered(as: .csv)
    #expect(csv.hasPrefix("ID,氏名,職種,所属,事前学習,グループワーク,修了,フォローアップ,地域研修実施,未了\r\n"))
    #expect(csv.contains("p1,山田 太郎,医師,,2022-08-01,2022-10-15,済,2023-03-01,はい,\r\n"))
    let json = report.rendered(as: .json)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((parsed["people"] as? [Any])?.count == 4)
    #expect(
      json.contains(
        "\"stages\": {\"pre-learning\": \"2022-08-01\", \"group-work\": \"2022-10-15\", \"completion\": \"done\""
      ))
    #expect(report.rendered(as: .table).contains("事前学習 未了 1 人"))
  }
}

/// `roster progress --format csv` and roster summaries go to spreadsheets: formula-like text
/// from the roster is guarded by the one CSV writer.
@Suite struct RosterCSVFormulaTests {
  @Test(arguments: ["=HYPERLINK(\"http://x\")", "+cmd", "-cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1"])
  func test_progressCSV_guardsFormulas(name: String) {
    let roster = Roster(
      id: "r", people: [Person(id: "p1", name: name, profession: .nurse, organisation: name)])
    let csv = ProgressReport(roster: roster, programme: "x").rendered(as: .csv)
    #expect(
      csv.contains("'" + name) || csv.contains("\"'" + name.replacingOccurrences(of: "\"", with: "\"\"")))
    #expect(!csv.contains(",\(name),"))
  }
}
