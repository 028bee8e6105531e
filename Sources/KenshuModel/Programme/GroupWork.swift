/// What to keep apart when forming groups.
public enum SeparationRule: String, Sendable, Codable, CaseIterable, Hashable {
  /// People from the same organisation sit at different tables.
  case organisation
  /// People from the same municipality sit at different tables.
  case municipality
}

/// How a group-work session is run: group composition, the case, questions, roles and phases.
public struct GroupWorkSpec: Sendable, Hashable, Codable {
  /// Target group size; groups may be one smaller or, with `maxSize`, up to that size.
  public var size: Int
  public var maxSize: Int?
  /// Minimum number of distinct professions in each group.
  public var minProfessions: Int?
  public var separate: [SeparationRule]
  /// Number of rounds with reshuffled groups.
  public var rounds: Int
  public var cases: [GroupCase]
  public var questions: [DiscussionQuestion]
  public var roles: [GroupRole]
  public var phases: [GroupPhase]
  public var location: SourceLocation?

  public init(
    size: Int, maxSize: Int? = nil, minProfessions: Int? = nil, separate: [SeparationRule] = [],
    rounds: Int = 1, cases: [GroupCase] = [], questions: [DiscussionQuestion] = [],
    roles: [GroupRole] = [], phases: [GroupPhase] = [], location: SourceLocation? = nil
  ) {
    self.size = size
    self.maxSize = maxSize
    self.minProfessions = minProfessions
    self.separate = separate
    self.rounds = rounds
    self.cases = cases
    self.questions = questions
    self.roles = roles
    self.phases = phases
    self.location = location
  }
}

/// A case (事例) discussed in group work; its text may come from real practice and is checked
/// for personal data.
public struct GroupCase: Sendable, Hashable, Codable {
  public var id: String?
  public var title: String
  public var body: MarkdownBlock
  /// Model answer or points the facilitator looks for; facilitator view only.
  public var answerKey: MarkdownBlock?
  public var location: SourceLocation?

  public init(
    id: String? = nil, title: String, body: MarkdownBlock, answerKey: MarkdownBlock? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.body = body
    self.answerKey = answerKey
    self.location = location
  }
}

/// A question the group discusses (討議テーマ).
public struct DiscussionQuestion: Sendable, Hashable, Codable {
  public var text: String
  public var location: SourceLocation?

  public init(text: String, location: SourceLocation? = nil) {
    self.text = text
    self.location = location
  }
}

/// A role inside a group, such as 司会 (chair), 書記 (scribe) or 発表者 (presenter).
public struct GroupRole: Sendable, Hashable, Codable {
  public var name: String
  public var description: String?

  public init(name: String, description: String? = nil) {
    self.name = name
    self.description = description
  }
}

/// A timed phase of group work (e.g. 個人ワーク → グループ討議 → 全体共有 → 講評) with the
/// prompts a facilitator gives during it.
public struct GroupPhase: Sendable, Hashable, Codable {
  public var title: String
  public var minutes: Int
  public var prompts: [String]
  public var location: SourceLocation?

  public init(title: String, minutes: Int, prompts: [String] = [], location: SourceLocation? = nil) {
    self.title = title
    self.minutes = minutes
    self.prompts = prompts
    self.location = location
  }
}
