/// Escaping for HTML and XML output, shared by every renderer so that no output path can
/// forget a character.
public enum Markup {
  /// Escapes `& < > " '` for element content and quoted attribute values (HTML and XML).
  public static func escape(_ text: String) -> String {
    // Most text needs no escaping; checking bytes first avoids rebuilding it.
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else { return text }
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
