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

  private static func quoted(_ text: String, forScript: Bool) -> String {
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
