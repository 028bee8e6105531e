import KenshuModel
import KenshuTabular

/// Matches the rows of one attendance table against the roster, collecting located problems
/// and what each matched row changes (`AttendanceChanges`).
struct AttendanceMatcher {
  let importer: AttendanceImport
  let table: Table
  var diagnostics: [Diagnostic] = []

  init(import importer: AttendanceImport, table: Table) {
    self.importer = importer
    self.table = table
  }

  private func location(_ line: Int, column: Int? = nil) -> SourceLocation {
    SourceLocation(file: table.file, line: line, column: column.map { $0 + 1 } ?? 0)
  }

  mutating func run() -> AttendanceImportResult {
    let programme = importer.programme
    let map = AttendanceColumnMap(programme: programme, project: importer.project)
    let columns = table.header.map(map.column(for:))
    var ignored: [String] = []
    for (index, column) in columns.enumerated() {
      switch column {
      case .unknown(let header):
        diagnostics.append(
          .error(
            Catalogue.attendanceUnknownColumn,
            (
              header, programme.id,
              programme.courses.flatMap(\.sessions).map(\.id).prefix(4).joined(separator: ", ") + ", …"
            ),
            at: location(table.headerLine, column: index)))
      case .ignored:
        if !table.header[index].isEmpty { ignored.append(table.header[index]) }
      default: break
      }
    }
    let index = { (wanted: AttendanceColumn) in columns.firstIndex(of: wanted) }
    let participant = index(.participant) ?? index(.possibleParticipant)
    let name = index(.name)
    let kana = index(.kana)
    let arrived = index(.arrived)
    let left = index(.left)
    let headerLocation = location(max(table.headerLine, 1))
    if participant == nil, name == nil {
      diagnostics.append(
        .error(Catalogue.attendanceNoPersonColumn, table.file, at: headerLocation))
    }
    let marksColumns = columns.filter {
      switch $0 {
      case .session, .course, .module, .survey: true
      default: false
      }
    }
    if marksColumns.isEmpty {
      diagnostics.append(
        .error(Catalogue.attendanceNoSessions, table.file, at: headerLocation))
    }

    let people = PeopleIndex(roster: importer.roster)
    var changes = AttendanceChanges(programme: programme, roster: importer.roster)
    var seen: [String: Int] = [:]
    var rows: [AttendanceRow] = []
    for row in table.records where !row.isBlank {
      let id = participant.flatMap { row.value(at: $0) }
      let rowName = name.flatMap { row.value(at: $0) }
      let rowKana = kana.flatMap { row.value(at: $0) }
      let written = [id, rowName, rowKana.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
      let (status, mismatch) = people.resolve(id: id, name: rowName, kana: rowKana)
      if let mismatch {
        diagnostics.append(
          .warning(
            Catalogue.attendanceNameDiffers, (written, mismatch.person, mismatch.roster),
            at: location(row.line)))
      }
      var marks = RowMarks()
      for (column, kind) in columns.enumerated() {
        readCell(row, column: column, kind: kind, into: &marks)
      }
      if let arrived { marks.arrived = time(row, arrived) }
      if let left { marks.left = time(row, left) }
      applyCourses(&marks, arrivedColumn: arrived != nil, leftColumn: left != nil)
      let present = programme.courses.flatMap(\.sessions).map(\.id).filter { marks.sessions[$0] == true }
      rows.append(AttendanceRow(line: row.line, written: written, status: status, sessions: present))
      switch status {
      case .matched(let person):
        if let first = seen[person] {
          diagnostics.append(
            .error(Catalogue.attendanceDuplicateRow, (written, first, person), at: location(row.line)))
        } else {
          seen[person] = row.line
          changes.entries.append(
            AttendanceChanges.Entry(
              person: person, marks: marks, arrivedColumn: arrived != nil, leftColumn: left != nil))
        }
      case .unmatched(let reason):
        diagnostics.append(
          .error(
            Catalogue.attendanceUnmatchedRow, (written, importer.roster.id, reason.ja, reason.en),
            at: location(row.line)))
      case .ambiguous(let candidates):
        diagnostics.append(
          .error(
            Catalogue.attendanceAmbiguousRow, (written, candidates.joined(separator: ", ")),
            at: location(row.line)))
      }
    }
    return AttendanceImportResult(
      rows: rows, record: changes.applied(to: importer.project.attendance(of: programme.id)),
      changes: changes, ignoredColumns: ignored, diagnostics: diagnostics,
      destination: AttendanceImport.recordPath(for: programme.id, root: .init(fileURLWithPath: ".")),
      written: false)
  }

  /// What one row says, before it is merged.
  struct RowMarks: Sendable {
    /// Per session: present (true) or absent (false); sessions the row says nothing of are absent.
    var sessions: [String: Bool] = [:]
    var courses: [String: Bool] = [:]
    var modules: [String: Bool] = [:]
    var surveys: [String: Bool] = [:]
    var arrived: ClockTime?
    var left: ClockTime?
  }

  private mutating func readCell(
    _ row: CSVRecord, column: Int, kind: AttendanceColumn, into marks: inout RowMarks
  ) {
    let present: Bool
    switch kind {
    case .session, .course, .module, .survey:
      let cell = row.value(at: column)
      switch AttendanceMark(cell: cell) {
      case .present: present = true
      case .absent: present = false
      case .unknown:
        diagnostics.append(
          .error(Catalogue.attendanceUnknownMark, cell ?? "", at: location(row.line, column: column)))
        return
      }
    default: return
    }
    switch kind {
    case .session(let id): marks.sessions[id] = present
    case .course(let id): marks.courses[id] = present
    case .module(let id): marks.modules[id] = present
    case .survey(let id): marks.surveys[id] = present
    default: break
    }
  }

  private mutating func time(_ row: CSVRecord, _ column: Int) -> ClockTime? {
    guard let cell = row.value(at: column) else { return nil }
    if let time = AttendanceTime.parse(cell) { return time }
    diagnostics.append(
      .error(Catalogue.attendanceInvalidTime, cell, at: location(row.line, column: column)))
    return nil
  }

  /// A course marked present covers its sessions that the person was there for: from the
  /// late-arrival time to the early-leave time. A session column of the same row wins.
  private func applyCourses(_ marks: inout RowMarks, arrivedColumn: Bool, leftColumn: Bool) {
    for course in importer.programme.courses {
      guard let present = marks.courses[course.id] else { continue }
      for slot in course.timetable where marks.sessions[slot.session.id] == nil {
        var there = present
        if there, let arrived = marks.arrived, let start = slot.start, start < arrived { there = false }
        if there, let left = marks.left, let end = slot.end, end > left { there = false }
        marks.sessions[slot.session.id] = there
      }
    }
  }
}

/// The roster by id, name and kana, for matching rows.
struct PeopleIndex {
  let byID: [String: Person]
  let byName: [String: [Person]]
  let byKana: [String: [Person]]

