/// HTML escaping and the ruby (furigana) notation `{漢字|かんじ}`, shared by Markdown and by
/// plain text that comes from XML definitions.
public enum HTMLText {
  /// Escapes text for use in HTML element content and in double-quoted attribute values.
  public static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

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
    var segments: [RubySegment] = []
    var plain = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "{", let (base, reading, next) = rubyNotation(in: text, at: index) {
        if !plain.isEmpty {
          segments.append(.text(plain))
          plain = ""
        }
        segments.append(.ruby(base: base, reading: reading))
        index = next
      } else {
        plain.append(text[index])
        index = text.index(after: index)
      }
    }
    if !plain.isEmpty { segments.append(.text(plain)) }
    return segments
  }

  private static func rubyNotation(in text: String, at open: String.Index)
    -> (String, String, String.Index)?
  {
    var cursor = text.index(after: open)
    var base = ""
    var reading = ""
    var inReading = false
    while cursor < text.endIndex {
      let ch = text[cursor]
      switch ch {
      case "}":
        guard inReading, !base.isEmpty, !reading.isEmpty else { return nil }
        return (base, reading, text.index(after: cursor))
      case "|":
        if inReading { return nil }
        inReading = true
      case "{", "\n", "\r":
        return nil
      default:
        if inReading { reading.append(ch) } else { base.append(ch) }
      }
      cursor = text.index(after: cursor)
    }
    return nil
  }

  /// The HTML of one ruby annotation, with fallback parentheses for browsers without ruby.
  public static func rubyHTML(base: String, reading: String) -> String {
    "<ruby>\(escape(base))<rp>(</rp><rt>\(escape(reading))</rt><rp>)</rp></ruby>"
  }

  /// Escaped HTML of plain text with the ruby notation rendered — for every text that comes
  /// from XML (titles, objectives, questions, …).
  public static func html(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return escape(text) }
    return rubySegments(text).map { segment in
      switch segment {
      case .text(let plain): escape(plain)
      case .ruby(let base, let reading): rubyHTML(base: base, reading: reading)
      }
    }.joined()
  }

  /// The text without the ruby readings (`{漢字|かんじ}` → `漢字`), for `<title>`, calendars and
  /// search.
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
