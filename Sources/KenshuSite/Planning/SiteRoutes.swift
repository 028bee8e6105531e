/// Where each page and file lives in the built site. All paths are site-relative.
public enum SiteRoutes {
  public static let home = "index.html"
  public static let glossary = "glossary/index.html"
  public static let search = "search/index.html"
  /// One part of the search index; big sites get several, so that a rebuild rewrites only
  /// the part holding the pages that changed.
  public static func searchIndex(part: Int) -> String { "search/search-index-\(part).js" }
  public static let facilitatorNotes = "facilitator/index.html"
  /// An empty file in the root of every facilitator-edition site (beside the writer's
  /// `.kenshu-site`), so that a learner site is never replaced by one, nor one written into it.
  public static let facilitatorEditionMarker = ".kenshu-facilitator-edition"

  public static func programme(_ programme: String) -> String {
    "programmes/\(segment(programme))/index.html"
  }

  public static func timetable(_ programme: String, _ course: String) -> String {
    "programmes/\(segment(programme))/\(segment(course))/index.html"
  }

  public static func session(_ programme: String, _ course: String, _ session: String, view: PageView)
    -> String
  {
    // One file per session in the course's `sessions/` folder rather than a folder each: on
    // big sites the extra `mkdir` per page costs more than rendering it.
    let path = "programmes/\(segment(programme))/\(segment(course))/sessions/\(segment(session)).html"
    return view == .facilitator ? "facilitator/" + path : path
  }

  public static func handout(_ programme: String, _ course: String) -> String {
    "programmes/\(segment(programme))/\(segment(course))/handout/index.html"
  }

  /// The programme's iCalendar file.
  public static func calendar(_ programme: String) -> String {
    "programmes/\(segment(programme))/\(segment(programme)).ics"
  }

  public static func survey(_ id: String) -> String { "surveys/\(segment(id))/index.html" }
  public static func module(_ id: String) -> String { "modules/\(segment(id))/index.html" }

  /// An id as a folder name: ASCII letters, digits, `-`, `_` and `.` are kept, anything else
  /// becomes `_`, and names made only of dots are prefixed, so an id can never leave its folder.
  public static func segment(_ id: String) -> String {
    var out = ""
    for ch in id.unicodeScalars {
      let keep =
        ch.isASCII
        && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || "-_.".unicodeScalars.contains(ch))
      out.unicodeScalars.append(keep ? ch : "_")
    }
    if out.isEmpty || out.allSatisfy({ $0 == "." }) { out = "_" + out }
    return out
  }
}
