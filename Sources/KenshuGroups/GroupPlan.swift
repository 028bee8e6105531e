import KenshuModel

/// The result of group formation: for each round, the groups with their facilitator and members.
///
/// Members and facilitators are the roster's person ids, so a plan holds no personal data by
/// itself; renderers look names up in the people it was formed from.
public struct GroupPlan: Sendable, Hashable, Codable {
  /// Rounds in order, numbered from 1.
  public var rounds: [GroupRound]

  /// A plan made of `rounds`.
  public init(rounds: [GroupRound]) {
    self.rounds = rounds
  }
}

/// One round of group work: every participant sits in exactly one of its groups.
public struct GroupRound: Sendable, Hashable, Codable {
  /// 1-based round number.
  public var round: Int
  /// Tables in order, numbered from 1.
  public var groups: [PlannedGroup]

  /// A round numbered `round`.
  public init(round: Int, groups: [PlannedGroup]) {
    self.round = round
    self.groups = groups
  }
}

/// One table in one round.
public struct PlannedGroup: Sendable, Hashable, Codable {
  /// 1-based table number, as printed on the table card.
  public var group: Int
  /// Person id of the facilitator; nil when there is none for this table.
  public var facilitator: String?
  /// Person ids of the participants, in roster order.
  public var members: [String]

  /// Table `group` with its facilitator and members.
  public init(group: Int, facilitator: String? = nil, members: [String]) {
    self.group = group
    self.facilitator = facilitator
    self.members = members
  }
}

/// A constraint or goal that could not be met, with the reason in plain language.
public struct UnmetConstraint: Sendable, Hashable, Codable {
  /// Stable kebab-case identifier (see docs/groups.md), e.g. `min-professions`.
  public var code: String
  /// Japanese first, then English, e.g. "…満たせません / … cannot be met" (the plan's files
  /// show both).
  public var message: String
  /// The reason in Japanese and in English, for a line in the run's language.
  public var japanese: String?
  public var english: String?

  /// An unmet constraint with its stable code and message.
  public init(code: String, message: String) {
    self.code = code
    self.message = message
  }

  /// An unmet constraint worded in both languages; `message` holds both, Japanese first.
  public init(code: String, ja: String, en: String) {
    self.init(code: code, message: "\(ja) / \(en)")
    japanese = ja
    english = en
  }

  /// The reason in one language (`message` when it was made without the two wordings).
  public func text(in language: MessageLanguage) -> String {
    (language == .ja ? japanese : english) ?? message
  }
}
