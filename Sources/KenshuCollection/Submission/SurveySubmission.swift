import Foundation

/// The body of `POST /api/surveys/{surveyId}/responses`:
/// `{"participant": "r0001", "token": "…", "answers": {"q1": 4, "q2": ["…"], "q9": "text"}}`.
///
/// Answer keys are the column names of Kenshu's own CSV format: item ids, and `ID.before` /
/// `ID.now` for retrospective items. Values are what that format holds: Likert points as
/// numbers (or the scale's label), option labels as strings, several labels as an array.
public struct SurveySubmission: Sendable, Hashable, Codable {
  public var participant: String?
  public var token: String?
  public var answers: [String: JSONValue]

  public init(participant: String? = nil, token: String? = nil, answers: [String: JSONValue]) {
    self.participant = participant
    self.token = token
    self.answers = answers
  }
}

/// The body of `POST /api/modules/{moduleId}/completions`:
/// `{"participant": "r0001", "token": "…", "score": 85}` (score in percent, 0–100).
public struct CompletionSubmission: Sendable, Hashable, Codable {
  public var participant: String?
  public var token: String?
  public var score: JSONValue?

  public init(participant: String? = nil, token: String? = nil, score: JSONValue? = nil) {
    self.participant = participant
    self.token = token
    self.score = score
  }
}
