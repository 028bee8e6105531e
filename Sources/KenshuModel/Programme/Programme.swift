/// A training programme (研修プログラム): one or more courses (days) of sessions.
public struct Programme: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// BCP 47 language of the text (`xml:lang`); empty for the site's language (the loader
  /// fills it in from `kenshu.xml`).
  public var language: String
  public var title: String
  public var subtitle: String?
  public var edition: Edition?
  /// Why the programme exists (研修の目的), Markdown.
  public var purpose: MarkdownBlock?
  public var audience: [Profession]
  public var organiser: String?
  public var venue: String?
  public var objectives: [Objective]
  public var courses: [Course]
  /// Id of the roster whose people instruct and facilitate, when sessions name them.
  public var roster: String?
  /// The work items (事業項目 (ア)〜(ク)) the programme serves (`serves="ka"`).
  public var serves: [ServiceItem] = []
  /// Certificates the whole programme awards, with their completion rules (修了要件).
  public var awards: [Award] = []
  public var location: SourceLocation?

  public init(
    id: String, language: String = "", title: String, subtitle: String? = nil,
    edition: Edition? = nil, purpose: MarkdownBlock? = nil, audience: [Profession] = [],
    organiser: String? = nil, venue: String? = nil, objectives: [Objective] = [],
    courses: [Course] = [], roster: String? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.language = language
    self.title = title
    self.subtitle = subtitle
    self.edition = edition
    self.purpose = purpose
    self.audience = audience
    self.organiser = organiser
    self.venue = venue
    self.objectives = objectives
    self.courses = courses
    self.roster = roster
    self.location = location
  }

  /// Every objective of the programme and its courses.
  public var allObjectives: [Objective] { objectives + courses.flatMap(\.objectives) }
}

/// One course of a programme — usually one day (e.g. 1日目) or one online unit.
public struct Course: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String
  /// ISO date (YYYY-MM-DD) when the course runs, if scheduled.
  public var date: String?
  /// When the day starts; the first session starts here unless it gives its own start.
  public var start: ClockTime?
  /// When the day must end; sessions that run past it are reported.
  public var end: ClockTime?
  public var venue: String?
  /// Delivery mode, e.g. "online", "onsite", "on-demand" (free text).
  public var mode: String?
  public var description: MarkdownBlock?
  public var objectives: [Objective]
  public var sessions: [Session]
  /// Certificates this course awards on its own (one-day events).
  public var awards: [Award] = []
  public var location: SourceLocation?

  public init(
    id: String, title: String, date: String? = nil, start: ClockTime? = nil, end: ClockTime? = nil,
    venue: String? = nil, mode: String? = nil, description: MarkdownBlock? = nil,
    objectives: [Objective] = [], sessions: [Session] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.date = date
    self.start = start
    self.end = end
    self.venue = venue
    self.mode = mode
    self.description = description
    self.objectives = objectives
    self.sessions = sessions
    self.location = location
  }

  /// Sessions with their clock times resolved: a session without `start` follows the previous
  /// one. `start` is nil when neither the session nor anything before it gives a time.
  public var timetable: [TimetableSlot] {
    var slots: [TimetableSlot] = []
    walkClock { session, begin, end in slots.append(TimetableSlot(session: session, start: begin, end: end)) }
    return slots
  }

  /// The first session's start and the last one's end, as `timetable` gives them (nil for a
  /// course without sessions), without copying every session into a slot: a page header
  /// shows the span, and the course's timetable was made again for it on every page.
  public var sessionSpan: (start: ClockTime?, end: ClockTime?)? {
    var span: (start: ClockTime?, end: ClockTime?)?
    walkClock { _, begin, end in span = (span.map { $0.start } ?? begin, end) }
    return span
  }

  /// Calls `body` with each session and its resolved start and end, in order.
  private func walkClock(_ body: (Session, ClockTime?, ClockTime?) -> Void) {
    var clock = start
    for session in sessions {
      let begin = session.start ?? clock
      let end = begin.map { $0.adding(minutes: session.durationMinutes ?? 0) }
      body(session, begin, end)
      clock = end
    }
  }
}

/// A session placed on the clock.
public struct TimetableSlot: Sendable, Hashable {
  public var session: Session
  public var start: ClockTime?
  public var end: ClockTime?
}

/// What kind of activity a session is. Opening, break, closing and certificate items make a
/// day's timetable complete (開会・休憩・閉会・修了証授与).
public enum SessionKind: String, Sendable, Codable, CaseIterable, Hashable {
  case opening
  case lecture
  case groupwork
  case casestudy
  case roleplay
  case selfstudy
  case quiz
  case survey
  case `break`
  case certificate
  case closing

  public var japaneseLabel: String {
    switch self {
    case .opening: "開会"
    case .lecture: "講義"
    case .groupwork: "グループワーク"
    case .casestudy: "事例検討"
    case .roleplay: "ロールプレイ"
    case .selfstudy: "自己学習"
    case .quiz: "確認テスト"
    case .survey: "アンケート"
    case .break: "休憩"
    case .certificate: "修了証授与"
    case .closing: "閉会"
    }
  }

  public var englishLabel: String {
    switch self {
    case .opening: "Opening"
    case .lecture: "Lecture"
    case .groupwork: "Group work"
    case .casestudy: "Case study"
    case .roleplay: "Role play"
    case .selfstudy: "Self-study"
    case .quiz: "Quiz"
    case .survey: "Survey"
    case .break: "Break"
    case .certificate: "Certificates"
    case .closing: "Closing"
    }
  }

  /// Kinds where people learn something (used for objective alignment and page planning);
  /// opening, breaks, certificates and closing are administrative.
  public var isLearningActivity: Bool {
    switch self {
    case .opening, .break, .certificate, .closing: false
    default: true
    }
  }
}

/// One item of a day's timetable.
public struct Session: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var kind: SessionKind
  public var title: String
  public var start: ClockTime?
  /// Length in minutes, from the ISO 8601 `duration` (required by the checker).
  public var durationMinutes: Int?
  public var objectives: [Objective]
  /// Ids of programme/course objectives this session practises.
  public var practises: [String]
  public var professions: [Profession]
  /// Roster person ids.
  public var instructors: [String]
  public var facilitators: [String]
  public var content: MarkdownBlock?
  public var facilitatorNotes: [MarkdownBlock]
  public var groupWork: GroupWorkSpec?
  /// Survey id for `survey` sessions (or a survey handed out in any session).
  public var survey: String?
  /// Self-study module id for `selfstudy`/`quiz` sessions.
  public var module: String?
  /// The session's own language (`xml:lang` on `<session>`, BCP 47), as an English guest
  /// lecture in a Japanese programme has; nil when it is in its programme's language.
  public var language: String?
  public var location: SourceLocation?

  public init(
    id: String, kind: SessionKind, title: String, start: ClockTime? = nil, durationMinutes: Int? = nil,
    objectives: [Objective] = [], practises: [String] = [], professions: [Profession] = [],
    instructors: [String] = [], facilitators: [String] = [], content: MarkdownBlock? = nil,
    facilitatorNotes: [MarkdownBlock] = [], groupWork: GroupWorkSpec? = nil, survey: String? = nil,
    module: String? = nil, language: String? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.title = title
    self.start = start
    self.durationMinutes = durationMinutes
    self.objectives = objectives
    self.practises = practises
    self.professions = professions
    self.instructors = instructors
    self.facilitators = facilitators
    self.content = content
    self.facilitatorNotes = facilitatorNotes
    self.groupWork = groupWork
    self.survey = survey
    self.module = module
    self.language = language
    self.location = location
  }
}
