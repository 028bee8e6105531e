/// A breakdown of one item's answers by a grouping (profession or any single-choice item),
/// with small cells suppressed so no respondent group smaller than `minCell` is revealed.
/// Row and column totals (the denominators) are always shown.
public struct Crosstab: Sendable, Hashable {
  /// Group labels (e.g. professions), one per row; groups with no respondents are left out.
  public var rowLabels: [String]
  /// Answer categories, one per column.
  public var columnLabels: [String]
  public var counts: [[Int]]
  public var suppression: CellSuppression
  public var minCell: Int

  /// A crosstab of `counts[group][category]`; suppression is computed here.
  public init(rowLabels: [String], columnLabels: [String], counts: [[Int]], minCell: Int = 5) {
    // Drop empty groups: they carry no information and would add meaningless zero rows.
    let kept = counts.indices.filter { counts[$0].reduce(0, +) > 0 }
    self.rowLabels = kept.map { rowLabels[$0] }
    self.columnLabels = columnLabels
    self.counts = kept.map { counts[$0] }
    self.minCell = minCell
    suppression = CellSuppression(counts: self.counts, minCell: minCell)
  }

  public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
  public var columnTotals: [Int] {
    columnLabels.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
  }
  public var total: Int { rowTotals.reduce(0, +) }

  /// The count to publish: nil when suppressed.
  public func shownCount(row: Int, column: Int) -> Int? {
    suppression.isSuppressed(row: row, column: column) ? nil : counts[row][column]
  }

  /// Row percentage (share of the group) to publish: nil when suppressed or the row is empty.
  public func shownRowPercent(row: Int, column: Int) -> Double? {
    guard let count = shownCount(row: row, column: column) else { return nil }
    let total = rowTotals[row]
    return total > 0 ? 100 * Double(count) / Double(total) : nil
  }

  public var primarySuppressedCount: Int {
    suppression.reasons.joined().filter { $0 == .primary }.count
  }
  public var secondarySuppressedCount: Int {
    suppression.reasons.joined().filter { $0 == .secondary }.count
  }
}
