/// Why a crosstab cell is hidden.
public enum SuppressionReason: String, Sendable, Hashable, Codable {
  /// Fewer respondents than the minimum cell size.
  case primary
  /// Hidden so that a primary cell cannot be recovered by subtracting from the shown totals.
  case secondary
}

/// Small-cell suppression for a table whose row and column totals are published.
///
/// Primary suppression hides cells with 1 ≤ n < `minCell` (zeros are shown: they reveal no
/// one). Secondary suppression then hides further cells until no hidden cell can be
/// recovered exactly from the row and column totals:
///
/// 1. a row or column with exactly one hidden cell gets its smallest shown cell hidden too
///    (non-zero cells first), repeated to a fixed point;
/// 2. hidden cells form a bipartite graph (rows and columns as nodes). A hidden cell is
///    recoverable exactly when it is a *bridge* of that graph (the margins then determine it).
///    For each bridge, the smallest shown cell joining its two sides is hidden, which puts
///    the bridge on a cycle; repeated to a fixed point.
///
/// Nothing is ever unhidden, so the loop ends (each round hides at least one more cell).
public struct CellSuppression: Sendable, Hashable {
  /// Per cell: nil when shown, else why it is hidden.
  public var reasons: [[SuppressionReason?]]

  /// Suppresses cells of `counts` (rows × columns) smaller than `minCell`, then secondary cells.
  public init(counts: [[Int]], minCell: Int) {
    let rowCount = counts.count
    let columnCount = counts.first?.count ?? 0
    var reasons: [[SuppressionReason?]] = counts.map { row in
      row.map { $0 > 0 && $0 < minCell ? .primary : nil }
    }
    func hidden(_ r: Int, _ c: Int) -> Bool { reasons[r][c] != nil }
    // Cost of hiding a shown cell: non-zero cells first (hiding a zero protects less), then smaller.
    func cost(_ r: Int, _ c: Int) -> (Int, Int) { (counts[r][c] == 0 ? 1 : 0, counts[r][c]) }

    var changed = true
    while changed {
      changed = false
      // Rule 1: no row or column with exactly one hidden cell.
      for r in 0..<rowCount {
        let hiddenColumns = (0..<columnCount).filter { hidden(r, $0) }
        guard hiddenColumns.count == 1 else { continue }
        if let c = (0..<columnCount).filter({ !hidden(r, $0) }).min(by: { cost(r, $0) < cost(r, $1) }) {
          reasons[r][c] = .secondary
          changed = true
        }
      }
      for c in 0..<columnCount {
        let hiddenRows = (0..<rowCount).filter { hidden($0, c) }
        guard hiddenRows.count == 1 else { continue }
        if let r = (0..<rowCount).filter({ !hidden($0, c) }).min(by: { cost($0, c) < cost($1, c) }) {
          reasons[r][c] = .secondary
          changed = true
        }
      }
      if changed { continue }
      // Rule 2: no hidden cell may be a bridge.
      for r in 0..<rowCount {
        for c in 0..<columnCount where hidden(r, c) {
          guard
            let sides = CellSuppression.bridgeSides(
              reasons: reasons, row: r, column: c, rowCount: rowCount, columnCount: columnCount)
          else { continue }
          let candidates = sides.columnSideRows.flatMap { r2 in
            sides.rowSideColumns.filter { !hidden(r2, $0) }.map { (r2, $0) }
          }
          if let best = candidates.min(by: { cost($0.0, $0.1) < cost($1.0, $1.1) }) {
            reasons[best.0][best.1] = .secondary
            changed = true
          }
        }
        if changed { break }
      }
    }
    self.reasons = reasons
  }

  /// Whether a cell is hidden.
  public func isSuppressed(row: Int, column: Int) -> Bool { reasons[row][column] != nil }

  /// If hidden cell (row, column) is a bridge, the rows reachable from its column and the
  /// columns reachable from its row once it is removed; nil when it lies on a cycle.
  static func bridgeSides(
    reasons: [[SuppressionReason?]], row: Int, column: Int, rowCount: Int, columnCount: Int
  ) -> (columnSideRows: [Int], rowSideColumns: [Int])? {
    // Nodes: rows 0..<rowCount, columns rowCount..<rowCount+columnCount.
    func reach(from start: Int) -> Set<Int> {
      var seen: Set<Int> = [start]
      var stack = [start]
      while let node = stack.popLast() {
        let neighbours: [Int]
        if node < rowCount {
          neighbours = (0..<columnCount).filter { reasons[node][$0] != nil && !(node == row && $0 == column) }
            .map { $0 + rowCount }
        } else {
          let c = node - rowCount
          neighbours = (0..<rowCount).filter { reasons[$0][c] != nil && !($0 == row && c == column) }
        }
        for next in neighbours where seen.insert(next).inserted { stack.append(next) }
      }
      return seen
    }
    let rowSide = reach(from: row)
    if rowSide.contains(column + rowCount) { return nil }
    let columnSide = reach(from: column + rowCount)
    return (
      columnSide.filter { $0 < rowCount }.sorted(),
      rowSide.filter { $0 >= rowCount }.map { $0 - rowCount }.sorted()
    )
  }
}
