/// What was recorded of one person on the training day(s) of a programme: the sessions they
/// attended, when they arrived late or left early, and the modules and surveys they completed.
/// Personal data: kept in the project's roster data (`rosters/`), never published.
public struct Attendee: Sendable, Hashable, Codable {
  /// Roster id of the person.
  public var person: String
  /// Ids of the sessions attended, in programme order.
  public var sessions: [String]
  /// Clock time of a late arrival (遅刻), if any.
  public var arrived: ClockTime?
  /// Clock time of an early departure (早退), if any.
  public var left: ClockTime?
  /// Ids of self-study modules completed (e.g. collected by `serve --collect`).
  public var passed: [String]
  /// Ids of surveys submitted.
  public var submitted: [String]
  public var location: SourceLocation?

  public init(
    person: String, sessions: [String] = [], arrived: ClockTime? = nil, left: ClockTime? = nil,
    passed: [String] = [], submitted: [String] = [], location: SourceLocation? = nil
  ) {
    self.person = person
    self.sessions = sessions
    self.arrived = arrived
    self.left = left
    self.passed = passed
    self.submitted = submitted
    self.location = location
  }
}

/// The attendance of one programme (`<attendance programme="…">`, usually
/// `rosters/attendance-PROGRAMME.xml`, written by `kenshu attendance import`).
///
/// This is the attendance data model other features read (certificates, reports): look a
/// person up with `attendee(_:)`, count sessions with `attended(_:by:)`.
public struct AttendanceRecord: Sendable, Hashable, Codable {
  /// Programme id.
  public var programme: String
  /// One entry per person (ids are unique within a record; validate reports duplicates).
  public var attendees: [Attendee]
  public var location: SourceLocation?

  public init(programme: String, attendees: [Attendee] = [], location: SourceLocation? = nil) {
    self.programme = programme
    self.attendees = attendees
    self.location = location
  }

  /// The entry of `person`, if any.
  public func attendee(_ person: String) -> Attendee? { attendees.first { $0.person == person } }

  /// Whether `person` attended `session`.
  public func attended(_ session: String, by person: String) -> Bool {
    attendee(person)?.sessions.contains(session) ?? false
  }
}

extension Project {
  /// The attendance recorded for a programme: every record of it merged (a person's entry
  /// from a later file replaces an earlier one).
  public func attendance(of programme: String) -> AttendanceRecord {
    var merged = AttendanceRecord(programme: programme)
    for record in attendance where record.programme == programme {
      if merged.location == nil { merged.location = record.location }
      for attendee in record.attendees {
        if let index = merged.attendees.firstIndex(where: { $0.person == attendee.person }) {
          merged.attendees[index] = attendee
        } else {
          merged.attendees.append(attendee)
        }
      }
    }
    return merged
  }
}

extension AttendanceRecord {
  /// The record with self-study completions collected elsewhere (module id → participants
  /// who passed, e.g. by `serve --collect`) added to each person's `passed` modules, so that
  /// `<pass module>` counts them like a mark in the attendance file.
  public func counting(_ completions: [String: Set<String>]) -> AttendanceRecord {
    var record = self
    for (module, people) in completions.sorted(by: { $0.key < $1.key }) {
      for person in people.sorted() {
        if let index = record.attendees.firstIndex(where: { $0.person == person }) {
          if !record.attendees[index].passed.contains(module) {
            record.attendees[index].passed.append(module)
          }
        } else {
          record.attendees.append(Attendee(person: person, passed: [module]))
        }
      }
    }
    return record
  }
}
