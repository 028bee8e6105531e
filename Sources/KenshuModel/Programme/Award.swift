/// What a certificate attests: completion of the whole programme (修了証書) or attendance of
/// part of it (受講証明書).
public enum AwardKind: String, Sendable, Codable, CaseIterable, Hashable {
  case completion
  case attendance

  public var japaneseLabel: String {
    switch self {
    case .completion: "修了証書"
    case .attendance: "受講証明書"
    }
  }

  public var englishLabel: String {
    switch self {
    case .completion: "Certificate of completion"
    case .attendance: "Certificate of attendance"
    }
  }
}

/// One condition of a completion rule (修了要件).
public enum Requirement: Sendable, Hashable, Codable {
  /// Attendance of the sessions selected by `kinds` and `sessions` (all learning sessions of
  /// the award's scope when both are empty): every one of them, or — when `minutes` is given —
  /// at least that many minutes among them.
  case attend(kinds: [SessionKind], sessions: [String], minutes: Int?, location: SourceLocation?)
  /// The named self-study module was completed (recorded against the roster).
  case pass(module: String, location: SourceLocation?)
  /// The named survey was submitted.
  case submit(survey: String, location: SourceLocation?)
  /// The roster records the stage of this programme as completed (`<progress>`).
  case complete(stage: ProgrammeStage, location: SourceLocation?)

  public var location: SourceLocation? {
    switch self {
    case .attend(_, _, _, let location), .pass(_, let location), .submit(_, let location),
      .complete(_, let location):
      location
    }
  }
}

/// A certificate a programme (or one course of it) awards, and the rule that earns it.
///
/// A person receives the first award of the programme (in document order) whose rule they
/// meet, so a 修了証書 listed before a 受講証明書 goes to those who completed everything and the
/// 受講証明書 to those who attended part.
public struct Award: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var kind: AwardKind
  /// Heading printed on the certificate; the kind's Japanese label by default.
  public var title: String
  /// Who issues it (e.g. みなと市長 〇〇 〇〇).
  public var issuer: String?
  /// Text of the seal or signature placeholder printed beside the issuer (e.g. 印, 公印省略).
  public var seal: String?
  /// Certificate numbers, e.g. `R8-多職種-{n:03}`.
  public var numbering: NumberingPattern
  /// The sentence stating what was completed; a default is made from the programme's title.
  public var statement: String?
  /// All must hold.
  public var requirements: [Requirement]
  /// The course the award belongs to, for one-day events; nil for the whole programme.
  public var course: String?
  public var location: SourceLocation?

  public init(
    id: String, kind: AwardKind, title: String? = nil, issuer: String? = nil, seal: String? = nil,
    numbering: NumberingPattern, statement: String? = nil, requirements: [Requirement] = [],
    course: String? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.title = title ?? kind.japaneseLabel
    self.issuer = issuer
    self.seal = seal
    self.numbering = numbering
    self.statement = statement
    self.requirements = requirements
    self.course = course
    self.location = location
  }
}

extension Programme {
  /// The programme's awards followed by those of its courses, in document order.
  public var allAwards: [Award] { awards + courses.flatMap(\.awards) }

  /// The sessions an award's rule ranges over: its course's, or every course's.
  public func sessions(inScopeOf award: Award) -> [Session] {
    courses.filter { award.course == nil || $0.id == award.course }.flatMap(\.sessions)
  }
}
