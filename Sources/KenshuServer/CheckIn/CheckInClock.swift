import Foundation
import KenshuModel

/// The server's clock for check-ins: the day (to find today's course, and to refuse a course
/// of another day) and the arrival time. Both are Japanese wall-clock time, as the
/// programme's timetable is, whatever time zone the server itself runs in (a VPS or a
/// container often runs in UTC). Tests inject `now`.
public struct CheckInClock: Sendable {
  /// The current instant.
  public var now: @Sendable () -> Date
  public var timeZone: TimeZone
  /// `serve --checkin-date`: the ISO date treated as today, for an organiser's rehearsal the
  /// day before (or a test on the sample project). Only the day is replaced: the arrival is
  /// still the clock's time of day, so late arrivals rehearse as they will happen.
  public var trainingDay: String?

  public init(
    timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt,
    trainingDay: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.now = now
    self.timeZone = timeZone
    self.trainingDay = trainingDay
  }

  /// One reading: the ISO date (`2026-10-17`, or `trainingDay` when set) and the clock time to
  /// the minute.
  public func read() -> (day: String, time: ClockTime) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now())
    let year = parts.year ?? 0
    let month = parts.month ?? 0
    let day = parts.day ?? 0
    let text = String(format: "%04d-%02d-%02d", year, month, day)
    return (trainingDay ?? text, ClockTime(minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)))
  }

  /// Whether `text` can be a `trainingDay`: a real date written `YYYY-MM-DD` with digits only,
  /// the form of a course's `date` (anything else would match no course).
  public static func isTrainingDay(_ text: String) -> Bool {
    let digits = text.utf8.enumerated().allSatisfy { index, byte in
      index == 4 || index == 7
        ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
    return text.utf8.count == 10 && digits && JapaneseDate.isValid(text)
  }
}
