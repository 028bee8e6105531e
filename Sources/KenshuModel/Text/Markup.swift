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
}
