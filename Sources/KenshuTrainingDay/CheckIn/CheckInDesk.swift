import Foundation
import KenshuModel

/// What reception (or the participant, scanning their slip) learns from one check-in.
public struct CheckInReceipt: Sendable, Hashable, Codable {
  public var participant: String
  /// The name on the roster, for reception to confirm it is this person.
  public var name: String
  public var course: String
  /// The sessions of the course recorded as attended (those not yet begun at arrival).
  public var sessions: [String]
  /// The arrival time recorded as late arrival (遅刻), when after the course's start.
  public var arrived: ClockTime?
}

/// The result of one check-in.
public enum CheckInOutcome: Sendable, Hashable {
  /// Recorded now, and written to the attendance record.
  case recorded(CheckInReceipt)
  /// The person was already checked in for this course: nothing changed (the first arrival
  /// time stands). A repeated scan, a double tap or a retried request ends here.
  case alreadyRecorded(CheckInReceipt)
  /// No trainee of the programme's roster with this id.
  case unknownPerson
  /// The programme has no such course, or — none named — no course today and more than one.
  case unknownCourse
  /// The course runs on another day (`date`), or has no date (nil): nothing changed.
  case notOnTheDay(course: String, date: String?)
  /// The record could not be written; nothing changed.
  case writeFailed(String)
}

/// Reception's check-in: records that a person arrived for a course, in the programme's
/// attendance record (`rosters/attendance-PROGRAMME.xml`) exactly as `kenshu attendance import`
/// records a marked 出欠 column for the course with a 遅刻 time: every session of the course
/// that had not begun at arrival, and the arrival time when it is after the course's start.
/// Sessions, modules and surveys recorded before (another course, an earlier import) are kept.
/// Only on the course's own date: a check-in for a course of another day is refused
/// (`CheckInCourseChoice`); `attendance import` is how attendance of a past day is recorded.
///
/// Idempotent: a person already checked in for the course is not recorded again, and the
/// first arrival stands. "Already" is per course (`isCheckedIn(_:for:at:)`): day 2 of a two-day
/// programme is recorded for someone who checked in on day 1. Each check-in is one `AttendanceRecordFile` update: the record is
/// read again under the file's lock, so check-ins from several threads or processes and an
/// `attendance import` run meanwhile all land, and it is written atomically, so a failure
/// leaves the previous record, never half a file. The token that proves who is checking in
/// is the caller's concern (`serve --collect` resolves it in the response store).
public struct CheckInDesk: Sendable {
  public let programme: Programme
  private let people: [String: Person]
  /// The record as loaded with the project: where a programme without a record file yet
  /// starts (records of other files of the programme included, as an import does).
  private let seed: AttendanceRecord
  /// The record file; its writer is replaced by tests to inject a failure.
  var recordFile: AttendanceRecordFile

  /// The desk of a programme with a roster. `root`: the project folder.
  public init(project: Project, programme id: String, root: URL) throws(AttendanceImportFailure) {
    let importer = try AttendanceImport(project: project, programme: id)
    programme = importer.programme
    people = Dictionary(
      importer.roster.people(withRole: .trainee).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    recordFile = AttendanceRecordFile(programme: importer.programme, root: root)
    var seed = project.attendance(of: id)
    seed.location = nil
    self.seed = seed
  }

  /// The attendance as recorded now (for tests and the server's status): the file, or the
  /// record loaded with the project when there is no file (or it cannot be read).
  public var current: AttendanceRecord { ((try? recordFile.read()) ?? nil) ?? seed }

  /// Whether `participant` is a trainee of the programme's roster (only they check in).
  public func admits(_ participant: String) -> Bool { people[participant] != nil }

  /// The course meant: the one named, else the course dated `today` (ISO), else the
  /// programme's only course — whatever its date (`course(named:on:)` applies the day rule).
  public func course(named id: String?, today: String?) -> Course? {
    if let id { return programme.courses.first { $0.id == id } }
    let dated = programme.courses.filter { today != nil && $0.date == today }
    if dated.count == 1 { return dated[0] }
    return programme.courses.count == 1 ? programme.courses[0] : nil
  }

  /// Checks `participant` in for `course` (see `course(named:on:)`) on `day` (ISO, Japan time)
  /// at clock time `time`. Only a course that runs on `day` is recorded.
  public func checkIn(participant: String, course id: String? = nil, on day: String, at time: ClockTime)
    -> CheckInOutcome
  {
    guard let person = people[participant] else { return .unknownPerson }
    let course: Course
    switch self.course(named: id, on: day) {
    case .onTheDay(let chosen): course = chosen
    case .notOnTheDay(let other): return .notOnTheDay(course: other.id, date: other.date)
    case .unknown: return .unknownCourse
    }
    let programme = programme
    do {
      return try recordFile.update(seed: seed) { record in
        let existing = record.attendee(participant)
        if let existing, Self.isCheckedIn(existing, for: course, at: time) {
          return .alreadyRecorded(
            CheckInReceipt(
              participant: participant, name: person.name, course: course.id,
              sessions: course.sessions.map(\.id).filter { existing.sessions.contains($0) },
              arrived: Self.arrival(of: existing, at: course)))
        }
        let (attended, late) = Self.sessions(of: course, arrivingAt: time)
        var attendee = existing ?? Attendee(person: participant)
        let order = programme.courses.flatMap(\.sessions).map(\.id)
        let all = Set(attendee.sessions).union(attended)
        attendee.sessions = order.filter { all.contains($0) }
        if late { attendee.arrived = time }
        attendee.location = nil
        if let index = record.attendees.firstIndex(where: { $0.person == participant }) {
          record.attendees[index] = attendee
        } else {
          record.attendees.append(attendee)
        }
        return .recorded(
          CheckInReceipt(
            participant: participant, name: person.name, course: course.id, sessions: attended,
            arrived: late ? time : nil))
      }
    } catch {
      return .writeFailed(error.description)
    }
  }

  /// The sessions of `course` a person arriving at `time` attends (those not yet begun), and
  /// whether the arrival is late (after the course's start).
  static func sessions(of course: Course, arrivingAt time: ClockTime) -> (sessions: [String], late: Bool) {
    let slots = course.timetable
    let late = slots.first?.start.map { time > $0 } ?? false
    return (slots.filter { slot in slot.start.map { $0 >= time } ?? !late }.map(\.session.id), late)
  }

  /// Whether `attendee` is already checked in for `course`, arriving now at `time`: a session
  /// of the course is recorded, or this check-in would record none (every session has begun)
  /// and an arrival is recorded already. The record keeps one arrival per person for the whole
  /// programme, with no date, so a recorded arrival alone never says which course it was for:
  /// a check-in that would record sessions is recorded (day 2 of a two-day programme after any
  /// day-1 arrival), and one that would record only a time keeps the first time.
  static func isCheckedIn(_ attendee: Attendee, for course: Course, at time: ClockTime) -> Bool {
    if course.sessions.contains(where: { attendee.sessions.contains($0.id) }) { return true }
    return attendee.arrived != nil && sessions(of: course, arrivingAt: time).sessions.isEmpty
  }

  /// The recorded late arrival when it is this course's: late for it, and exactly the
  /// course's sessions from that time on are recorded (not another day's arrival).
  static func arrival(of attendee: Attendee, at course: Course) -> ClockTime? {
    guard let arrived = attendee.arrived else { return nil }
    let (sessions, late) = sessions(of: course, arrivingAt: arrived)
    let recorded = course.sessions.map(\.id).filter { attendee.sessions.contains($0) }
    return late && sessions == recorded ? arrived : nil
  }
}
