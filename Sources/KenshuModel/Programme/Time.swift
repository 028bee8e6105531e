/// A wall-clock time of day (e.g. 13:30) in a timetable.
public struct ClockTime: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// Minutes since midnight.
  public var minutes: Int

  public init(minutes: Int) { self.minutes = minutes }

  public init?(hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    minutes = hour * 60 + minute
  }

  /// Parses `H:MM` or `HH:MM`.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let h = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(hour: h, minute: m)
  }

  public var hour: Int { minutes / 60 }
  public var minute: Int { minutes % 60 }

  /// `HH:MM`; times past midnight (from adding durations) wrap within 24 hours.
  public var description: String {
    let m = ((minutes % 1440) + 1440) % 1440
    let hh = m / 60
    let mm = m % 60
    return (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
  }

  public func adding(minutes extra: Int) -> ClockTime { ClockTime(minutes: minutes + extra) }

  public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// Parses ISO 8601 durations as trainers write them for sessions: `PT90M`, `PT1H30M`, `PT1H`,
/// `PT45S` is rejected (sessions are timed in whole minutes). Returns whole minutes.
public func parseISODurationMinutes(_ text: String) -> Int? {
  var rest = Substring(text.uppercased())
  guard rest.hasPrefix("PT") else { return nil }
  rest = rest.dropFirst(2)
  guard !rest.isEmpty else { return nil }
  var total = 0
  var number = ""
  var seenH = false
  var seenM = false
  for ch in rest {
    if ch.isASCII, ch.isNumber {
      number.append(ch)
    } else if ch == "H", !seenH, !seenM, let n = Int(number) {
      total += n * 60
      seenH = true
      number = ""
    } else if ch == "M", !seenM, let n = Int(number) {
      total += n
      seenM = true
      number = ""
    } else {
      return nil
    }
  }
  guard number.isEmpty, total > 0, total <= 24 * 60 else { return nil }
  return total
}

/// Formats minutes back as ISO 8601 (`PT1H30M`).
public func formatISODuration(minutes: Int) -> String {
  let h = minutes / 60
  let m = minutes % 60
  return "PT" + (h > 0 ? "\(h)H" : "") + (m > 0 || h == 0 ? "\(m)M" : "")
}