  init(roster: Roster) {
    var byID: [String: Person] = [:]
    var byName: [String: [Person]] = [:]
    var byKana: [String: [Person]] = [:]
    for person in roster.people {
      if byID[person.id] == nil { byID[person.id] = person }
      byName[PersonNameKey.name(person.name), default: []].append(person)
      if let kana = person.kana { byKana[PersonNameKey.kana(kana), default: []].append(person) }
    }
    self.byID = byID
    self.byName = byName
    self.byKana = byKana
  }

  /// What the roster says of a matched person when the row writes the name or kana otherwise
  /// (高橋 for 髙橋 in a file saved as Shift_JIS, a typo in the kana): matched, with a warning.
  struct Mismatch {
    var person: String
    var roster: String
  }

  func resolve(id: String?, name: String?, kana: String?) -> (AttendanceRowStatus, Mismatch?) {
    let status = resolveStatus(id: id, name: name, kana: kana)
    guard case .matched(let person) = status, let found = byID[person] else { return (status, nil) }
    if let name, PersonNameKey.name(name) != PersonNameKey.name(found.name) {
      return (status, Mismatch(person: person, roster: found.name))
    }
    if let kana, let rosterKana = found.kana, PersonNameKey.kana(kana) != PersonNameKey.kana(rosterKana) {
      return (status, Mismatch(person: person, roster: found.name + "（" + rosterKana + "）"))
    }
    return (status, nil)
  }

  private func resolveStatus(id: String?, name: String?, kana: String?) -> AttendanceRowStatus {
    if let id {
      // Ids are compared as written, then width-folded (Ｐ００１ → P001) and case-folded.
      if let person = byID[id] { return .matched(person: person.id) }
      // Folded, two roster ids may meet (p001 and P001): then the row is ambiguous, never
      // given to whichever the dictionary happens to yield first.
      let folded = id.precomposedStringWithCompatibilityMapping.lowercased()
      let candidates = byID.values.filter { $0.id.lowercased() == folded }.map(\.id).sorted()
      if candidates.count > 1 { return .ambiguous(candidates: candidates) }
      guard let person = candidates.first else {
        return .unmatched(
          reason: UnmatchedReason(ja: "ID「\(id)」は名簿にありません", en: "no person with id \"\(id)\""))
      }
      return .matched(person: person)
    }
    guard let name else {
      return .unmatched(
        reason: UnmatchedReason(ja: "ID も氏名もありません", en: "the row has neither an id nor a name"))
    }
    let kanaKey = kana.map(PersonNameKey.kana)
    let named = byName[PersonNameKey.name(name)] ?? []
    if named.count == 1 {
      return .matched(person: named[0].id)
    }
    if named.count > 1 {
      let narrowed = kanaKey.map { key in named.filter { $0.kana.map(PersonNameKey.kana) == key } } ?? named
      if narrowed.count == 1 { return .matched(person: narrowed[0].id) }
      return .ambiguous(candidates: (narrowed.isEmpty ? named : narrowed).map(\.id))
    }
    // No such name: the kana alone may still find the person whose name the file could not
    // write (髙, 﨑 are missing from Shift_JIS), but only when one person has it.
    if let kanaKey, let readers = byKana[kanaKey] {
      if readers.count == 1 { return .matched(person: readers[0].id) }
      return .ambiguous(candidates: readers.map(\.id))
    }
    return .unmatched(reason: UnmatchedReason(ja: "氏名「\(name)」は名簿にありません", en: "no person of that name"))
  }
}
