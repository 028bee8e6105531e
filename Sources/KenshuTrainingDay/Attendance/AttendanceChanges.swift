import KenshuModel

/// What an attendance import changes, person by person, kept apart from the record it is
/// applied to. The import applies the changes to the record as loaded, for its report and a
/// dry run, and again to the record as re-read under the file's lock when it writes
/// (`AttendanceRecordFile`): a check-in recorded meanwhile by `serve --collect` is kept.
struct AttendanceChanges: Sendable {
  /// One matched row.
  struct Entry: Sendable {
    var person: String
    var marks: AttendanceMatcher.RowMarks
    /// Whether the file has a late-arrival (or early-leave) column: only then does the row
    /// replace the recorded time, blank or not.
    var arrivedColumn: Bool
    var leftColumn: Bool
  }

  let programme: Programme
  /// Roster position of each person: the record lists people in roster order.
  let rosterOrder: [String: Int]
  var entries: [Entry] = []

  init(programme: Programme, roster: Roster) {
    self.programme = programme
    rosterOrder = Dictionary(
      roster.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// `record` with every entry merged: for each person, the sessions the file's columns cover
  /// are replaced, modules and surveys marked are added or removed, the times replaced when
  /// the file has their column; everything else of the record is kept.
  func applied(to record: AttendanceRecord) -> AttendanceRecord {
    var record = record
    for entry in entries { merge(entry, into: &record) }
    record.attendees.sort {
      (rosterOrder[$0.person] ?? Int.max, $0.person) < (rosterOrder[$1.person] ?? Int.max, $1.person)
    }
    return record
  }

  private func merge(_ entry: Entry, into record: inout AttendanceRecord) {
    let marks = entry.marks
    var attendee = record.attendee(entry.person) ?? Attendee(person: entry.person)
    let order = programme.courses.flatMap(\.sessions).map(\.id)
    var sessions = Set(attendee.sessions)
    for (id, present) in marks.sessions {
      if present { sessions.insert(id) } else { sessions.remove(id) }
    }
    attendee.sessions = order.filter { sessions.contains($0) }
    func apply(_ changes: [String: Bool], to list: [String]) -> [String] {
      var result = list.filter { changes[$0] != false }
      for (id, present) in changes.sorted(by: { $0.key < $1.key }) where present && !result.contains(id) {
        result.append(id)
      }
      return result
    }
    attendee.passed = apply(marks.modules, to: attendee.passed)
    attendee.submitted = apply(marks.surveys, to: attendee.submitted)
    if entry.arrivedColumn { attendee.arrived = marks.arrived }
    if entry.leftColumn { attendee.left = marks.left }
    attendee.location = nil
    if let index = record.attendees.firstIndex(where: { $0.person == entry.person }) {
      record.attendees[index] = attendee
    } else {
      record.attendees.append(attendee)
    }
  }
}
