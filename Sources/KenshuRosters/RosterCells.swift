import Foundation
import KenshuModel

/// How roster cells are read: ids, lists of roles or people, yes/no and stage values.
/// Kept apart from `RosterImport` so that each rule is small and tested on its own.
enum RosterCells {
  /// Characters that separate several values in one cell: `・`, `、`, `,`, `;`, `/` (half- and
  /// full-width) and white space.
  static func splitList(_ text: String) -> [String] {
    let separators = Set("・、，,;；/／|｜")
    return text.split { separators.contains($0) || $0.isWhitespace }.map(String.init).filter { !$0.isEmpty }
  }

  /// An id as written (cells arrive trimmed), width-folded (`Ａ－０１` → `A-01`); nil unless it is
  /// letters, digits, `-` and `_` only, as the XML schema requires.
  static func personID(_ text: String) -> String? {
    let folded =
      text.unicodeScalars.allSatisfy(\.isASCII) ? text : text.precomposedStringWithCompatibilityMapping
    guard !folded.isEmpty,
      folded.unicodeScalars.allSatisfy({ scalar in
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
          || scalar == "-" || scalar == "_"
      })
    else { return nil }
    return folded
  }

  /// Yes/no as offices write it: はい/いいえ, 有/無, あり/なし, ○/×, 済/未, yes/no, true/false, 1/0.
  static func yesNo(_ text: String) -> Bool? {
    let key = Profession.normalizedKey(text)
    if ["はい", "有", "あり", "○", "〇", "◯", "済", "実施", "実施済", "yes", "y", "true", "1", "✓", "✔"].contains(key) {
      return true
    }
    if ["いいえ", "無", "なし", "×", "✕", "未", "未実施", "no", "n", "false", "0"].contains(key) { return false }
    return nil
  }

  /// What a stage cell says.
  enum StageValue: Equatable {
    /// Completed, on this ISO date when known.
    case done(date: String?)
    case notDone
  }

  /// Reads a stage cell: an empty cell or a "no" word means not done; a date (2022-09-01,
  /// 2022/9/1, 2022.9.1, 2022年9月1日) means done on that date; a "yes" word (済, ○, yes…) means
  /// done on an unknown date; anything else is nil (the caller warns).
  static func stageValue(_ text: String?) -> StageValue? {
    guard let text, !text.isEmpty else { return .notDone }
    if let date = isoDate(text) { return .done(date: date) }
    switch yesNo(text) {
    case true: return .done(date: nil)
    case false: return .notDone
    case nil: return Profession.normalizedKey(text) == "-" ? .notDone : nil
    }
  }

  /// The ISO form (YYYY-MM-DD) of a Western-calendar date written with `-`, `/`, `.` or 年月日;
  /// nil when it is not a real calendar date.
  static func isoDate(_ text: String) -> String? {
    let folded =
      text.unicodeScalars.allSatisfy(\.isASCII) ? text : text.precomposedStringWithCompatibilityMapping
    // Only digits, separators and 年月日 may appear: "2022-09-01 予定" is not a date.
    guard folded.allSatisfy({ dateCharacters.contains($0) }) else { return nil }
    let parts = folded.split { !$0.isASCII || !$0.isNumber }
    guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
      let year = Int(parts[0]),
      let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1,
      day <= GregorianMonth.days(month, year: year)
    else { return nil }
    func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    return "\(parts[0])-\(twoDigits(month))-\(twoDigits(day))"
  }

  private static let dateCharacters = Set("0123456789-/.年月日 ")

}
