import Foundation

/// How spreadsheet values become the text a CSV of the same sheet would hold, so that every
/// reader downstream (rosters, responses) sees the same cells whichever format was given.
enum CellText {
  /// A number as Excel shows it in a General cell: integers without a decimal point
  /// (`4`, not `4.0`), others with at most 15 significant digits (`0.1 + 0.2` → `0.3`).
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return String(value) }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.15g", value)
    if text.contains("e") { return text }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// Parses a number as written in sheet XML (`<v>4</v>`, `<v>1.5E-3</v>`).
  static func parseNumber(_ text: String) -> Double? {
    Double(text.trimmingCharacters(in: .whitespaces))
  }

  /// A date serial number as an ISO date (`2024-05-01`), date and time (`2024-05-01 09:30`,
  /// seconds only when not zero) or, below 1, a time of day (`09:30`).
  ///
  /// - Parameter date1904: the workbook counts days from 1904-01-01 (old Mac Excel) instead of
  ///   1899-12-31. In the 1900 system Excel keeps Lotus 1-2-3's phantom 1900-02-29 (serial 60):
  ///   serials from 61 on are one day ahead of a true count, and 60 itself is no date at all.
  static func date(serial: Double, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    let time =
      seconds % 60 == 0
      ? String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
      : String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    if days == 0 && !date1904 { return time }
    let offset: Int
    if date1904 {
      offset = days + 1461  // 1904-01-01 is 1461 days after 1899-12-31
    } else {
      if days == 60 { return nil }
      offset = days < 60 ? days : days - 1
    }
    // Day 1 (1900 system, true count) is 1900-01-01: 693_596 days after 0001-01-01 minus one.
    let (year, month, day) = civil(fromDaysAfter1899End: offset)
    let dateText = String(format: "%04d-%02d-%02d", year, month, day)
    return seconds == 0 ? dateText : "\(dateText) \(time)"
  }

  /// Gregorian date for a count of days after 1899-12-31 (Howard Hinnant's algorithm).
  private static func civil(fromDaysAfter1899End days: Int) -> (Int, Int, Int) {
    // 1899-12-31 is 25_568 days before 1970-01-01.
    let z = days - 25_568 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }

  /// Whether a number format shows a date or time: built-in formats 14–22 and 45–47 (and the
  /// East Asian 27–36, 50–58), or a custom format with y, m, d, h or s outside quoted text,
  /// `[…]` sections (colours, locales, elapsed time `[h]` counts) and escaped characters.
  static func isDateFormat(id: Int, code: String?) -> Bool {
    if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id) {
      return true
    }
    guard let code else { return false }
    var inQuote = false
    var inBracket = false
    var escaped = false
    for scalar in code.unicodeScalars {
      if escaped {
        escaped = false
        continue
      }
      switch scalar {
      case "\"": inQuote.toggle()
      case "\\" where !inQuote: escaped = true
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case ";" where !inQuote && !inBracket: return false  // only the first (positive) section decides
      default:
        if inQuote || inBracket { continue }
        switch scalar {
        case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S", "e", "g", "G": return true
        default: continue
        }
      }
    }
    return false
  }

  /// Decodes OOXML's `_xHHHH_` escapes (`_x000D_` for a carriage return) in shared and inline
  /// strings.
  static func unescapeOOXML(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var result = ""
    var scalars = Array(text.unicodeScalars)[...]
    while let first = scalars.first {
      if first == "_", scalars.count >= 7, scalars[scalars.startIndex + 1] == "x",
        scalars[scalars.startIndex + 6] == "_",
        let value = UInt32(
          String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)..<(scalars.startIndex + 6)])),
          radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        if scalar != "\r" { result.unicodeScalars.append(scalar) }
        scalars = scalars.dropFirst(7)
      } else {
        result.unicodeScalars.append(first)
        scalars = scalars.dropFirst()
      }
    }
    return result
  }
}
