import Foundation
import KenshuModel

/// The server's clock for check-ins: the day (to find today's course) and the arrival time.
/// Both are Japanese wall-clock time, as the programme's timetable is, whatever time zone the
/// server itself runs in (a VPS or a container often runs in UTC). Tests inject `now`.
public struct CheckInClock: Sendable {
  /// The current instant.
  public var now: @Sendable () -> Date
  public var timeZone: TimeZone

  public init(
    timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.now = now
    self.timeZone = timeZone
  }

  /// One reading: the ISO date (`2026-10-17`) and the clock time to the minute.
  public func read() -> (day: String, time: ClockTime) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now())
    let year = parts.year ?? 0
    let month = parts.month ?? 0
    let day = parts.day ?? 0
    let text = String(format: "%04d-%02d-%02d", year, month, day)
    return (text, ClockTime(minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)))
  }
}
