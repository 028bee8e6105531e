import Foundation
import KenshuModel
import Testing

@testable import KenshuReports

/// Figures of the programme report against a small fixture counted by hand (issue 16).
@Suite struct ProgrammeReportTests {
  /// Two courses in fiscal 2026 (October 2026, March 2027) and one in fiscal 2027 (April 2027);
  /// seven trainees in two municipalities, two instructors, one facilitator.
  static let programme: Programme = {
    var programme = Programme(
      id: "p", title: "多職種連携研修", organiser: "みなと市", venue: "市民会館",
      courses: [
        Course(
          id: "d1", title: "1日目", date: "2026-10-17", start: ClockTime(hour: 9, minute: 30),
          end: ClockTime(hour: 12, minute: 0), mode: "onsite",
          sessions: [
            Session(id: "open", kind: .opening, title: "開会", durationMinutes: 10),
            Session(id: "l1", kind: .lecture, title: "講義1", durationMinutes: 40, instructors: ["i1"]),
            Session(id: "brk", kind: .break, title: "休憩", durationMinutes: 10),
            Session(
              id: "gw", kind: .groupwork, title: "グループワーク", durationMinutes: 90, instructors: ["i1"],
              facilitators: ["f1"]),
          ]),
        Course(
          id: "d2", title: "2日目", date: "2027-03-06",
          sessions: [
            Session(id: "l2", kind: .lecture, title: "講義2", durationMinutes: 60, instructors: ["i2"])
          ]),
        Course(
          id: "d3", title: "翌年度", date: "2027-04-10",
          sessions: [
            Session(id: "l3", kind: .lecture, title: "講義3", durationMinutes: 30, instructors: ["i2"])
          ]),
      ], roster: "r")
    programme.serves = [.ka, .e]
    programme.awards = [
      Award(
        id: "done", kind: .completion, title: "修了証書", numbering: NumberingPattern(prefix: "R8-"),
        requirements: [.attend(kinds: [], sessions: ["l1", "gw"], minutes: nil, location: nil)])
    ]
    return programme
  }()

  static let roster = Roster(
    id: "r",
    people: [
      Person(id: "t1", name: "甲", profession: .nurse, prefecture: "静岡県", municipality: "浜松市"),
      Person(id: "t2", name: "乙", profession: .nurse, prefecture: "静岡県", municipality: "浜松市"),
      Person(id: "t3", name: "丙", profession: .nurse, prefecture: "静岡県", municipality: "磐田市"),
      Person(id: "t4", name: "丁", profession: .careManager, prefecture: "静岡県", municipality: "浜松市"),
      Person(id: "t5", name: "戊", profession: .careManager, prefecture: "静岡県", municipality: "磐田市"),
      Person(id: "t6", name: "己", profession: .careManager, prefecture: "静岡県", municipality: "磐田市"),
      Person(id: "t7", name: "庚", profession: .pharmacist, prefecture: "静岡県", municipality: "浜松市"),
      Person(id: "i1", name: "講師一", profession: .doctor, roles: [.instructor]),
      Person(id: "i2", name: "講師二", profession: .nurse, roles: [.instructor]),
      Person(id: "f1", name: "ファシ", profession: .socialWorker, roles: [.facilitator]),
    ])

  func project(attendance: Bool) -> Project {
    var project = Project(programmes: [Self.programme], rosters: [Self.roster])
    if attendance {
      // t1–t4 attended l1 and gw (complete); t5 only l1; t6 and t7 nothing recorded.
      project.attendance = [
        AttendanceRecord(
          programme: "p",
          attendees: ["t1", "t2", "t3", "t4"].map { Attendee(person: $0, sessions: ["open", "l1", "gw"]) }
            + [Attendee(person: "t5", sessions: ["l1"]), Attendee(person: "t6")])
      ]
    }
    return project
  }

  @Test func test_fiscalYear_sessionsHoursAndWorkItems() {
    let report = ProgrammeReport(
      project: project(attendance: false), programme: Self.programme, fiscalYear: 2026)
    #expect(report.courses.map(\.id) == ["d1", "d2"])
    #expect(report.firstDate == "2026-10-17")
    #expect(report.lastDate == "2027-03-06")
    // Learning sessions: l1 (40) + gw (90) on day 1, l2 (60) on day 2; opening and break left out.
    #expect(report.courses.map(\.sessions) == [2, 1])
    #expect(report.courses.map(\.learningMinutes) == [130, 60])
    #expect(report.sessions == 3)
    #expect(report.learningMinutes == 190)
    #expect(report.serves.map(\.letter) == ["（カ）", "（エ）"])
    // i1 taught l1 and gw, i2 taught l2 (l3 is in fiscal 2027).
    #expect(report.instructors.map(\.name) == ["講師一", "講師二"])
    #expect(report.instructors.map(\.sessions) == [2, 1])
    #expect(report.facilitators == 1)
    let whole = ProgrammeReport(project: project(attendance: false), programme: Self.programme)
    #expect(whole.courses.count == 3)
    #expect(whole.learningMinutes == 220)
    #expect(FiscalYear.contains("2027-03-31", year: 2026))
    #expect(!FiscalYear.contains("2027-04-01", year: 2026))
  }

