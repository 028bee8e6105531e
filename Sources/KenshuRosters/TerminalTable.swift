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

/// How many terminal columns text takes (a simplified `wcwidth`, East Asian Width W and F = 2;
/// ambiguous characters such as ① count 1, as most terminals in a Japanese locale show them).
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 || scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark || value == 0x200B
    {
      return 0
    }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(value) } ? 2 : 1
  }
}
