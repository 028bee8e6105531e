/// A certificate numbering pattern such as `R8-多職種-{n:03}`: literal text around exactly one
/// `{n}` placeholder, optionally with a zero-padded width (`{n:03}` → `001`).
public struct NumberingPattern: Sendable, Hashable, Codable, CustomStringConvertible {
  public let prefix: String
  public let suffix: String
  /// Minimum number of digits (zero-padded); 1 for a bare `{n}`.
  public let width: Int

  /// The pattern as written.
  public var description: String {
    prefix + (width > 1 ? "{n:0\(width)}" : "{n}") + suffix
  }

  public init(prefix: String, width: Int = 1, suffix: String = "") {
    self.prefix = prefix
    self.width = max(1, width)
    self.suffix = suffix
  }

  /// Why a pattern cannot be used, for the diagnostic.
  public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
    case noPlaceholder
    case severalPlaceholders
    case badPlaceholder(String)
    case strayBrace

    public var description: String {
      switch self {
      case .noPlaceholder: "it has no {n} placeholder for the running number"
      case .severalPlaceholders: "it has more than one {n} placeholder"
      case .badPlaceholder(let text): "\"\(text)\" is not a placeholder; write {n} or {n:03} (width 1–9)"
      case .strayBrace: "it has a { or } outside the {n} placeholder"
      }
    }

    /// The reason in both languages, for the diagnostic.
    public var wording: Bilingual {
      let japanese =
        switch self {
        case .noPlaceholder: "連番を入れる {n} がありません"
        case .severalPlaceholders: "{n} が二つ以上あります"
        case .badPlaceholder(let text): "\"\(text)\" は使えません。{n} か {n:03}（桁数 1–9）と書いてください"
        case .strayBrace: "{n} の外に { か } があります"
        }
      return Bilingual(ja: japanese, en: description)
    }
  }

  /// Parses `text`; the placeholder is `{n}` or `{n:0W}`/`{n:W}` with W from 1 to 9.
  public static func parse(_ text: String) -> Result<NumberingPattern, Problem> {
    guard let open = text.firstIndex(of: "{") else {
      return .failure(text.contains("}") ? .strayBrace : .noPlaceholder)
    }
    guard let close = text[open...].firstIndex(of: "}") else { return .failure(.strayBrace) }
    let inside = String(text[text.index(after: open)..<close])
    let prefix = String(text[..<open])
    let suffix = String(text[text.index(after: close)...])
    if prefix.contains("}") { return .failure(.strayBrace) }
    if suffix.contains("{") {
      return .failure(suffix.contains("{n") ? .severalPlaceholders : .strayBrace)
    }
    if suffix.contains("}") { return .failure(.strayBrace) }
    let width: Int
    if inside == "n" {
      width = 1
    } else if inside.hasPrefix("n:"), let value = Int(inside.dropFirst(2)), (1...9).contains(value),
      inside.dropFirst(2).allSatisfy(\.isASCII)
    {
      width = value
    } else {
      return .failure(.badPlaceholder("{" + inside + "}"))
    }
    return .success(NumberingPattern(prefix: prefix, width: width, suffix: suffix))
  }

  /// The certificate number for running number `n` (from 1).
  public func format(_ n: Int) -> String {
    let digits = String(n)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
  }

  /// The running number of a certificate number made by this pattern, or nil.
  public func runningNumber(of number: String) -> Int? {
    guard number.hasPrefix(prefix), number.hasSuffix(suffix), number.count > prefix.count + suffix.count
    else { return nil }
    let middle = number.dropFirst(prefix.count).dropLast(suffix.count)
    guard middle.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(middle)
  }
}
