/// Which link and image URLs Markdown may contain, and how links to files under `content/` are
/// rewritten to their place in the built site.
public enum LinkPolicy {
  /// Schemes allowed in links; anything else with a scheme (`javascript:`, `vbscript:`,
  /// `data:`, `file:` …) is removed.
  public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

  /// How a URL written by an author is treated.
  public enum Decision: Equatable, Sendable {
    /// Absolute URL with an allowed scheme, a fragment or a site-absolute path: kept.
    case keep
    /// A path relative to the Markdown file, pointing into `content/`.
    case contentRelative(String)
    /// A scheme that could run code or leak data: the link is dropped, its text kept.
    case unsafe
  }

  /// Classifies `url`. Control characters and whitespace are ignored when looking for the
  /// scheme, as browsers do (`java\tscript:` is still JavaScript).
  public static func decide(_ url: String) -> Decision {
    let compact = String(
      url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init))
    if compact.isEmpty || compact.hasPrefix("#") || compact.hasPrefix("/") || compact.hasPrefix("?") {
      return .keep
    }
    if let colon = compact.firstIndex(of: ":") {
      let scheme = compact[..<colon]
      let slash = compact.firstIndex(of: "/") ?? compact.endIndex
      if colon < slash {
        let isScheme = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        if isScheme {
          return allowedSchemes.contains(scheme.lowercased()) ? .keep : .unsafe
        }
      }
    }
    return .contentRelative(url)
  }

  /// Resolves `relative` against the folder of a Markdown file (both `content/`-relative) and
  /// normalises `.` and `..`. Returns nil when the path climbs out of `content/`.
  public static func resolve(_ relative: String, fromFolder folder: String) -> String? {
    var pathPart = Substring(relative)
    var suffix = ""
    if let mark = relative.firstIndex(where: { $0 == "#" || $0 == "?" }) {
      pathPart = relative[..<mark]
      suffix = String(relative[mark...])
    }
    var parts = folder.split(separator: "/").map(String.init)
    for part in pathPart.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/") + suffix
  }
}
