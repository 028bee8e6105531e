import KenshuModel

/// The ruby (furigana) notation `{漢字|かんじ}`, shared by Markdown and by
/// plain text that comes from XML definitions (escaping is `Markup.escape`).
public enum HTMLText {
  /// One piece of text split by the ruby notation.
  public enum RubySegment: Sendable, Hashable {
    case text(String)
    case ruby(base: String, reading: String)
  }

  /// Splits `text` at each `{base|reading}`. Braces that do not form the notation (no `|`,
  /// empty base or reading, nested braces, line breaks) stay as they are, so authors never lose
  /// text to the notation.
  public static func rubySegments(_ text: String) -> [RubySegment] {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text.isEmpty ? [] : [.text(text)] }
    // The notation's characters are ASCII, so scanning UTF-8 bytes never splits a character.
    let bytes = Array(text.utf8)
    var segments: [RubySegment] = []
    var plainStart = 0
    var i = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "{"), let (bar, close) = rubyNotation(in: bytes, at: i) else {
        i += 1
        continue
      }
      if plainStart < i { segments.append(.text(String(decoding: bytes[plainStart..<i], as: UTF8.self))) }
      segments.append(
        .ruby(
          base: String(decoding: bytes[(i + 1)..<bar], as: UTF8.self),
          reading: String(decoding: bytes[(bar + 1)..<close], as: UTF8.self)))
      i = close + 1
      plainStart = i
    }
    if plainStart < bytes.count {
      segments.append(.text(String(decoding: bytes[plainStart...], as: UTF8.self)))
    }
    return segments
  }

  /// Positions of `|` and `}` when `{` at `open` starts a well-formed `{base|reading}`.
  private static func rubyNotation(in bytes: [UInt8], at open: Int) -> (Int, Int)? {
    var bar: Int?
    var i = open + 1
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "}"):
        guard let bar, bar > open + 1, i > bar + 1 else { return nil }
        return (bar, i)
      case UInt8(ascii: "|"):
        if bar != nil { return nil }
        bar = i
      case UInt8(ascii: "{"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        return nil
      default:
        break
      }
      i += 1
    }
    return nil
  }

  /// The HTML of one ruby annotation, with fallback parentheses for browsers without ruby.
  public static func rubyHTML(base: String, reading: String) -> String {
    "<ruby>\(Markup.escape(base))<rp>(</rp><rt>\(Markup.escape(reading))</rt><rp>)</rp></ruby>"
  }

  /// Escaped HTML of plain text with the ruby notation rendered — for every text that comes
  /// from XML (titles, objectives, questions, …).
  public static func html(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return Markup.escape(text) }
    return rubySegments(text).map { segment in
      switch segment {
      case .text(let plain): Markup.escape(plain)
      case .ruby(let base, let reading): rubyHTML(base: base, reading: reading)
      }
    }.joined()
  }

  /// The text without the ruby readings (`{漢字|かんじ}` → `漢字`), for `<title>`, calendars and
  /// search.
  /// The readings of the text's ruby, in order (`{看取|みと}り` → `["みと"]`): indexed for search,
  /// so that a page is found by how its terms are read.
  public static func readings(_ text: String) -> [String] {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return [] }
    return rubySegments(text).compactMap { segment in
      if case .ruby(_, let reading) = segment { return reading }
      return nil
    }
  }

  public static func plain(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    return rubySegments(text).map { segment in
      switch segment {
      case .text(let plain): plain
      case .ruby(let base, _): base
      }
    }.joined()
  }
}
