import Foundation
import KenshuModel

/// A user's `--map` file: assignments of columns the automatic matching cannot place.
///
/// Format (UTF-8 text, one assignment per line; blank lines and lines starting with `#` are
/// ignored):
///
///     研修全体の満足度を教えてください = q1
///     #7 = q3.before
///     メールアドレス = participant
///     備考 = -
///
/// The left side is a column header (compared after folding width, case and spaces) or `#N`,
/// the N-th column (1-based). The right side is an item id, `ID.before` / `ID.now` for a
/// retrospective item, `ID.other` for a column holding an item's "other" text, `participant`
/// for the participant id, or `-` to ignore the column. The line is split at its last `=`.
public struct ColumnMap: Sendable, Hashable {
  public var byHeader: [String: String]
  public var byPosition: [Int: String]

  /// Assignments by folded header (`matchKey`) and by 0-based column position.
  public init(byHeader: [String: String] = [:], byPosition: [Int: String] = [:]) {
    self.byHeader = byHeader
    self.byPosition = byPosition
  }

  /// Parses map text; malformed lines become diagnostics.
  public static func parse(_ text: String, file: String) -> (ColumnMap, [Diagnostic]) {
    var map = ColumnMap()
    var diagnostics: [Diagnostic] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || (line.hasPrefix("#") && !line.contains("=")) { continue }
      guard let equals = line.lastIndex(of: "=") else {
        diagnostics.append(
          .error(Catalogue.evaluationMapNoEquals, (), at: SourceLocation(file: file, line: offset + 1)))
        continue
      }
      let left = line[..<equals].trimmingCharacters(in: .whitespaces)
      let right = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if left.hasPrefix("#"), let position = Int(left.dropFirst()), position > 0 {
        map.byPosition[position - 1] = right
      } else if !left.isEmpty && !right.isEmpty {
        map.byHeader[matchKey(left)] = right
      } else {
        diagnostics.append(
          .error(Catalogue.evaluationMapIncomplete, (), at: SourceLocation(file: file, line: offset + 1)))
      }
    }
    return (map, diagnostics)
  }
}
