/// What a person does in a training.
public enum PersonRole: String, Sendable, Codable, CaseIterable, Hashable {
  case trainee
  case instructor
  case facilitator
  case organiser

  public var japaneseLabel: String {
    switch self {
    case .trainee: "受講者"
    case .instructor: "講師"
    case .facilitator: "ファシリテーター"
    case .organiser: "事務局"
    }
  }

  public var englishLabel: String {
    switch self {
    case .trainee: "Trainee"
    case .instructor: "Instructor"
    case .facilitator: "Facilitator"
    case .organiser: "Organiser"
    }
  }

  /// Parses an id or a Japanese/English label (受講者, 講師, ファシリテーター, 事務局, …).
  public init?(parsing text: String) {
    let key = Profession.normalizedKey(text)
    let table: [String: PersonRole] = [
      "trainee": .trainee, "受講者": .trainee, "参加者": .trainee, "participant": .trainee,
      "instructor": .instructor, "講師": .instructor,
      "facilitator": .facilitator, "ファシリテーター": .facilitator, "ファシリテータ": .facilitator,
      "fa": .facilitator, "進行役": .facilitator,
      "organiser": .organiser, "organizer": .organiser, "事務局": .organiser, "主催者": .organiser,
    ]
    guard let role = table[key] else { return nil }
    self = role
  }
}

/// A stage of a training programme that a person completes (instructor-training programmes
/// run pre-learning → group work → completion → follow-up).
public enum ProgrammeStage: String, Sendable, Codable, CaseIterable, Hashable {
  case preLearning = "pre-learning"
  case groupWork = "group-work"
  case completion
  case followUp = "follow-up"

  public var japaneseLabel: String {
    switch self {
    case .preLearning: "事前学習"
    case .groupWork: "グループワーク"
    case .completion: "修了"
    case .followUp: "フォローアップ"
    }
  }

  public var englishLabel: String {
    switch self {
    case .preLearning: "Pre-learning"
    case .groupWork: "Group work"
    case .completion: "Completion"
    case .followUp: "Follow-up"
    }
  }
}

/// A person's record of one stage of one programme.
public struct StageProgress: Sendable, Hashable, Codable {
  public var programme: String
  public var stage: ProgrammeStage
  /// ISO date (YYYY-MM-DD) the stage was completed; nil when not (yet) done.
  public var date: String?
  /// For the follow-up stage: whether the person has since run local training.
  public var ranLocalTraining: Bool?

  public init(programme: String, stage: ProgrammeStage, date: String? = nil, ranLocalTraining: Bool? = nil) {
    self.programme = programme
    self.stage = stage
    self.date = date
    self.ranLocalTraining = ranLocalTraining
  }
}

/// A qualification to instruct or facilitate a programme or module, earned by completing
/// instructor training.
public struct Qualification: Sendable, Hashable, Codable {
  /// Programme or module id the person may teach or facilitate.
  public var subject: String
  public var role: PersonRole
  /// ISO date the qualification was earned.
  public var date: String?
  /// Edition of the instructor-training programme completed (e.g. "2026.1").
  public var edition: String?

  public init(subject: String, role: PersonRole, date: String? = nil, edition: String? = nil) {
    self.subject = subject
    self.role = role
    self.date = date
    self.edition = edition
  }
}

/// One person on a roster. Personal data: never published on the public site.
public struct Person: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var name: String
  /// Reading of the name (ふりがな).
  public var kana: String?
  public var profession: Profession
  public var organisation: String?
  public var prefecture: String?
  public var municipality: String?
  public var roles: Set<PersonRole>
  public var email: String?
  /// Ids of people this person must not share a group with.
  public var keepApart: Set<String>
  public var progress: [StageProgress]
  public var qualifications: [Qualification]
  /// Where the person was defined, for diagnostics.
  public var location: SourceLocation?

  public init(
    id: String, name: String, kana: String? = nil, profession: Profession,
    organisation: String? = nil, prefecture: String? = nil, municipality: String? = nil,
    roles: Set<PersonRole> = [.trainee], email: String? = nil, keepApart: Set<String> = [],
    progress: [StageProgress] = [], qualifications: [Qualification] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.name = name
    self.kana = kana
    self.profession = profession
    self.organisation = organisation
    self.prefecture = prefecture
    self.municipality = municipality
    self.roles = roles
    self.email = email
    self.keepApart = keepApart
    self.progress = progress
    self.qualifications = qualifications
    self.location = location
  }

  /// Whether the person is qualified to take `role` for `subject` (a programme or module id).
  public func isQualified(as role: PersonRole, for subject: String) -> Bool {
    qualifications.contains { $0.role == role && $0.subject == subject }
  }
}

/// A list of people for one training or programme.
public struct Roster: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String?
  public var people: [Person]
  public var location: SourceLocation?

  public init(id: String, title: String? = nil, people: [Person], location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.people = people
    self.location = location
  }

  /// People who hold `role`.
  public func people(withRole role: PersonRole) -> [Person] {
    people.filter { $0.roles.contains(role) }
  }
}
