import Foundation
import KenshuModel
import KenshuRosters
import Testing

@testable import KenshuReports

/// Figures of the follow-up report against a small fixture counted by hand (issue 16).
@Suite struct FollowUpReportTests {
  /// Six graduates (g1–g6) in 静岡県 ×3, 愛知県 ×2 and 北海道; n1 in 静岡県 who did not complete;
  /// n2 in 東京都 who did not complete but is named in a training (counted as a graduate).
  /// g4's roster entry says she ran local training, but no training of hers is recorded.
  static let project: Project = {
    func graduate(_ id: String, _ prefecture: String, ran: Bool? = nil) -> Person {
      Person(
        id: id, name: "修了者\(id)", profession: .nurse, prefecture: prefecture,
        progress: [
          StageProgress(programme: "k", stage: .completion),
          StageProgress(programme: "k", stage: .followUp, ranLocalTraining: ran),
        ])
    }
    let roster = Roster(
      id: "k", title: "令和4年度 講師人材養成 受講者名簿",
      people: [
        graduate("g1", "静岡県"), graduate("g2", "静岡県"), graduate("g3", "静岡県"),
        graduate("g4", "愛知県", ran: true), graduate("g5", "愛知県"), graduate("g6", "北海道"),
        Person(id: "n1", name: "未修了n1", profession: .doctor, prefecture: "静岡県"),
        Person(id: "n2", name: "未修了n2", profession: .doctor, prefecture: "東京都"),
      ])
    var project = Project(rosters: [roster])
    project.followUps = [
      FollowUpRecord(
        programme: "k",
        trainings: [
          LocalTraining(
            id: "t1", date: "2023-05-10", prefecture: "静岡県", municipality: "浜松市", kind: .groupWork,
            graduates: ["g1"], coInstructors: ["森 由美"],
            reached: [.init(profession: .doctor, count: 3), .init(profession: .nurse, count: 4)],
            participants: 10),
          // No prefecture: held where its first graduate is (静岡県).
          LocalTraining(
            id: "t2", date: "2023-09-01", kind: .caseStudy, graduates: ["g1", "g2"],
            reached: [.init(profession: .nurse, count: 5), .init(profession: .careManager, count: 2)]),
          LocalTraining(
            id: "t3", date: "2024-03-31", prefecture: "北海道", kind: .lecture, graduates: ["g6"],
            reached: [.init(profession: .doctor, count: 6)]),
          // Fiscal 2024.
          LocalTraining(
            id: "t4", date: "2024-04-01", prefecture: "東京都", kind: .lecture, graduates: ["n2"],
            reached: [.init(profession: .nurse, count: 2)]),
        ])
    ]
    return project
  }()

