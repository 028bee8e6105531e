import Foundation
import KenshuModel

/// How dates and times read on pages, per language.
struct DisplayFormat: Sendable {
  let english: Bool

  init(language: String) { english = language.lowercased().hasPrefix("en") }

  /// `2026年11月23日（月）` or `Mon 23 Nov 2026`; the ISO text unchanged when it is not a date.
  func date(_ iso: String) -> String {
    guard let (y, m, d) = Self.parts(iso), let weekday = Self.weekday(y, m, d) else { return iso }
    if english {
      let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
      let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
      return "\(days[weekday]) \(d) \(months[m - 1]) \(y)"
    }
    let days = ["日", "月", "火", "水", "木", "金", "土"]
    return "\(y)年\(m)月\(d)日（\(days[weekday])）"
  }

  /// First and last date of a programme's courses.
  func dateRange(_ dates: [String]) -> String? {
    let sorted = dates.sorted()
    guard let first = sorted.first, let last = sorted.last else { return nil }
    return first == last ? date(first) : "\(date(first)) – \(date(last))"
  }

  func timeRange(_ start: ClockTime?, _ end: ClockTime?) -> String? {
    guard let start else { return nil }
    guard let end else { return start.description }
    return "\(start)–\(end)"
  }

  static func parts(_ iso: String) -> (Int, Int, Int)? {
    let pieces = iso.split(separator: "-")
    guard pieces.count == 3, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    return (y, m, d)
  }

  /// Day of the week (0 = Sunday) by Zeller's congruence: no calendar or time zone involved.
  static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int? {
    var y = year
    var m = month
    if m < 3 {
      m += 12
      y -= 1
    }
    let k = y % 100
    let j = y / 100
    let h = (day + (13 * (m + 1)) / 5 + k + k / 4 + j / 4 + 5 * j) % 7
    return (h + 6) % 7
  }
}
