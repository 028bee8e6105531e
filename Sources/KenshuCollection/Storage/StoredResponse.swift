import Foundation

/// One accepted survey response as stored: answers as JSON text (canonical form, see
/// `AcceptedAnswers`), with who, which survey edition and when.
public struct StoredResponse: Sendable, Hashable, Codable {
  /// Random identifier returned to the client (`201 {"id": …}`).
  public var id: String
  public var surveyID: String
  /// Fingerprint of the survey's items when the response was accepted (`SurveyFingerprint`).
  public var surveyHash: String
  public var participant: String?
  /// The canonical answers as a JSON object.
  public var answersJSON: String
  /// ISO 8601, UTC, milliseconds: `2026-11-23T14:30:00.123Z`.
  public var receivedAt: String

  public init(
    id: String, surveyID: String, surveyHash: String, participant: String?, answersJSON: String,
    receivedAt: String
  ) {
    self.id = id
    self.surveyID = surveyID
    self.surveyHash = surveyHash
    self.participant = participant
    self.answersJSON = answersJSON
    self.receivedAt = receivedAt
  }

  /// A new record with a fresh random id and the current time.
  public init(surveyID: String, surveyHash: String, accepted: AcceptedAnswers, now: Date = Date()) {
    self.init(
      id: RecordID.make(), surveyID: surveyID, surveyHash: surveyHash, participant: accepted.participant,
      answersJSON: AnswerJSON.encode(accepted.answers), receivedAt: Timestamp.string(now))
  }

  /// The answers decoded again (empty when the stored text is not a JSON object).
  public var answers: [String: JSONValue] { AnswerJSON.decode(answersJSON) }
}

/// A self-study module completion with its quiz score.
public struct StoredCompletion: Sendable, Hashable, Codable {
  public var id: String
  public var moduleID: String
  /// The module's edition when completed, or "" when it declares none.
  public var moduleEdition: String
  public var participant: String
  /// Percent, 0–100.
  public var score: Double
  /// Whether the score reaches the quiz's pass mark (true when the module has no quiz).
  public var passed: Bool
  public var receivedAt: String

  public init(
    id: String = RecordID.make(), moduleID: String, moduleEdition: String, participant: String, score: Double,
    passed: Bool, receivedAt: String = Timestamp.string(Date())
  ) {
    self.id = id
    self.moduleID = moduleID
    self.moduleEdition = moduleEdition
    self.participant = participant
    self.score = score
    self.passed = passed
    self.receivedAt = receivedAt
  }
}

/// Random record ids: 128 bits from the system's CSPRNG, as lower-case hex.
public enum RecordID {
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let hex = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }
}

/// Timestamps as stored: ISO 8601 UTC with milliseconds, so text order is time order.
public enum Timestamp {
  public static func string(_ date: Date) -> String {
    date.formatted(
      Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC") ?? .gmt)
    )
  }
}

/// Answers as JSON text with sorted keys (stable, diffable).
enum AnswerJSON {
  static func encode(_ answers: [String: JSONValue]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(answers) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  static func decode(_ text: String) -> [String: JSONValue] {
    (try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))) ?? [:]
  }
}
