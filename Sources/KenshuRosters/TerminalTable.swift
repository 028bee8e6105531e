import KenshuTabular

/// A plain-text table for terminals, with columns aligned by display width: East Asian wide
/// and full-width characters (漢字, かな, ＡＢＣ) take two columns, combining marks none.
struct TerminalTable {
  var headers: [String]
  var rows: [[String]]
  /// Columns to align right (numbers).
  var rightAligned: Set<Int> = []
  /// Rows drawn after a rule (totals).
  var footer: [[String]] = []

  func rendered() -> String {
    let all = [headers] + rows + footer
    let count = all.map(\.count).max() ?? 0
    let widths = (0..<count).map { column in
      all.map { $0.indices.contains(column) ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      (0..<count).map { column in
        let text = cells.indices.contains(column) ? cells[column] : ""
        let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
        return rightAligned.contains(column) ? padding + text : text + padding
      }.joined(separator: "  ").replacingTrailingSpaces()
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    var lines = [line(headers), rule] + rows.map(line)
    if !footer.isEmpty { lines += [rule] + footer.map(line) }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  fileprivate func replacingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
