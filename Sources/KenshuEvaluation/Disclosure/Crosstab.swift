import KenshuModel

/// A breakdown of one item's answers by a grouping (profession or any single-choice item),
/// with small cells suppressed so that no group of fewer than `minCell` respondents is revealed
/// and no suppressed cell can be worked out from what the report publishes.
///
/// The row and column totals are always shown: they are the group sizes and the item's overall
/// answer counts, which the report's item section publishes anyway. Suppression therefore
/// protects the cells against those totals (see `CellSuppression`); when even hiding every
/// cell cannot (e.g. everyone gave the same answer, so each group's answer follows from its
/// size), the table is not published at all (`isPublishable` is false).
public struct Crosstab: Sendable, Hashable {
  /// Group labels (e.g. professions), one per row; groups with no respondents are left out.
  public var rowLabels: [String]
  /// Answer categories, one per column.
  public var columnLabels: [String]
  public var counts: [[Int]]
  /// `suppressed[row][column]`: whether the cell is hidden (one mark for every hidden cell).
  public var suppressed: [[Bool]]
  /// False when no suppression pattern protects the table.
  public var isPublishable: Bool
  public var minCell: Int

  /// A crosstab of `counts[group][category]`; suppression is computed here.
  ///
  /// - Parameter groupSizes: respondents per group, when a cell can count a respondent at most
  ///   once but cells of a row may add up to more (multiple choice): each cell is then at most
  ///   its group's size, which a reader knows from the grouping item's own counts.
  public init(
    rowLabels: [String], columnLabels: [String], counts: [[Int]], minCell: Int = 5, groupSizes: [Int]? = nil
  ) {
    // Drop empty groups: they carry no information and would add meaningless zero rows.
    let kept = counts.indices.filter { counts[$0].reduce(0, +) > 0 }
    self.rowLabels = kept.map { rowLabels[$0] }
    self.columnLabels = columnLabels
    self.counts = kept.map { counts[$0] }
    self.minCell = minCell
    let keptCounts = self.counts
    let layout = CountTableLayout(
      counts: keptCounts, rowTotals: keptCounts.map { $0.reduce(0, +) },
      columnTotals: columnLabels.indices.map { c in keptCounts.reduce(0) { $0 + $1[c] } },
      total: keptCounts.joined().reduce(0, +), marginLowerBound: 1, marginPublication: .shown,
      cellCaps: groupSizes.map { sizes in kept.map { r in columnLabels.map { _ in sizes[r] } } })
    let hidden = CellSuppression.protect(
      layout.system, mustHide: CellSuppression.primary(layout.system, threshold: minCell))
    isPublishable = hidden != nil
    suppressed = layout.cells.map { row in row.map { hidden?[$0] ?? true } }
  }

  public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
  public var columnTotals: [Int] {
    columnLabels.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
  }
  public var total: Int { rowTotals.reduce(0, +) }

  /// Whether a cell is hidden.
  public func isSuppressed(row: Int, column: Int) -> Bool { suppressed[row][column] }

  /// The count to publish: nil when suppressed.
  public func shownCount(row: Int, column: Int) -> Int? {
    suppressed[row][column] ? nil : counts[row][column]
  }

  /// Row percentage (share of the group) to publish: nil when suppressed or the row is empty.
  public func shownRowPercent(row: Int, column: Int) -> Double? {
    guard let count = shownCount(row: row, column: column) else { return nil }
    let total = rowTotals[row]
    return total > 0 ? 100 * Double(count) / Double(total) : nil
  }

  /// Number of hidden cells (primary and complementary together: the two are never told apart).
  public var suppressedCount: Int { suppressed.joined().filter { $0 }.count }
}
