import KenshuModel
import KenshuRosters
import KenshuTabular

/// What one column of an attendance file holds, decided from its header.
enum AttendanceColumn: Sendable, Hashable {
  case participant
  /// A header that usually holds the roster id (番号, No.) but may be a row counter: used only
  /// when no column is clearly the participant id.
  case possibleParticipant
  case name
  case kana
  /// Marks for one session.
  case session(String)
  /// Marks for a whole course (every session of it, trimmed by late arrival / early leave).
  case course(String)
  case module(String)
  case survey(String)
  case arrived
  case left
  /// Not about attendance (所属, 職種, 備考 …): read by nobody.
  case ignored
  /// An id-like header that names nothing of the programme: refused, as a mistyped session id
  /// would otherwise silently record nobody.
  case unknown(String)
}

/// Maps headers to columns for one programme.
struct AttendanceColumnMap {
  let programme: Programme
  let modules: Set<String>
  let surveys: Set<String>

  static let participantHeaders = ["participant", "participant id", "受講者id", "参加者id", "参加者番号"]
  static let arrivedHeaders = ["遅刻", "遅刻時刻", "到着", "到着時刻", "受付時刻", "late", "arrived", "arrival"]
  static let leftHeaders = ["早退", "早退時刻", "退出", "退出時刻", "退室時刻", "early", "left", "departure"]
  /// English headers offices add that name nothing of a programme (Japanese ones are never
  /// taken for ids).
  static let otherHeaders = [
    "note", "notes", "memo", "remarks", "comment", "comments", "group", "table", "seat", "signature", "sign",
  ]
  static let wholeDayHeaders = ["出欠", "出席", "出席確認", "受付", "出欠確認", "attendance", "attended", "present"]

  init(programme: Programme, project: Project) {
    self.programme = programme
    var modules: Set<String> = []
    var surveys: Set<String> = []
    for award in programme.allAwards {
      for requirement in award.requirements {
        if case .pass(let module, _) = requirement { modules.insert(module) }
        if case .submit(let survey, _) = requirement { surveys.insert(survey) }
      }
    }
    self.modules = modules.filter { project.module($0) != nil }
    self.surveys = surveys.filter { project.survey($0) != nil }
  }

  func column(for header: String) -> AttendanceColumn {
    let key = Table.normalizedHeader(header)
    if key.isEmpty { return .ignored }
    func matches(_ names: [String]) -> Bool { names.contains { Table.normalizedHeader($0) == key } }
    let sessions = programme.courses.flatMap(\.sessions)
    if let session = sessions.first(where: { Table.normalizedHeader($0.id) == key }) {
      return .session(session.id)
    }
    if let course = programme.courses.first(where: { Table.normalizedHeader($0.id) == key }) {
      return .course(course.id)
    }
    if let module = modules.first(where: { Table.normalizedHeader($0) == key }) { return .module(module) }
    if let survey = surveys.first(where: { Table.normalizedHeader($0) == key }) { return .survey(survey) }
    if matches(Self.participantHeaders + ["id", "受講者番号", "受講番号", "person id", "participant no"]) {
      return .participant
    }
    if matches(RosterField.id.defaultHeaders) { return .possibleParticipant }
    if matches(RosterField.name.defaultHeaders) { return .name }
    if matches(RosterField.kana.defaultHeaders) { return .kana }
    if matches(Self.arrivedHeaders) { return .arrived }
    if matches(Self.leftHeaders) { return .left }
    if matches(Self.wholeDayHeaders), programme.courses.count == 1, let course = programme.courses.first {
      return .course(course.id)
    }
    // A header written as a session's title (講義1 …) also names it, when only one does.
    let byTitle = sessions.filter { Table.normalizedHeader($0.title) == key }
    if byTitle.count == 1 { return .session(byTitle[0].id) }
    if matches(RosterField.allCases.flatMap(\.defaultHeaders) + Self.otherHeaders) { return .ignored }
    let looksLikeID =
      header.first?.isLetter == true
      && header.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_")
      }
    return looksLikeID ? .unknown(header) : .ignored
  }
}
