/// Who a page is for. Facilitator pages live under `facilitator/` and carry content that learner
/// pages never contain.
public enum PageView: String, Sendable, Hashable, Codable {
  case learner
  case facilitator
}

/// What a page shows. Indices point into `Project.programmes`, `Programme.courses` and
/// `Course.sessions` of the project being built.
public enum PageKind: Sendable, Hashable {
  case home
  case programme(Int)
  case timetable(programme: Int, course: Int)
  case session(programme: Int, course: Int, session: Int)
  case handout(programme: Int, course: Int)
  /// A course's printed pack for facilitators (facilitator edition only).
  case facilitatorPack(programme: Int, course: Int)
  /// All facilitator notes of the project on one page.
  case facilitatorNotes
  case glossary
  case search
  /// The certificate verification page (`verify/index.html`).
  case verify
  /// Reception's check-in page (`checkin/index.html`, `CheckInPageContext`).
  case checkIn
  /// A survey's form page (`SurveyFormContext`).
  case survey(id: String)
  /// A self-study module's overview page (`ModuleContexts`).
  case module(id: String)
  /// A lesson, scenario, quiz or certificate page of a self-study module.
  case modulePart(id: String, part: ModulePart)

  /// The template that renders this kind of page.
  public var templateName: String {
    switch self {
    case .home: "home"
    case .programme: "programme"
    case .timetable: "timetable"
    case .session: "session"
    case .handout: "handout"
    case .facilitatorPack: "facilitator-pack"
    case .facilitatorNotes: "facilitator-notes"
    case .glossary: "glossary"
    case .search: "search"
    case .verify: "verify"
    case .checkIn: "checkin"
    case .survey: "survey"
    case .module: "module"
    case .modulePart(_, let part): part.templateName
    }
  }
}

/// One HTML page of the site.
public struct SitePage: Sendable, Hashable {
  /// Site-relative file path (links name the file, never a folder, so the site works from
  /// `file://`).
  public var path: String
  public var kind: PageKind
  public var view: PageView

  public init(path: String, kind: PageKind, view: PageView = .learner) {
    self.path = path
    self.kind = kind
    self.view = view
  }

  /// `../` repeated once per folder, leading from this page back to the site root.
  public var root: String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }
}
