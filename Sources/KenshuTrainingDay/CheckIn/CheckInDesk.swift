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
  /// The record could not be written; nothing changed.
  case writeFailed(String)
}

/// Reception's check-in: records that a person arrived for a course, in the programme's
/// attendance record (`rosters/attendance-PROGRAMME.xml`) exactly as `kenshu attendance import`
/// records a marked 出欠 column for the course with a 遅刻 time: every session of the course
/// that had not begun at arrival, and the arrival time when it is after the course's start.
/// Sessions, modules and surveys recorded before (another course, an earlier import) are kept.
///
/// Idempotent: a person already checked in for the course is not recorded again, and the
/// first arrival stands. Check-ins are serialised by the desk (one writer per record); each
/// writes the whole record atomically (a temporary file renamed over the old one), so a crash
/// leaves the previous record or the new one, never half a file. The token that proves who is
/// checking in is the caller's concern (`serve --collect` checks it against the store).
public final class CheckInDesk: @unchecked Sendable {
  public let programme: Programme
  private let people: [String: Person]
  private let destination: URL
  private let lock = NSLock()
  private var record: AttendanceRecord
  /// Writes the record; replaced by tests to inject a failure.
  var write: (Data, URL) throws -> Void = { data, url in try data.write(to: url, options: .atomic) }

  /// The desk of a programme with a roster. `root`: the project folder.
  public init(project: Project, programme id: String, root: URL) throws(AttendanceImportFailure) {
    let importer = try AttendanceImport(project: project, programme: id)
    programme = importer.programme
    people = Dictionary(
      importer.roster.people(withRole: .trainee).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    destination = AttendanceImport.recordPath(for: id, root: root)
    record = project.attendance(of: id)
    record.location = nil
  }

  /// The attendance as recorded so far (for tests and the server's status).
  public var current: AttendanceRecord { lock.withLock { record } }

  /// The course checked in for: the one named, else the course dated `today` (ISO), else the
  /// programme's only course.
  public func course(named id: String?, today: String?) -> Course? {
    if let id { return programme.courses.first { $0.id == id } }
    let dated = programme.courses.filter { today != nil && $0.date == today }
    if dated.count == 1 { return dated[0] }
    return programme.courses.count == 1 ? programme.courses[0] : nil
  }

  /// Checks `participant` in for `course` (see `course(named:today:)`) at clock time `time`.
  public func checkIn(participant: String, course id: String? = nil, today: String? = nil, at time: ClockTime)
    -> CheckInOutcome
  {
    guard let person = people[participant] else { return .unknownPerson }
    guard let course = course(named: id, today: today) else { return .unknownCourse }
    return lock.withLock {
      let courseSessions = Set(course.sessions.map(\.id))
      let existing = record.attendee(participant)
      if let existing, !courseSessions.isDisjoint(with: existing.sessions) || existing.arrived != nil {
        return .alreadyRecorded(
          CheckInReceipt(
            participant: participant, name: person.name, course: course.id,
            sessions: course.sessions.map(\.id).filter { existing.sessions.contains($0) },
            arrived: existing.arrived))
      }
      let slots = course.timetable
      let late = slots.first?.start.map { time > $0 } ?? false
      let attended = slots.filter { slot in slot.start.map { $0 >= time } ?? !late }.map(\.session.id)
      var updated = record
      var attendee = existing ?? Attendee(person: participant)
      let order = programme.courses.flatMap(\.sessions).map(\.id)
      let all = Set(attendee.sessions).union(attended)
      attendee.sessions = order.filter { all.contains($0) }
      if late { attendee.arrived = time }
      attendee.location = nil
      if let index = updated.attendees.firstIndex(where: { $0.person == participant }) {
        updated.attendees[index] = attendee
      } else {
        updated.attendees.append(attendee)
      }
      do {
        try FileManager.default.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write(Data(AttendanceXMLWriter().xml(for: updated, programme: programme).utf8), destination)
      } catch {
        return .writeFailed(error.localizedDescription)
      }
      record = updated
      return .recorded(
        CheckInReceipt(
          participant: participant, name: person.name, course: course.id, sessions: attended,
          arrived: late ? time : nil))
    }
  }
}
