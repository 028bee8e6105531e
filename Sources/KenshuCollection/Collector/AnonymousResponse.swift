import Crypto
import Foundation

/// What an anonymous survey's response is stored with instead of the exact request
/// (docs/privacy.md, "Anonymous surveys"): its day, not its time, and an idempotency
/// fingerprint of the answers alone, never of the token.
enum AnonymousResponse {
  /// Midnight, Japan time, of the day `date` falls on, in the stored timestamp format: the
  /// day a training session's answers arrived, without the order or minute of each.
  static func day(of date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt
    return Timestamp.string(calendar.startOfDay(for: date))
  }

  /// SHA-256 of the answers in canonical JSON (sorted keys), tagged so it can never equal a
  /// body's fingerprint. A repeat of a key with other answers is still 422; with the same
  /// answers and another token (or participant) it is the same submission.
  static func fingerprint(_ submission: SurveySubmission) -> String {
    let text = "kenshu-anonymous-answers\u{0}" + AnswerJSON.encode(submission.answers)
    return SHA256.hash(data: Data(text.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }
}
