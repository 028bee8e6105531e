/// Why a submission was refused (HTTP 422). Codes are stable and documented in
/// `docs/collect.md`; the message is Japanese first, then English, and never echoes the
/// submitted value (it may be personal).
public struct SubmissionProblem: Error, Sendable, Hashable, Codable {
  /// What is wrong.
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    /// An answer key that is no item (or column) of the survey.
    case unknownItem = "unknown-item"
    /// A value of the wrong JSON type for its item (e.g. a string for a numeric item).
    case wrongType = "wrong-type"
    /// A Likert point or number outside the item's range.
    case outOfRange = "out-of-range"
    /// A label that is not one of the item's options (and the item allows no "other").
    case unknownOption = "unknown-option"
    /// The same option twice in a multiple-choice answer.
    case duplicateOption = "duplicate-option"
    /// Text longer than the item's maximum (or the server's limit).
    case tooLong = "too-long"
    /// Text with a NUL or other control character that no output can show.
    case invalidCharacter = "invalid-character"
    /// A required item (or the participant, where one is needed) without an answer.
    case requiredMissing = "required-missing"
    /// A participant id that is empty, too long or has control characters.
    case invalidParticipant = "invalid-participant"
  }

  public var code: Code
  /// The answer key (item id, `ID.before`, `participant`, `score`) the problem is about.
  public var item: String
  public var message: String

  public init(_ code: Code, item: String, _ message: String) {
    self.code = code
    self.item = item
    self.message = message
  }
}

/// The outcome of validating a submission: the value to store, or every problem found.
public enum Verdict<Value: Sendable>: Sendable {
  case accepted(Value)
  case rejected([SubmissionProblem])

  /// The accepted value; throws `SubmissionRejected` otherwise.
  public func get() throws -> Value {
    switch self {
    case .accepted(let value): return value
    case .rejected(let problems): throw SubmissionRejected(problems: problems)
    }
  }
}

/// Thrown by `Verdict.get()` for a rejected submission.
public struct SubmissionRejected: Error, Sendable {
  public var problems: [SubmissionProblem]
}