  func report(by key: SummaryKey = .prefecture, fiscalYear: Int? = nil, shareable: Bool = false) throws
    -> FollowUpReport
  {
    try #require(
      FollowUpReport(
        project: Self.project, programme: "k", by: key, fiscalYear: fiscalYear, shareable: shareable))
  }

  @Test func test_totals_countedByHand() throws {
    let report = try report()
    // g1–g6 and n2; g1, g2, g6, n2 ran one.
    #expect(report.graduates == 7 && report.ranTraining == 4)
    #expect(report.rate == 4.0 / 7.0)
    // 10 + 7 + 6 + 2 people at 4 trainings.
    #expect(report.trainings == 4 && report.reached == 25)
    #expect(report.firstDate == "2023-05-10" && report.lastDate == "2024-04-01")
    #expect(report.title == "令和4年度 講師人材養成")
    #expect(report.reportedWithoutRecord == 1)
  }

  @Test func test_byPrefecture_graduatesWhereRegistered_trainingsWhereHeld() throws {
    let report = try report()
    let rows = report.areas.map {
      "\($0.label) \($0.graduates ?? -1) \($0.ranTraining ?? -1) \($0.trainings ?? -1) \($0.reached ?? -1)"
    }
    // JIS order: 北海道 (1), 東京都 (13), 静岡県 (22), 愛知県 (23).
    #expect(rows == ["北海道 1 1 1 6", "東京都 1 1 1 2", "静岡県 3 2 2 17", "愛知県 2 0 0 0"])
    #expect(report.areas[2].rate == 2.0 / 3.0)
    #expect(report.areas[3].rate == 0)
  }

  @Test func test_reachedByProfession_withUnknownProfession() throws {
    let table = try report().reachedTable
    #expect(table.columnLabels == ["医師", "看護師", "介護支援専門員", "職種不明"])
    #expect(table.rowLabels == ["北海道", "東京都", "静岡県"])
    // 静岡県: t1 doctor 3, nurse 4, unknown 3 (10 − 7); t2 nurse 5, care manager 2.
    #expect(table.cells[2] == [3, 9, 2, 3])
    #expect(table.columnTotals == [9, 11, 2, 3] && table.total == 25)
  }

  @Test func test_kinds_andTheListByDate() throws {
    let report = try report()
    #expect(
      report.kinds.map { "\($0.kind) \($0.trainings ?? -1) \($0.reached ?? -1)" } == [
        "group-work 1 10", "case-study 1 7", "lecture 2 8",
      ])
    #expect(report.trainingList.map(\.id) == ["t1", "t2", "t3", "t4"])
    #expect(report.trainingList[1].prefecture == "静岡県")
    #expect(report.trainingList[1].graduates == ["修了者g1 (g1)", "修了者g2 (g2)"])
  }

  @Test func test_fiscalYear_countsOnlyItsTrainings() throws {
    let report = try report(fiscalYear: 2023)
    // t4 (2024-04-01) is fiscal 2024; n2 is then neither named nor completed.
    #expect(report.trainings == 3 && report.reached == 23)
    #expect(report.graduates == 6 && report.ranTraining == 3 && report.rate == 0.5)
  }

  @Test func test_byRegion() throws {
    let rows = try report(by: .region).areas.map {
      "\($0.label) \($0.graduates ?? -1) \($0.ranTraining ?? -1)"
    }
    #expect(rows == ["北海道 1 1", "関東 1 1", "中部 5 2"])
  }

  @Test func test_shareable_namesNoOne_listsNoTraining_andShowsNoSmallCount() throws {
    let report = try report(shareable: true)
    #expect(report.trainingList.isEmpty && report.reportedWithoutRecord == nil)
    #expect(report.suppressed > 0)
    let shown =
      report.areas.flatMap { [$0.graduates, $0.ranTraining, $0.trainings, $0.reached] }
      + report.reachedTable.cells.joined() + report.reachedTable.rowTotals
      + report.graduatesTable.cells.joined()
      + report.kinds.flatMap { [$0.trainings, $0.reached] }
    for value in shown.compactMap({ $0 }) {
      #expect(value == 0 || value >= 5, "a count of \(value) is shown")
    }
    let text = report.html() + String(decoding: try report.json(), as: UTF8.self)
    for secret in ["修了者g", "未修了", "森 由美", "g1", "t1"] { #expect(!text.contains(secret), "\(secret)") }
    // The organiser copy names them.
    let organiser = try self.report().html()
    #expect(organiser.contains("修了者g1 (g1)") && organiser.contains("森 由美"))
  }

  @Test func test_writesThePageJsonAndWorkbook() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "followup-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try report().write(to: folder)
    for file in ["index.html", "report.css", "followup.json", "tables.xlsx"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
    }
    let sheets = try report().tables()
    #expect(sheets.map(\.name) == ["areas", "reached", "kinds", "trainings"])
    #expect(sheets[0].rows.last == ["total", "7", "4", String(4.0 / 7.0), "4", "25"])
    #expect(try report(shareable: true).tables().map(\.name) == ["areas", "reached", "kinds"])
  }
}

extension FollowUpReportTests {
  @Test func printedPages_sayWhichCopyTheyAre() throws {
    for shareable in [false, true] {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "followup-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: folder) }
      try report(shareable: shareable).write(to: folder)
      let css = try String(contentsOf: folder.appendingPathComponent("report.css"), encoding: .utf8)
      #expect(
        css.contains(
          #"@page { @top-right { content: "令和4年度 講師人材養成（k）フォローアップ · "# + (shareable ? "提出用" : "主催者用")
        ))
      #expect(css.contains("@bottom-center { content: counter(page) \" / \" counter(pages);"))
    }
  }
}
