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
  // On the UTF-8 bytes: every accepted character is ASCII (`P`, `T`, digits, `H`, `M`, either
  // case), so any other byte rejects the text. Upper-casing and walking Characters cost
  // thousands of instructions per session, for 1,000 files a visible share of loading.
  var bytes = text.utf8.makeIterator()
  func next() -> UInt8? { bytes.next().map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 } }
  guard next() == UInt8(ascii: "P"), next() == UInt8(ascii: "T") else { return nil }
  var total = 0
  var number: Int?
  var seenH = false
  var seenM = false
  var sawAny = false
  while let byte = next() {
    sawAny = true
    if byte >= 0x30 && byte <= 0x39 {
      // Digits beyond Int's range reject the text (Int(String) returned nil for them).
      let (times10, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
      guard !overflow1, !overflow2 else { return nil }
      number = sum
    } else if byte == UInt8(ascii: "H"), !seenH, !seenM, let n = number {
      let (minutes, overflow) = n.multipliedReportingOverflow(by: 60)
      guard !overflow, total <= Int.max - minutes else { return nil }
      total += minutes
      seenH = true
      number = nil
    } else if byte == UInt8(ascii: "M"), !seenM, let n = number {
      guard total <= Int.max - n else { return nil }
      total += n
      seenM = true
      number = nil
    } else {
      return nil
    }
  }
  guard sawAny, number == nil, total > 0, total <= 24 * 60 else { return nil }
  return total
}

/// Formats minutes back as ISO 8601 (`PT1H30M`).
public func formatISODuration(minutes: Int) -> String {
  let h = minutes / 60
  let m = minutes % 60
  return "PT" + (h > 0 ? "\(h)H" : "") + (m > 0 || h == 0 ? "\(m)M" : "")
}
