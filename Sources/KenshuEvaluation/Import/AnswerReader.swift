import Foundation
import KenshuModel
import KenshuTabular

/// The cell without surrounding white space; the common case (nothing to trim) avoids
/// Foundation's character-set scan, which dominates import time on large files.
func trimmedCell(_ cell: String) -> String {
  guard let (first, last) = cell.endScalars else { return cell }
  if !isWhitespace(first) && !isWhitespace(last) { return cell }
  return cell.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// White space test with an ASCII fast path (Unicode property look-ups are costly per cell).
func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
  // The White_Space code points of Unicode, spelled out (a property look-up per cell is costly).
  switch scalar.value {
  case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
  default: false
  }
}

/// Why a cell's value was not accepted.
enum ValueProblem: Error, Sendable, Hashable {
  case unknown(String)
  case outOfRange(String)
  /// A decimal where a whole number is needed (`4.5` for a Likert point).
  case notWhole(String)
}

/// A number written with a decimal point (`4.0`, `4.00`, as Sheets, Excel and pandas write
/// Likert values): its whole value, `.failure` when it has a fraction, nil when it is no such
/// number.
func integralDecimal(_ text: String) -> Result<Int, ValueProblem>? {
  guard text.contains("."), text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }),
    let value = Double(text), value.isFinite
  else { return nil }
  guard value == value.rounded(), abs(value) < 1e9 else { return .failure(.notWhole(text)) }
  return .success(Int(value))
}

/// Interprets the text of one cell for one item. Built once per item with look-up tables, so
/// the common cases (a digit, an exact label) need no Unicode folding.
///
/// A final class with only immutable state: it is consulted for every cell, and as a struct
/// holding the item and its tables it was copied (retaining every field) on each call.
final class AnswerReader: Sendable {
  let item: SurveyItem
  let categories: [String]
  private let exact: [ByteKey: Int]
  private let folded: [String: Int]
  /// Labels longest first, for splitting multiple answers joined by commas.
  private let labelsByLength: [(label: String, index: Int)]
  private let otherProfession = Profession.allCases.firstIndex(of: .other) ?? 0
  private let isLikert: Bool

  init(item: SurveyItem, survey: Survey) {
    self.item = item
    isLikert = item.type == .likert
    categories = survey.categories(of: item)
    var exact: [ByteKey: Int] = [:]
    var folded: [String: Int] = [:]
    for (index, label) in categories.enumerated() {
      if exact[ByteKey(label)] == nil { exact[ByteKey(label)] = index }
      if folded[matchKey(label)] == nil { folded[matchKey(label)] = index }
    }
    if item.type == .profession {
      // Every spelling of the vocabulary, so that typical answers need no Unicode folding.
      for (index, profession) in Profession.allCases.enumerated() {
        for name in [profession.rawValue, profession.englishLabel] + profession.aliases
        where exact[ByteKey(name)] == nil {
          exact[ByteKey(name)] = index
        }
      }
    }
    self.exact = exact
    self.folded = folded
    labelsByLength = categories.enumerated().map { ($0.element, $0.offset) }
      .sorted { $0.label.count > $1.label.count }
  }

  /// The point of a Likert cell that is the one byte `byte` (a digit 1–9 within the scale), or
  /// nil when that needs the general reading. Same answer as `read` gives.
  @inline(__always) func singleDigitPoint(_ byte: UInt8) -> Int? {
    guard isLikert, byte >= 0x31, byte <= 0x39 else { return nil }
    let point = Int(byte - 0x30)
    return point <= categories.count ? point : nil
  }

  /// The answer in `cell`: nil for an empty cell, or the problem that excludes it.
  func read(_ cell: String) -> Result<Answer?, ValueProblem> {
    // Fast path for the bulk of a survey: a Likert point typed as one ASCII digit.
    if cell.utf8.count == 1, let byte = cell.utf8.first, let point = singleDigitPoint(byte) {
      return .success(.point(point))
    }
    let text = trimmedCell(cell)
    if text.isEmpty { return .success(nil) }
    switch item.type {
    case .likert: return readPoint(text).map { .point($0) }
    case .single: return readSingle(text)
    case .profession:
      if let index = exact[ByteKey(text)] { return .success(.option(index)) }
      let index =
        Profession(parsing: text).flatMap { Profession.allCases.firstIndex(of: $0) } ?? otherProfession
      return .success(.option(index))
    case .multiple: return readMultiple(text)
    case .numeric: return readNumber(text)
    case .text: return .success(.text(text))
    }
  }

