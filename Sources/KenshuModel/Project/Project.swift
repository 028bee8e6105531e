/// A term in the project's glossary (用語集), with its reading for ruby text.
public struct GlossaryTerm: Sendable, Hashable, Codable {
  public var id: String
  public var term: String
  public var reading: String?
  public var english: String?
  public var definition: String
  public var location: SourceLocation?

  public init(
    id: String, term: String, reading: String? = nil, english: String? = nil, definition: String,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.term = term
    self.reading = reading
    self.english = english
    self.definition = definition
    self.location = location
  }
}

/// Site-wide settings from `kenshu.xml` (all optional).
public struct SiteSettings: Sendable, Hashable, Codable {
  public var title: String?
  public var language: String
  /// Base URL path for sub-path hosting, e.g. `/training/`.
  public var baseURL: String?
  public var organiser: String?
  public var footer: String?
  /// `content/`-relative path of a logo image.
  public var logo: String?
  /// Where `logo` is written in `kenshu.xml`, for diagnostics.
  public var logoLocation: SourceLocation?
  /// CSS colour of the theme's accent, e.g. `#1f6f8b`.
  public var accentColour: String?
  /// Where survey forms and completions are posted, when a collection server runs.
  public var collectURL: String?
  /// Whether `kenshu build` publishes the facilitator pages (notes, answer keys, phase prompts)
  /// in the public site beside the learner pages, for open courses. Off by default: the public
  /// site is the learner edition and the facilitator edition is built apart.
  public var publishFacilitator: Bool

  public init(
    title: String? = nil, language: String = "ja", baseURL: String? = nil, organiser: String? = nil,
    footer: String? = nil, logo: String? = nil, accentColour: String? = nil, collectURL: String? = nil,
    publishFacilitator: Bool = false
  ) {
    self.title = title
    self.language = language
    self.baseURL = baseURL
    self.organiser = organiser
    self.footer = footer
    self.logo = logo
    self.accentColour = accentColour
    self.collectURL = collectURL
    self.publishFacilitator = publishFacilitator
  }
}

/// Everything a project defines, loaded and checked.
public struct Project: Sendable, Hashable, Codable {
  public var settings: SiteSettings
  public var programmes: [Programme]
  public var modules: [SelfStudyModule]
  public var surveys: [Survey]
  public var rosters: [Roster]
  public var glossary: [GlossaryTerm]
  /// Attendance recorded on the training days (personal data, from `rosters/`).
  public var attendance: [AttendanceRecord] = []
  /// Local trainings run by graduates (personal data, from `rosters/`).
  public var followUps: [FollowUpRecord] = []

  public init(
    settings: SiteSettings = SiteSettings(), programmes: [Programme] = [],
    modules: [SelfStudyModule] = [], surveys: [Survey] = [], rosters: [Roster] = [],
    glossary: [GlossaryTerm] = []
  ) {
    self.settings = settings
    self.programmes = programmes
    self.modules = modules
    self.surveys = surveys
    self.rosters = rosters
    self.glossary = glossary
  }

  public func programme(_ id: String) -> Programme? { programmes.first { $0.id == id } }
  public func module(_ id: String) -> SelfStudyModule? { modules.first { $0.id == id } }
  public func survey(_ id: String) -> Survey? { surveys.first { $0.id == id } }
  public func roster(_ id: String) -> Roster? { rosters.first { $0.id == id } }

  /// Everyone on every roster, by id (later rosters do not override earlier ones).
  public var peopleByID: [String: Person] {
    var table: [String: Person] = [:]
    for person in rosters.flatMap(\.people) where table[person.id] == nil { table[person.id] = person }
    return table
  }
}
