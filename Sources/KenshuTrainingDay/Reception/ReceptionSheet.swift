import Foundation
import KenshuModel
import KenshuTabular

/// The reception list (受付名簿) of a programme or one course: the trainees sorted by kana, with
/// a check column per session the completion rules count, the group/table number when a group
/// plan is given, and room for late-arrival and early-leave times.
///
/// Its CSV/xlsx form is also the simplest attendance file: `participant` + one column per
/// session id, so the filled-in sheet is imported as it is (`AttendanceImport`).
public struct ReceptionSheet: Sendable {
  public let programme: Programme
  public let course: Course?
  /// Trainees, sorted by kana (then name, then id).
  public let people: [Person]
  /// The sessions that get a check column, in timetable order.
  public let sessions: [Session]
  /// Table number per person id, from a group plan (round 1).
  public let groups: [String: String]

  /// Fails when the programme, its roster or the course is unknown.
  public init(
    project: Project, programme id: String, course courseID: String? = nil, groups: [String: String] = [:]
  )
    throws(AttendanceImportFailure)
  {
    guard let programme = project.programme(id) else {
      throw AttendanceImportFailure("no programme \"\(id)\" in this project")
    }
    guard let rosterID = programme.roster, let roster = project.roster(rosterID) else {
      throw AttendanceImportFailure("programme \"\(id)\" names no roster of this project (roster=\"…\")")
    }
    var course: Course?
    if let courseID {
      guard let found = programme.courses.first(where: { $0.id == courseID }) else {
        throw AttendanceImportFailure(
          "programme \"\(id)\" has no course \"\(courseID)\" (courses: "
            + programme.courses.map(\.id).joined(separator: ", ") + ")")
      }
      course = found
    }
    self.programme = programme
    self.course = course
    self.groups = groups
    people = roster.people(withRole: .trainee).sorted {
      (PersonNameKey.kana($0.kana ?? $0.name), PersonNameKey.name($0.name), $0.id)
        < (PersonNameKey.kana($1.kana ?? $1.name), PersonNameKey.name($1.name), $1.id)
    }
    let scope = course.map { [$0] } ?? programme.courses
    let inScope = scope.flatMap(\.sessions)
    sessions = Self.checkedSessions(of: programme, among: inScope)
  }

  /// The sessions the awards' `<attend>` requirements count; every learning session when the
  /// programme has no rule.
  static func checkedSessions(of programme: Programme, among scope: [Session]) -> [Session] {
    var counted: Set<String> = []
    for award in programme.allAwards {
      let awardScope = programme.sessions(inScopeOf: award)
      for requirement in award.requirements {
        if case .attend(let kinds, let ids, _, _) = requirement {
          counted.formUnion(
            Eligibility.selectedSessions(kinds: kinds, sessions: ids, in: awardScope).map(\.id))
        }
      }
    }
    if counted.isEmpty { counted = Set(scope.filter { $0.kind.isLearningActivity }.map(\.id)) }
    return scope.filter { counted.contains($0.id) }
  }

  /// Header and rows of the fill-in table: `participant`, name, kana, group, one column per
  /// session id, 遅刻, 早退, 備考.
  public var rows: [[String]] {
    var header = ["participant", "氏名", "ふりがな", "職種", "所属"]
    if !groups.isEmpty { header.append("グループ") }
    header += sessions.map(\.id) + ["遅刻", "早退", "備考"]
    var rows = [header]
    for person in people {
      var row = [
        person.id, person.name, person.kana ?? "", person.profession.japaneseLabel, person.organisation ?? "",
      ]
      if !groups.isEmpty { row.append(groups[person.id] ?? "") }
      row += Array(repeating: "", count: sessions.count + 3)
      rows.append(row)
    }
    return rows
  }

  /// The sheet as CSV (UTF-8 with BOM, for Excel), through the formula guard.
  public func csv() -> Data { CSVWriter(encoding: .utf8BOM).data(for: rows).data }

  /// The sheet as an Excel workbook.
  /// The id, name, kana, profession and organisation are text cells, as written in the roster.
  public func xlsx() throws -> Data {
    try XLSXWriter.data(sheets: [XLSXSheet(name: "受付名簿", rows: rows, textColumns: Set(0..<5))])
  }

  /// Group numbers per person id from a group plan CSV written by `kenshu groups --format csv`
  /// (columns `round`, `group`, `person id`; round 1 is used).
  public static func groups(fromPlan read: TableReadResult) -> [String: String] {
    let table = read.table
    guard let person = table.columnIndex(named: ["person id", "participant", "id"]),
      let group = table.columnIndex(named: ["group", "グループ", "テーブル"])
    else { return [:] }
    let round = table.columnIndex(named: ["round"])
    var result: [String: String] = [:]
    for record in table.nonBlankRecords {
      if let round, let value = record.value(at: round), value != "1" { continue }
      if let id = record.value(at: person), let number = record.value(at: group), result[id] == nil {
        result[id] = number
      }
    }
    return result
  }
}

extension ReceptionSheet {
  /// The base file name: `reception-PROGRAMME[-COURSE]`.
  public var baseName: String { "reception-" + programme.id + (course.map { "-" + $0.id } ?? "") }

  /// Writes `BASE.html` (to print), `BASE.csv` and `BASE.xlsx` (to fill in and import) into
  /// `folder`, which the caller has checked is a private one. Returns the files written.
  public func write(into folder: URL) throws -> [URL] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let html = folder.appendingPathComponent(baseName + ".html")
    let csv = folder.appendingPathComponent(baseName + ".csv")
    let xlsx = folder.appendingPathComponent(baseName + ".xlsx")
    try Data(self.html().utf8).write(to: html, options: .atomic)
    try self.csv().write(to: csv, options: .atomic)
    try self.xlsx().write(to: xlsx, options: .atomic)
    return [html, csv, xlsx]
  }
}
