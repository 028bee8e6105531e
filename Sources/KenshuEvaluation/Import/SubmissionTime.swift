import KenshuModel

/// When a response was submitted, as the survey tool wrote it: a wall-clock date and time with
/// no time zone applied (the organiser's own local time in every export Kenshu has seen).
///
/// The tools write it in their user's locale, and a CSV that went through Excel or Sheets may be
/// rewritten once more, so one column can hold any of:
/// - ISO and LimeSurvey: `2026-11-20 14:03:12`, `2026-11-20T14:03:12.123+09:00`;
/// - Japanese Google and Microsoft Forms: `2026/11/20 14:03:12`, `2026/11/20 2:03:12 午後 GMT+9`,
///   `2026/11/20 14:03`, `2026年11月20日 14時03分`;
/// - English Forms: `11/20/2026 2:03:12 PM`, `11/20/26 14:03`, and day-first `20/11/2026 14:03`
///   (UK) or `20.11.2026 14:03` (German), decided per column (`DateOrder`);
/// - a spreadsheet date cell, which the xlsx/ods readers already turned into `2026-11-20 14:03`.
struct SubmissionTime: Sendable, Hashable, Comparable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int

  /// The calendar date, `2026-11-20`: what a report shows (the time of day of a single answer
  /// could identify its author in a small group).
  var isoDate: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  static func < (a: Self, b: Self) -> Bool {
    (a.year, a.month, a.day, a.hour, a.minute, a.second) < (
      b.year, b.month, b.day, b.hour, b.minute, b.second
    )
  }

  /// How a date with the year last (`11/12/2026`) is read.
  enum DateOrder: Sendable {
    /// US English: month, day, year. Forms' default for English.
    case monthFirst
    /// UK, German and most other locales: day, month, year.
    case dayFirst

    /// The order of one column: day-first when any value can only be read that way (a first
    /// number above 12), month-first otherwise, as the English-language tools write by default.
    static func of<S: Sequence>(_ values: S) -> DateOrder where S.Element == String {
      for value in values {
        let fields = SubmissionTime.numbers(in: value)
        if fields.count >= 3, !SubmissionTime.startsWithYear(fields), fields[0].value > 12,
          fields[1].value <= 12
        {
          return .dayFirst
        }
      }
      return .monthFirst
    }
  }

  /// Reads `text`, or nil when it is not a date this type knows (or not a real date).
  init?(_ text: String, order: DateOrder = .monthFirst) {
    let numbers = Self.numbers(in: text)
    guard numbers.count >= 3 else { return nil }
    var year: Int
    var month: Int
    var day: Int
    if Self.startsWithYear(numbers) {
      (year, month, day) = (numbers[0].value, numbers[1].value, numbers[2].value)
    } else {
      let first = numbers[0].value
      let second = numbers[1].value
      (month, day) = order == .monthFirst ? (first, second) : (second, first)
      year = numbers[2].value
      // Two-digit years (`11/20/26`): Microsoft Forms' short English format; 20xx.
      if numbers[2].digits <= 2 { year += 2000 }
    }
    let time = numbers.dropFirst(3)
    var hour = time.first?.value ?? 0
    let minute = time.dropFirst().first?.value ?? 0
    let second = time.dropFirst(2).first?.value ?? 0
    // 12-hour clock: 12:05 AM is 00:05, 12:05 PM is 12:05. Japanese also writes 午前0時 and
    // 午後0時 (midnight, noon), so an hour of 0 is accepted with either mark.
    switch Self.meridiem(in: text) {
    case .am?:
      guard (0...12).contains(hour) else { return nil }
      if hour == 12 { hour = 0 }
    case .pm?:
      guard (0...12).contains(hour) else { return nil }
      if hour != 12 { hour += 12 }
    case nil:
      break
    }
    guard (1...12).contains(month), (1...GregorianMonth.days(month, year: year)).contains(day),
      (1900...2999).contains(year), (0...23).contains(hour), (0...59).contains(minute),
      (0...60).contains(second)
    else { return nil }
    guard Self.onlyKnownWords(in: text) else { return nil }
    self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    if let offset = Self.zoneOffsetMinutes(in: text) { shift(minutes: Self.japanMinutes - offset) }
  }

  /// Japan's offset from UTC. A time written with another zone (`2026-11-19T20:00Z`, an export
  /// made on a server in UTC) is moved to Japanese time, the organiser's calendar day.
  static let japanMinutes = 9 * 60

  /// The offset from UTC in minutes of a zone written after the time — `Z`, `+09:00`, `-0500`,
  /// `GMT+9`, `UTC-5`, a bare `UTC` — or nil when there is none (the time is then Japanese
  /// already).
  static func zoneOffsetMinutes(in text: String) -> Int? {
    let pattern =
      #/\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?|午前|午後)?\s*(?:(Z|GMT|UTC)|(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)\s*$/#
    guard let match = text.firstMatch(of: pattern) else { return nil }
    if match.output.1 != nil { return 0 }
    guard let sign = match.output.2, let hours = match.output.3.flatMap({ Int($0) }) else { return nil }
    let minutes = hours * 60 + (match.output.4.flatMap { Int($0) } ?? 0)
    return sign == "-" ? -minutes : minutes
  }

  /// Moves the time by `minutes`, carrying into the date.
  mutating func shift(minutes: Int) {
    guard minutes != 0 else { return }
    var total = (hour * 60 + minute) + minutes
    var dayShift = 0
    while total < 0 {
      total += 1440
      dayShift -= 1
    }
    while total >= 1440 {
      total -= 1440
      dayShift += 1
    }
    hour = total / 60
    minute = total % 60
    while dayShift > 0 {
      dayShift -= 1
      if day < GregorianMonth.days(month, year: year) {
        day += 1
      } else if month < 12 {
        (month, day) = (month + 1, 1)
      } else {
        (year, month, day) = (year + 1, 1, 1)
      }
    }
    while dayShift < 0 {
      dayShift += 1
      if day > 1 {
        day -= 1
      } else if month > 1 {
        month -= 1
        day = GregorianMonth.days(month, year: year)
      } else {
        (year, month, day) = (year - 1, 12, 31)
      }
    }
  }

  init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    (self.year, self.month, self.day, self.hour, self.minute, self.second) = (
      year, month, day, hour, minute, second
    )
  }

  // MARK: Reading the text

  /// A run of digits: its value and how many digits it had.
  struct Number {
    var value: Int
    var digits: Int
  }

  /// The runs of digits that make up the date and the time, full-width digits included (an IME
  /// or a Japanese Excel may write them). Fractions of a second and the zone offset are left
  /// out: they follow a `.` after the seconds, or `+`/`-`/`GMT`/`UTC` after the time.
  static func numbers(in text: String) -> [Number] {
    var numbers: [Number] = []
    var current: Number?
    var previous: Character = " "
    var stop = false
    for character in text {
      if let digit = Self.digit(character) {
        if current == nil {
          // A zone offset or fraction starts here: `+09:00`, `GMT+9`, `.123` after seconds.
          if numbers.count >= 5 && (previous == "+" || previous == "-" || previous == ".") { stop = true }
          if numbers.count >= 3 && (previous == "+" || (previous == "-" && numbers.count >= 4)) {
            stop = true
          }
          if stop { break }
          current = Number(value: 0, digits: 0)
        }
        current!.value = current!.value * 10 + digit
        current!.digits += 1
        guard current!.digits <= 4 else { return [] }
      } else {
        if let number = current { numbers.append(number) }
        current = nil
        previous = character
      }
    }
    if let number = current, !stop { numbers.append(number) }
    return Array(numbers.prefix(6))
  }

  static func startsWithYear(_ numbers: [Number]) -> Bool { numbers[0].digits == 4 }

  private static func digit(_ character: Character) -> Int? {
    guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
    default: return nil
    }
  }

  private enum Meridiem { case am, pm }

  private static func meridiem(in text: String) -> Meridiem? {
    let upper = text.uppercased()
    if upper.contains("午前") || upper.contains("AM") || upper.contains("A.M.") { return .am }
    if upper.contains("午後") || upper.contains("PM") || upper.contains("P.M.") { return .pm }
    return nil
  }

  /// Letters a timestamp may carry: AM/PM in either language, zone names, the ISO `T`, and the
  /// Japanese date and time units. Anything else ("未回答", "2026/11/20 頃") is not a timestamp.
  private static func onlyKnownWords(in text: String) -> Bool {
    var rest = text.uppercased()
    for word in ["午前", "午後", "A.M.", "P.M.", "AM", "PM", "GMT", "UTC", "JST", "年", "月", "日", "時", "分", "秒"] {
      rest = rest.replacingOccurrences(of: word, with: " ")
    }
    return rest.allSatisfy { character in
      if digit(character) != nil { return true }
      return " \t\u{3000}/-.:+,TZ（）()".contains(character)
    }
  }

}
