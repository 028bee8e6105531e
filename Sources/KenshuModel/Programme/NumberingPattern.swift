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

extension NumberingPattern {
  /// The pattern of an award that states none: the award's id — prefixed by the programme's
  /// id unless it already starts with it — then three digits (`tashokushu-2026-completion-001`).
  /// Award ids are unique within a programme and programme ids within a project, so no two
  /// defaults of one project can produce the same number (a bare `{n}` would: 1, 2, 3 in every
  /// award and programme).
  public static func defaultPattern(programme: String, award: String) -> NumberingPattern {
    let stem = award.hasPrefix(programme + "-") || award == programme ? award : programme + "-" + award
    return NumberingPattern(prefix: stem + "-", width: 3)
  }

  /// Whether `number` is what this pattern writes for some running number from 1.
  public func produces(_ number: String) -> Bool {
    guard let n = runningNumber(of: number), n >= 1 else { return false }
    return format(n) == number
  }

  /// A certificate number that both this pattern and `other` can produce, or nil when their
  /// numbers never meet (`A{n}` and `A1{n}` meet at `A11`; `R8-修了-{n}` and `R8-受講-{n}` never).
  ///
  /// Exact, not sampled: for each length of this pattern's digits the positions of the number
  /// are fixed, each taken by a literal character or a digit of either pattern; literals must
  /// agree, a literal facing a digit must be a digit, and the free digits are set to 1, which
  /// satisfies every rule a pattern has (no leading zero beyond its width, no number 0).
  /// Lengths beyond the literals' total only lengthen the digit run both share, so the search
  /// stops there.
  public func sharedNumber(with other: NumberingPattern) -> String? {
    let (p1, s1, p2, s2) = (Array(prefix), Array(suffix), Array(other.prefix), Array(other.suffix))
    let limit = max(width, other.width) + p1.count + s1.count + p2.count + s2.count + 2
    for digits in width...limit {
      let total = p1.count + digits + s1.count
      let otherDigits = total - p2.count - s2.count
      guard otherDigits >= max(1, other.width) else { continue }
      var characters: [Character] = []
      var fits = true
      for position in 0..<total {
        let mine = Self.slot(position, prefix: p1, digits: digits)
        let theirs = Self.slot(position, prefix: p2, digits: otherDigits)
        let mineLiteral = mine.map { p1.indices.contains($0) ? p1[$0] : s1[$0 - p1.count - digits] }
        let theirsLiteral = theirs.map { p2.indices.contains($0) ? p2[$0] : s2[$0 - p2.count - otherDigits] }
        switch (mineLiteral, theirsLiteral) {
        case (let a?, let b?):
          fits = a == b
          characters.append(a)
        case (let a?, nil), (nil, let a?):
          fits = a.isASCII && a.isNumber
          characters.append(a)
        case (nil, nil):
          characters.append("1")
        }
        if !fits { break }
      }
      let number = String(characters)
      if fits, produces(number), other.produces(number) { return number }
    }
    return nil
  }

  /// The index of the literal character at `position` (nil when it is one of the digits).
  private static func slot(_ position: Int, prefix: [Character], digits: Int) -> Int? {
    if position < prefix.count { return position }
    if position < prefix.count + digits { return nil }
    return position
  }
}