  @Test func test_participants_byProfessionAndMunicipality() throws {
    let report = ProgrammeReport(project: project(attendance: false), programme: Self.programme)
    let table = try #require(report.participants)
    // Professions in vocabulary order (nurse, pharmacist, care manager as the vocabulary lists
    // them); municipalities by name within 静岡県.
    #expect(table.columnLabels == ["浜松市", "磐田市"])
    let byLabel = Dictionary(uniqueKeysWithValues: zip(table.rowLabels, table.cells))
    #expect(byLabel["看護師"] == [2, 1])
    #expect(byLabel["介護支援専門員"] == [1, 2])
    #expect(byLabel["薬剤師"] == [1, 0])
    #expect(table.columnTotals == [4, 3])
    #expect(table.total == 7)
    #expect(table.suppressed == 0)
    #expect(report.attendance == nil)
    #expect(report.html().contains("出席記録（rosters/ の &lt;attendance&gt;）がないため"))
  }

  @Test func test_attendanceAndCompletion_fromTheRecords() throws {
    let report = ProgrammeReport(
      project: project(attendance: true), programme: Self.programme, fiscalYear: 2026)
    let attendance = try #require(report.attendance)
    #expect(attendance.enrolled == 7)
    // t6 has an entry with no session: not attended.
    #expect(attendance.attended == 5)
    #expect(attendance.attendanceRate.map { abs($0 - 5.0 / 7) < 1e-12 } == true)
    #expect(attendance.sessions.map(\.id) == ["l1", "gw", "l2"])
    #expect(attendance.sessions.map(\.attended) == [5, 4, 0])
    let award = try #require(attendance.awards.first)
    #expect(award.eligible == 4)
    #expect(award.rate.map { abs($0 - 4.0 / 7) < 1e-12 } == true)
  }

  @Test func test_shareableCopy_namesNoOne_andSuppressesSmallCounts() throws {
    let report = ProgrammeReport(
      project: project(attendance: true), programme: Self.programme, shareable: true)
    #expect(report.instructors.allSatisfy { $0.name == nil && $0.id == nil })
    #expect(report.instructors.map(\.profession) == ["医師", "看護師"])
    let table = try #require(report.participants)
    // Every cell is 0–2: all non-zero cells are under 5 and hidden, and the audit hides more.
    for row in table.cells { for cell in row { #expect(cell == nil || cell == 0) } }
    #expect(table.suppressed > 0)
    let html = report.html()
    let json = String(decoding: try report.json(), as: UTF8.self)
    for name in ["講師一", "講師二", "甲", "t1", "i1"] {
      #expect(!html.contains(name), "\(name)")
      #expect(!json.contains("\"\(name)\""), "\(name)")
    }
    #expect(html.contains("<td class=\"suppressed\">×</td>"))
    #expect(!html.contains(" style="))
  }
}

@Suite struct ProgrammeReportPageTests {
  @Test func test_purposeHeadings_startBelowTheSection_andNeverSkipALevel() {
    #expect(ProgrammeReportPage.headingShift("## 目的\n本文\n### 詳細", topLevel: 4) == 2)
    #expect(ProgrammeReportPage.headingShift("# 目的", topLevel: 4) == 3)
    #expect(ProgrammeReportPage.headingShift("本文だけ", topLevel: 4) == 3)
    var programme = ProgrammeReportTests.programme
    programme.roster = nil
    let report = ProgrammeReport(
      project: Project(programmes: [programme]), programme: programme, purpose: "## 目的\n\n**多職種**で学ぶ<script>")
    let html = report.html()
    #expect(html.contains("<h4"))
    #expect(!html.contains("<h5"))
    #expect(html.contains("<strong>多職種</strong>"))
    #expect(!html.contains("<script"))
    #expect(html.contains("名簿に受講者"))
  }

  @Test func test_fiscalYearLabel_isReiwa() {
    #expect(ProgrammeReportPage.fiscalYearLabel(2026) == "令和8年度（2026年度）")
    #expect(ProgrammeReportPage.fiscalYearLabel(2019) == "令和元年度（2019年度）")
  }
}

extension ProgrammeReportTests {
  /// Every printed page names the programme, its edition and the copy (issue 16).
  @Test func test_printedPages_carryTheProgrammeEditionAndCopy() throws {
    var programme = Self.programme
    programme.edition = Edition(version: "2026.1", date: "2026-08-01")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try ProgrammeReport(project: project(attendance: false), programme: programme, shareable: true).write(
      to: folder)
    let css = try String(contentsOf: folder.appendingPathComponent("report.css"), encoding: .utf8)
    #expect(css.contains(#"@page { @top-right { content: "多職種連携研修 · 2026.1 2026-08-01 版 · 提出用"; "#))
  }
}
