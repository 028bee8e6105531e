/// JSON string literals for the outputs Kenshu writes by hand (keys in a documented order,
/// percentages with their decimal): RFC 8259 escaping, non-ASCII kept as UTF-8 (`JSONEncoder`
/// would write 多 as \u591a). The one quoter of every such output.
public enum JSONString {
  /// `"…"` with `"` and `\` escaped, line breaks and tabs as `\n`, `\r`, `\t`, other
  /// control characters as `\u00XX`.
  public static func quoted(_ text: String) -> String { quoted(text, forScript: false) }

  /// `quoted`, also safe inside an HTML `<script>` and in every JavaScript parser: `<` (no
  /// `</script>` can end the script), U+2028 and U+2029 escaped.
  public static func quotedForScript(_ text: String) -> String { quoted(text, forScript: true) }

  /// Copies runs of bytes that need no escape at once: the search index quotes every page's
  /// text, and appending scalar by scalar was 5 % of a cold 10,000-page build. Equal to
  /// `referenceQuoted` (a seeded test).
  private static func quoted(_ text: String, forScript: Bool) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 2)
      out.append(UInt8(ascii: "\""))
      var runStart = 0
      var i = 0
      while i < bytes.count {
        let byte = bytes[i]
        var length = 1
        let escape: String
        switch byte {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case UInt8(ascii: "\n"): escape = "\\n"
        case UInt8(ascii: "\r"): escape = "\\r"
        case UInt8(ascii: "\t"): escape = "\\t"
        case UInt8(ascii: "<") where forScript: escape = "\\u003c"
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
        case 0xE2
        where forScript && i + 2 < bytes.count && bytes[i + 1] == 0x80
          && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
          escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          length = 3
        case 0..<0x20:
          let hex = String(byte, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
          i += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
        out.append(contentsOf: escape.utf8)
        i += length
        runStart = i
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
      out.append(UInt8(ascii: "\""))
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The scalar-by-scalar definition `quoted` must equal.
  static func referenceQuoted(_ text: String, forScript: Bool) -> String {
    var out = "\""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<" where forScript: out += "\\u003c"
      case "\u{2028}" where forScript: out += "\\u2028"
      case "\u{2029}" where forScript: out += "\\u2029"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