  /// A Likert point from a number (`4`, `４`, LimeSurvey's `A4`, `4 ややそう思う`) or a label.
  func readPoint(_ text: String) -> Result<Int, ValueProblem> {
    let points = categories.count
    if let number = Int(text) {
      return (1...max(points, 1)).contains(number) ? .success(number) : .failure(.outOfRange(text))
    }
    switch integralDecimal(text) {
    case .success(let number)?:
      return (1...max(points, 1)).contains(number) ? .success(number) : .failure(.outOfRange(text))
    case .failure(let problem)?: return .failure(problem)
    case nil: break
    }
    if let index = exact[ByteKey(text)] { return .success(index + 1) }
    let key = matchKey(text)
    if let index = folded[key] { return .success(index + 1) }
    var digits = Substring(key)
    if digits.hasPrefix("ao") {
      digits = digits.dropFirst(2)
    } else if digits.hasPrefix("a") {
      digits = digits.dropFirst()
    }
    let leading = digits.prefix { $0.isASCII && $0.isNumber }
    if !leading.isEmpty, let number = Int(leading) {
      let rest = digits.dropFirst(leading.count).drop { ".)-_:".contains($0) }
      // "4 ややそう思う" must agree with itself: the label, if present, names the same point.
      if rest.isEmpty || folded[String(rest)] == number - 1 {
        return (1...max(points, 1)).contains(number) ? .success(number) : .failure(.outOfRange(text))
      }
    }
    if Double(key) != nil { return .failure(.outOfRange(text)) }
    return .failure(.unknown(text))
  }

  func readSingle(_ text: String) -> Result<Answer?, ValueProblem> {
    if let index = optionIndex(text) { return .success(.option(index)) }
    if item.allowOther { return .success(.other(text)) }
    return .failure(Int(matchKey(text)) != nil ? .outOfRange(text) : .unknown(text))
  }

  /// An option by exact or folded label, or by its 1-based number (typed in from paper).
  func optionIndex(_ text: String) -> Int? {
    if let index = exact[ByteKey(text)] { return index }
    let key = matchKey(text)
    if let index = folded[key] { return index }
    let whole: Int? =
      switch integralDecimal(key) {
      case .success(let number)?: number
      default: Int(key)
      }
    if let number = whole, number >= 1 && number <= categories.count { return number - 1 }
    // LimeSurvey's answer codes (`A1`, `AO01`) in its code export style.
    for prefix in ["ao", "a"] where key.hasPrefix(prefix) {
      let digits = key.dropFirst(prefix.count)
      if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
        number >= 1 && number <= categories.count
      {
        return number - 1
      }
    }
    return nil
  }

  /// Several options joined by `;` (Kenshu, Microsoft Forms), `, ` (Google Forms) or `、`.
  /// Known labels are taken greedily (longest first), so labels containing commas survive;
  /// what is left is the "other" text when the item allows it, else an unknown value.
  func readMultiple(_ text: String) -> Result<Answer?, ValueProblem> {
    var chosen: Set<Int> = []
    var leftovers: [String] = []
    var rest = Substring(text)
    let separators: Set<Character> = [";", ",", "、", "\n", "；", "，"]
    while true {
      rest = rest.drop { separators.contains($0) || $0.isWhitespace }
      guard !rest.isEmpty else { break }
      if let match = labelsByLength.first(where: { entry in
        rest.hasPrefix(entry.label)
          && (rest.dropFirst(entry.label.count).first.map { separators.contains($0) || $0.isWhitespace }
            ?? true)
      }) {
        chosen.insert(match.index)
        rest = rest.dropFirst(match.label.count)
        continue
      }
      let piece = rest.prefix { !separators.contains($0) }
      rest = rest.dropFirst(piece.count)
      let pieceText = piece.trimmingCharacters(in: .whitespaces)
      if let index = optionIndex(pieceText) { chosen.insert(index) } else { leftovers.append(pieceText) }
    }
    if !leftovers.isEmpty && !item.allowOther { return .failure(.unknown(leftovers.joined(separator: "; "))) }
    let other = leftovers.isEmpty ? nil : leftovers.joined(separator: "、")
    if chosen.isEmpty && other == nil { return .success(nil) }
    return .success(.options(chosen.sorted(), other: other))
  }

  func readNumber(_ text: String) -> Result<Answer?, ValueProblem> {
    guard let value = Double(text) ?? Double(matchKey(text).replacingOccurrences(of: ",", with: "")),
      value.isFinite
    else { return .failure(.unknown(text)) }
    if let minimum = item.minimum, value < minimum { return .failure(.outOfRange(text)) }
    if let maximum = item.maximum, value > maximum { return .failure(.outOfRange(text)) }
    return .success(.number(value))
  }
}
