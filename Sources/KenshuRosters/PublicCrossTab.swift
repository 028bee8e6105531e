/// A cross-tab fit for the public site: cells of fewer than `threshold` people are suppressed,
/// and so are enough further cells that no hidden cell can be recovered from the published row
/// and column totals.
///
/// Primary suppression hides every non-zero cell below the threshold. Secondary suppression then
/// repeats until stable: any row or column with exactly one hidden cell also hides its smallest
/// visible non-zero cell (a row or column with a single hidden cell would give it away by
/// subtraction). Zero cells stay visible; totals below the threshold are hidden too.
public struct PublicCrossTab: Sendable, Hashable {
  public var table: RosterCrossTab
  public var threshold: Int
  /// `hidden[row][column]`.
  public var hidden: [[Bool]]

  public init(_ table: RosterCrossTab, threshold: Int = 5) {
    self.table = table
    self.threshold = threshold
    var hidden = table.counts.map { $0.map { $0 > 0 && $0 < threshold } }
    let rowCount = table.rows.count
    let columnCount = table.columns.count
    // Each pass hides at least one more cell or stops, so this ends after at most rows × columns passes.
    var changed = true
    while changed {
      changed = false
      for row in 0..<rowCount where hidden[row].count(where: { $0 }) == 1 {
        let visible = (0..<columnCount).filter { !hidden[row][$0] && table.counts[row][$0] > 0 }
        if let column = visible.min(by: { table.counts[row][$0] < table.counts[row][$1] }) {
          hidden[row][column] = true
          changed = true
        }
      }
      for column in 0..<columnCount where (0..<rowCount).count(where: { hidden[$0][column] }) == 1 {
        let visible = (0..<rowCount).filter { !hidden[$0][column] && table.counts[$0][column] > 0 }
        if let row = visible.min(by: { table.counts[$0][column] < table.counts[$1][column] }) {
          hidden[row][column] = true
          changed = true
        }
      }
    }
    self.hidden = hidden
  }

  /// The published value of a cell: nil when suppressed.
  public func count(row: Int, column: Int) -> Int? {
    hidden[row][column] ? nil : table.counts[row][column]
  }

  private func visibleTotal(_ value: Int) -> Int? { value < threshold && value > 0 ? nil : value }

  /// Same shape as `RosterCrossTab.rendered(as: .json)`, with `null` for suppressed cells and
  /// totals and a `"suppressedBelow"` member.
  public func json() -> String {
    let columnObjects = table.columns.indices.map {
      JSONText.object([
        ("key", JSONText.string(table.columns[$0].key)), ("label", JSONText.string(table.columns[$0].label)),
        ("total", JSONText.optional(visibleTotal(table.columnTotals[$0]))),
      ])
    }
    let rowObjects = table.rows.indices.map { row in
      JSONText.object([
        ("key", JSONText.string(table.rows[row].key)), ("label", JSONText.string(table.rows[row].label)),
        ("total", JSONText.optional(visibleTotal(table.rowTotals[row]))),
        (
          "counts",
          "["
            + table.columns.indices.map { JSONText.optional(count(row: row, column: $0)) }.joined(
              separator: ", ") + "]"
        ),
      ])
    }
    return "{\"total\": \(JSONText.optional(visibleTotal(table.total))), \"suppressedBelow\": \(threshold), "
      + "\"rowKey\": \(JSONText.string(table.rowKey.rawValue)), "
      + "\"columnKey\": \(JSONText.string(table.columnKey.rawValue)),\n\"columns\": \(JSONText.array(columnObjects)),\n"
      + "\"rows\": \(JSONText.array(rowObjects))}\n"
  }
}
