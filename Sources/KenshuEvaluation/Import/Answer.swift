import KenshuModel

/// One interpreted answer to one item.
public enum Answer: Sendable, Hashable {
  /// A Likert point, 1…points (raw, not reverse-keyed).
  case point(Int)
  /// A single-choice or profession answer: index into the item's categories.
  case option(Int)
  /// A single-choice "other" answer with its free text.
  case other(String)
  /// A multiple-choice answer: chosen indices (ascending) and any "other" text. Boxed
  /// (`indirect`) so that its 24-byte payload does not set the size of every answer: a
  /// survey of 100,000 × 40 answers is stored as 24-byte rather than 32-byte values.
  indirect case options([Int], other: String?)
  case number(Double)
  case text(String)
}

/// Every accepted response of one survey, stored by item (column-wise) so that statistics run
/// over contiguous arrays.
public struct ResponseSet: Sendable, Hashable {
  public var survey: Survey
  /// Participant id of each response (nil when the file has no id column).
  public var participants: [String?]
  /// `answers[itemIndex][responseIndex]`, item order as in `survey.items`; nil is no answer.
  public var answers: [AnswerColumn]
  /// For retrospective items, the "before the training" points, by item index.
  public var before: [Int: [Int?]]
  /// How every data row of every file was used.
  public var accounts: [RowAccount]
  /// Keep LimeSurvey responses that were never submitted (empty `submitdate`); by default they
  /// are excluded and counted (`--include-incomplete`).
  public var includeIncomplete = false

  /// An empty set for `survey`; add files with `add(_:map:)`.
  public init(survey: Survey) {
    self.survey = survey
    participants = []
    answers = survey.items.map { _ in AnswerColumn() }
    before = [:]
    accounts = []
  }

  public var count: Int { participants.count }
}

/// What happened to the rows of one response file: every row is read, and either used or
/// rejected with a reason.
public struct RowAccount: Sendable, Hashable, Codable {
  /// A rejected row: its line in the file and why.
  public struct Rejection: Sendable, Hashable, Codable {
    public var line: Int
    public var reason: String
  }
  public var file: String
  /// Detected export format (`kenshu`, `google-forms`, `microsoft-forms`, `limesurvey`, `unknown`).
  public var format: String
  public var read: Int
  public var used: Int
  public var rejected: [Rejection]
  /// Answers excluded from their item (unknown or out-of-range values), row kept.
  public var excludedValues: Int
  /// The dates (`2026-11-20`) of the earliest and latest submission among the used rows, from
  /// the tool's submission-time column (Google Forms `タイムスタンプ`, Microsoft Forms `完了時刻`,
  /// LimeSurvey `submitdate`); nil when the file has none or none could be read. Dates only: the
  /// time of one answer could identify its author.
  public var firstSubmitted: String? = nil
  public var lastSubmitted: String? = nil
}
