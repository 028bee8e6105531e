/// Escaping for HTML and XML output, shared by every renderer so that no output path can
/// forget a character.
public enum Markup {
  /// Escapes `& < > " '` for element content and quoted attribute values (HTML and XML).
  public static func escape(_ text: String) -> String {
    // Most text needs no escaping; checking bytes first avoids rebuilding it.
    // A plain loop over contiguous bytes; iterating `String.UTF8View` goes a byte at a time.
    let isSpecial = { (byte: UInt8) in
      byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
    let needsEscaping =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) }
      ?? text.utf8.contains(where: isSpecial)
    guard needsEscaping else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `escape`, for XML files Kenshu writes to be read back exactly (rosters, attendance):
  /// `'` as `&apos;`, tab and line breaks as character references (a parser would turn them into spaces
  /// in attribute values), and the control characters XML 1.0 forbids dropped.
  public static func escapeForXMLFile(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      // XML's own entity, as the documented roster format has it (HTML 4 lacks it).
      case "'": out += "&apos;"
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: out += escape(String(scalar))
      }
    }
    return out
  }
}
