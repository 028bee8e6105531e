import KenshuModel

/// People counted by two keys at once (rows × columns), with row and column totals.
///
/// Totals count people, so under `role` (where one person may hold several roles) the cells of a
/// row or column can add up to more than its total.
public struct RosterCrossTab: Sendable, Hashable {
  public var rowKey: SummaryKey
  public var columnKey: SummaryKey
  public var rows: [SummaryCategory]
  public var columns: [SummaryCategory]
  /// `counts[row][column]`.
  public var counts: [[Int]]
  /// People in each row category.
  public var rowTotals: [Int]
  /// People in each column category.
  public var columnTotals: [Int]
  /// Number of people.
  public var total: Int

  /// Counts `people` by `rowKey` × `columnKey`; only categories with somebody in them appear.
  public init(
    people: [Person], rows rowKey: SummaryKey, columns columnKey: SummaryKey,
    classifier: SummaryClassifier = SummaryClassifier()
  ) {
    var cells: [SummaryCategory: [SummaryCategory: Int]] = [:]
    var rowPeople: [SummaryCategory: Int] = [:]
    var columnPeople: [SummaryCategory: Int] = [:]
    for person in people {
      let rowCategories = classifier.categories(of: person, by: rowKey)
      let columnCategories = classifier.categories(of: person, by: columnKey)
      for row in rowCategories {
        rowPeople[row, default: 0] += 1
        for column in columnCategories { cells[row, default: [:]][column, default: 0] += 1 }
      }
      for column in columnCategories { columnPeople[column, default: 0] += 1 }
    }
    let rows = rowPeople.keys.sorted()
    let columns = columnPeople.keys.sorted()
    self.rowKey = rowKey
    self.columnKey = columnKey
    self.rows = rows
    self.columns = columns
    self.counts = rows.map { row in columns.map { cells[row]?[$0] ?? 0 } }
    self.rowTotals = rows.map { rowPeople[$0] ?? 0 }
    self.columnTotals = columns.map { columnPeople[$0] ?? 0 }
    self.total = people.count
  }
}
