import Foundation
import KenshuModel
import Testing

@testable import KenshuTrainingDay

/// Check-in at reception: recorded like `attendance import`, written atomically, idempotent.
@Suite struct CheckInDeskTests {
  /// The date of the fixture's only course, `day-1`: the day check-ins are taken.
  static let day = "2026-10-17"
  func time(_ text: String) throws -> ClockTime { try #require(ClockTime(parsing: text)) }

  @Test func test_onTimeCheckIn_recordsEveryCourseSession_likeAMarkedDayColumn() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    guard case .recorded(let receipt) = desk.checkIn(participant: "a01", on: Self.day, at: try time("09:20"))
    else {
      Issue.record("not recorded")
      return
    }
    #expect(receipt.sessions == ["open", "lec", "gw-am", "lunch", "gw-pm", "close"])
    #expect(receipt.arrived == nil && receipt.course == "day-1")
    // The same as importing a 出欠 column marked ○: the loader reads the written file back.
    let reloaded = try fixture.project().attendance(of: "day")
    #expect(reloaded.attendee("a01")?.sessions == receipt.sessions)
    #expect(!fixture.load().diagnostics.contains { $0.severity == .error })
    let viaImport = try TrainingDayFixture()
    defer { viaImport.remove() }
    try CertificateIssueTests().importAttendance("participant,出欠\na01,○\n", viaImport)
    #expect(
      try String(contentsOf: AttendanceImport.recordPath(for: "day", root: fixture.root), encoding: .utf8)
        == String(contentsOf: AttendanceImport.recordPath(for: "day", root: viaImport.root), encoding: .utf8))
  }

  @Test func test_lateCheckIn_recordsTheArrival_andOnlySessionsNotYetBegun() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    // 09:30 opening (10 min), 09:40 lecture (60), 10:40 GW1: arriving 10:00 misses opening and lecture.
    guard case .recorded(let receipt) = desk.checkIn(participant: "a02", on: Self.day, at: try time("10:00"))
    else {
      Issue.record("not recorded")
      return
    }
    #expect(receipt.sessions == ["gw-am", "lunch", "gw-pm", "close"])
    #expect(receipt.arrived == (try time("10:00")))
    let xml = try String(
      contentsOf: AttendanceImport.recordPath(for: "day", root: fixture.root), encoding: .utf8)
    #expect(xml.contains(#"person="a02" sessions="gw-am lunch gw-pm close" arrived="10:00""#), "\(xml)")
  }

  @Test func test_repeatCheckIn_isRecordedOnce_andTheFirstArrivalStands() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    #expect(
      {
        if case .recorded = desk.checkIn(participant: "a03", on: Self.day, at: try! time("10:00")) {
          true
        } else {
          false
        }
      }())
    let file = AttendanceImport.recordPath(for: "day", root: fixture.root)
    let before = try Data(contentsOf: file)
    let again = desk.checkIn(participant: "a03", on: Self.day, at: try time("11:30"))
    guard case .alreadyRecorded(let receipt) = again else {
      Issue.record("\(again)")
      return
    }
    #expect(receipt.arrived == (try time("10:00")))
    #expect(try Data(contentsOf: file) == before)
    // A new desk (the server restarted) over the project as loaded now knows it too.
    let restarted = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    if case .alreadyRecorded = restarted.checkIn(participant: "a03", on: Self.day, at: try time("12:00")) {
    } else {
      Issue.record("recorded twice after a restart")
    }
    #expect(try fixture.project().attendance(of: "day").attendees.filter { $0.person == "a03" }.count == 1)
  }

  @Test func test_concurrentCheckIns_allRecorded_noneLost() async throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    let people = ["a01", "a02", "a03", "a04", "a05", "a06", "a07"]
    let at = try time("09:00")
    await withTaskGroup(of: Void.self) { group in
      for person in people + people {
        group.addTask { _ = desk.checkIn(participant: person, on: Self.day, at: at) }
      }
    }
    let recorded = try fixture.project().attendance(of: "day").attendees.map(\.person).sorted()
    #expect(recorded == people)
  }

  @Test func test_unknownPeopleAndCourses_andAFailedWrite_changeNothing() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    var desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    #expect(desk.checkIn(participant: "zz9", on: Self.day, at: try time("09:00")) == .unknownPerson)
    // The facilitator is on the roster but is no trainee.
    #expect(desk.checkIn(participant: "f01", on: Self.day, at: try time("09:00")) == .unknownPerson)
    #expect(
      desk.checkIn(participant: "a01", course: "day-9", on: Self.day, at: try time("09:00")) == .unknownCourse
    )
    desk.recordFile.writeTemporary = { _, _ in throw CocoaError(.fileWriteOutOfSpace) }
    if case .writeFailed = desk.checkIn(participant: "a01", on: Self.day, at: try time("09:00")) {
    } else {
      Issue.record("a failed write was reported as recorded")
    }
    #expect(desk.current.attendee("a01") == nil)
    #expect(
      !FileManager.default.fileExists(
        atPath: AttendanceImport.recordPath(for: "day", root: fixture.root).path))
  }

  @Test(arguments: ["2026-10-16", "2026-10-18"])
  func test_theDayBeforeOrAfter_isRefused_withTheCourseDate_andNothingChanges(day: String) throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    guard case .recorded = desk.checkIn(participant: "a01", on: Self.day, at: try time("09:00")) else {
      Issue.record("not recorded on the day")
      return
    }
    let file = AttendanceImport.recordPath(for: "day", root: fixture.root)
    let before = try Data(contentsOf: file)
    // Named or not: the programme's only course is the one meant, and it is not on this day.
    for named in [nil, "day-1"] {
      #expect(
        desk.checkIn(participant: "a02", course: named, on: day, at: try time("09:00"))
          == .notOnTheDay(course: "day-1", date: Self.day))
      #expect(
        desk.course(named: named, on: day)
          == .notOnTheDay(try #require(desk.course(named: "day-1", today: nil))))
    }
    #expect(try Data(contentsOf: file) == before, "the record is unchanged byte for byte")
    #expect(desk.current.attendee("a02") == nil)
  }

  /// A two-day programme: the fixture's day-1 and a day-2 course the next day.
  func twoDayFixture() throws -> TrainingDayFixture {
    let fixture = try TrainingDayFixture()
    let file = fixture.root.appendingPathComponent("curricula/day.xml")
    let xml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
      of: "  </course>\n",
      with: """
          </course>
          <course id="day-2" date="2026-10-18" start="09:30">
            <title>2日目</title>
            <session id="lec2" kind="lecture" duration="PT60M"><title>講義2　多職種連携</title></session>
            <session id="gw3" kind="groupwork" duration="PT90M"><title>GW3</title><groups size="4"/></session>
          </course>

        """)
    try xml.write(to: file, atomically: true, encoding: .utf8)
    return fixture
  }

  /// Regression: day 2 of a two-day programme was answered `already` to anyone who had
  /// checked in on day 1 late, so their day-2 sessions were never recorded.
  @Test func test_day2OfATwoDayProgramme_isRecorded_afterALateDay1() throws {
    let fixture = try twoDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    guard case .recorded = desk.checkIn(participant: "a01", on: Self.day, at: try time("10:00")),
      case .recorded = desk.checkIn(participant: "a02", on: Self.day, at: try time("09:00"))
    else {
      Issue.record("day 1 not recorded")
      return
    }
    // Day 2: a01 (late on day 1) on time, a02 (on time on day 1) late.
    let onTime = desk.checkIn(participant: "a01", on: "2026-10-18", at: try time("09:25"))
    guard case .recorded(let first) = onTime else {
      Issue.record("day 2 answered \(onTime)")
      return
    }
    #expect(first.course == "day-2" && first.sessions == ["lec2", "gw3"] && first.arrived == nil)
    let late = desk.checkIn(participant: "a02", on: "2026-10-18", at: try time("10:00"))
    guard case .recorded(let second) = late else {
      Issue.record("day 2 answered \(late)")
      return
    }
    #expect(try second.sessions == ["gw3"] && second.arrived == time("10:00"))
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendee("a01")?.sessions == ["gw-am", "lunch", "gw-pm", "close", "lec2", "gw3"])
    #expect(record.attendee("a02")?.sessions == ["open", "lec", "gw-am", "lunch", "gw-pm", "close", "gw3"])
    // Repeats on day 2 are repeats, and a01's day-1 arrival is not shown as day 2's.
    guard
      case .alreadyRecorded(let repeatFirst) = desk.checkIn(
        participant: "a01", on: "2026-10-18", at: try time("11:00")),
      case .alreadyRecorded(let repeatSecond) = desk.checkIn(
        participant: "a02", on: "2026-10-18", at: try time("11:00"))
    else {
      Issue.record("a repeat on day 2 was recorded again")
      return
    }
    #expect(repeatFirst.arrived == nil && repeatFirst.sessions == ["lec2", "gw3"])
    #expect(try repeatSecond.arrived == time("10:00") && repeatSecond.sessions == ["gw3"])
  }

  /// Someone arriving after every session of the course began records only the time; a
  /// repeat scan is still a repeat.
  @Test func test_arrivalAfterEverySessionBegan_isRecordedOnce() throws {
    let fixture = try twoDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    guard
      case .recorded(let receipt) = desk.checkIn(participant: "a03", on: "2026-10-18", at: try time("11:30"))
    else {
      Issue.record("not recorded")
      return
    }
    #expect(try receipt.sessions.isEmpty && receipt.arrived == time("11:30"))
    guard case .alreadyRecorded = desk.checkIn(participant: "a03", on: "2026-10-18", at: try time("11:40"))
    else {
      Issue.record("recorded twice")
      return
    }
  }

  /// Regression (review): a day-1 arrival after day 2's last session start — an afternoon
  /// arrival (11:00), or one after every day-1 session began (16:30) — made day 2's on-time
  /// check-in answer `already`, as if it had recorded only a time; day 2 was never recorded.
  @Test(arguments: ["11:00", "16:30"])
  func test_day2IsRecorded_afterADay1ArrivalLaterThanDay2sSessions(day1: String) throws {
    let fixture = try twoDayFixture()
    defer { fixture.remove() }
    let desk = try CheckInDesk(project: try fixture.project(), programme: "day", root: fixture.root)
    guard case .recorded = desk.checkIn(participant: "a01", on: Self.day, at: try time(day1)) else {
      Issue.record("day 1 not recorded")
      return
    }
    let answer = desk.checkIn(participant: "a01", on: "2026-10-18", at: try time("09:25"))
    guard case .recorded(let receipt) = answer else {
      Issue.record("day 2 answered \(answer)")
      return
    }
    #expect(receipt.sessions == ["lec2", "gw3"] && receipt.arrived == nil)
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendee("a01")?.sessions.suffix(2) == ["lec2", "gw3"])
    #expect(try record.attendee("a01")?.arrived == time(day1), "day 1's arrival stands: day 2 was on time")
  }
}
