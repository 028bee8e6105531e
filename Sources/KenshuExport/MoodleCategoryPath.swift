/// The question-bank category path Moodle reads from GIFT's `$CATEGORY:` line and Moodle XML's
/// category question.
///
/// Moodle splits a path at every single `/` and reads `//` as a literal slash inside a name; it
/// trims each name, so a name that starts or ends with a slash gets a space on that side (as
/// Moodle's own exporter does) to keep its doubled slash apart from the separator.
enum MoodleCategoryPath {
  /// `$course$/top/NAME`: the module's category directly under the course's top category.
  static func forModule(titled title: String) -> String {
    ["$course$", "top", title].map(escapeName).joined(separator: "/")
  }

  /// One name of a path: slashes doubled; line breaks (which a category line cannot hold)
  /// become spaces.
  static func escapeName(_ name: String) -> String {
    var escaped = name.replacingOccurrences(of: "\r\n", with: " ")
      .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
      .replacingOccurrences(of: "/", with: "//")
    if escaped.hasPrefix("/") { escaped = " " + escaped }
    if escaped.hasSuffix("/") { escaped += " " }
    return escaped
  }
}
