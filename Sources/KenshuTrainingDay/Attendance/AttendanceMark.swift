import Foundation
import KenshuModel

/// What an office writes in an attendance cell: present (○ ◯ 出 出席 1 ✓ TRUE …), absent
/// (blank, 欠, × …), or something Kenshu does not understand.
public enum AttendanceMark: Sendable, Hashable {
  case present
  case absent
  case unknown

  /// Marks compared after `Profession.normalizedKey` (NFKC, lower case, no spaces), so full-width
  /// `１` and `ＴＲＵＥ` are read like `1` and `TRUE`.
  static let presentMarks: Set<String> = [
    "○", "◯", "〇", "●", "◎", "出", "出席", "済", "有", "あり", "1", "✓", "✔", "☑", "レ", "true", "yes", "y",
    "はい", "present", "attended",
  ].reduce(into: []) { $0.insert(Profession.normalizedKey($1)) }
  static let absentMarks: Set<String> = [
    "欠", "欠席", "無", "なし", "0", "×", "✕", "✗", "false", "no", "n", "いいえ", "absent", "未",
  ].reduce(into: []) { $0.insert(Profession.normalizedKey($1)) }

  public init(cell: String?) {
    let key = Profession.normalizedKey(cell ?? "")
    if key.isEmpty || Self.absentMarks.contains(key) {
      self = .absent
    } else if Self.presentMarks.contains(key) {
      self = .present
    } else {
      self = .unknown
    }
  }
}

/// A clock time as offices type it: `10:15`, `10:15:00`, `１０：１５`, `10時15分`, `10時`, or a
/// spreadsheet's fraction of a day (`0.4270833`).
enum AttendanceTime {
  static func parse(_ cell: String) -> ClockTime? {
    let text = cell.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
    if let time = ClockTime(parsing: text) { return time }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 3, parts[2].count == 2, Int(parts[2]) != nil,
      let time = ClockTime(parsing: parts[0] + ":" + parts[1])
    {
      return time
    }
    if text.hasSuffix("分") || text.hasSuffix("時"), let hourEnd = text.firstIndex(of: "時"),
      let hour = Int(text[..<hourEnd])
    {
      let rest = text[text.index(after: hourEnd)...].dropLast(text.hasSuffix("分") ? 1 : 0)
      let minute = rest.isEmpty ? 0 : Int(rest)
      if let minute { return ClockTime(hour: hour, minute: minute) }
    }
    if let fraction = Double(text), fraction > 0, fraction < 1 {
      let minutes = Int((fraction * 1440).rounded())
      return ClockTime(minutes: minutes)
    }
    return nil
  }
}
