import KenshuModel

/// A cross-tab fit for the public site: no count of fewer than `threshold` people is shown, and
/// no hidden count — cell or total — can be worked out from everything shown, this table and
/// the one-way public summaries of its two keys taken together.
///
/// The row and column totals are hidden exactly where `roster summary --public --by KEY` hides
/// them (the same rule on the same counts), so publishing all three adds nothing the audit did
/// not consider. Cells of 1 to threshold − 1 are hidden, then further cells until the exact
/// audit (`SuppressionAudit`) finds no hidden count that follows from the shown counts, the
/// totals, non-negativity and the labels (a listed row or column has at least one person).
public struct PublicCrossTab: Sendable, Hashable {
  public var table: RosterCrossTab
  public var threshold: Int
  /// `hidden[row][column]`.
  public var hidden: [[Bool]]
  public var hiddenRowTotals: [Bool]
  public var hiddenColumnTotals: [Bool]
  public var hiddenTotal: Bool

  public init(_ table: RosterCrossTab, threshold: Int = 5) {
    self.table = table
    self.threshold = threshold
    let rowSummary = PublicSummary.hidden(table.rowSummary, threshold: threshold)
    let columnSummary = PublicSummary.hidden(table.columnSummary, threshold: threshold)
    var layout = CountTableLayout(
      counts: table.counts, rowTotals: table.rowTotals, columnTotals: table.columnTotals, total: table.total,
      rows: table.rowKey.valued(categories: table.rows.map(\.key)),
      columns: table.columnKey.valued(categories: table.columns.map(\.key)), marginLowerBound: 1,
      marginPublication: .shown)
    var mustHide = CellSuppression.primary(layout.system, threshold: threshold)
    let margins =
      Array(zip(layout.rowTotals, rowSummary.rows)) + Array(zip(layout.columnTotals, columnSummary.rows))
      + [(layout.total, rowSummary.total || columnSummary.total)]
    for (index, isHidden) in margins where isHidden {
      layout.system.setPublication(.suppressible, of: index)
      mustHide[index] = true
    }
    var suppressed = CellSuppression.protect(layout.system, mustHide: mustHide)
    if suppressed == nil {
      // Rare: the totals the one-way summaries show pin a cell however many cells are hidden.
      // Then the cross-tab hides every total as well (it must not be published next to them).
      for index in layout.rowTotals + layout.columnTotals + [layout.total] {
        layout.system.setPublication(.suppressible, of: index)
      }
      let primary = CellSuppression.primary(layout.system, threshold: threshold)
      suppressed =
        CellSuppression.protect(layout.system, mustHide: zip(mustHide, primary).map { $0 || $1 })
        ?? [Bool](repeating: true, count: layout.system.quantities.count)
    }
    let final = suppressed ?? []
    hidden = layout.cells.map { $0.map { final[$0] } }
    hiddenRowTotals = layout.rowTotals.map { final[$0] }
    hiddenColumnTotals = layout.columnTotals.map { final[$0] }
    hiddenTotal = final[layout.total]
  }

  /// The published value of a cell: nil when suppressed.
  public func count(row: Int, column: Int) -> Int? {
    hidden[row][column] ? nil : table.counts[row][column]
  }

  /// The published row total: nil when suppressed.
  public func rowTotal(_ row: Int) -> Int? { hiddenRowTotals[row] ? nil : table.rowTotals[row] }
  /// The published column total: nil when suppressed.
  public func columnTotal(_ column: Int) -> Int? {
    hiddenColumnTotals[column] ? nil : table.columnTotals[column]
  }
  /// The published number of people: nil when suppressed.
  public var total: Int? { hiddenTotal ? nil : table.total }

  /// Same shape as `RosterCrossTab.rendered(as: .json)`, with `null` for suppressed cells and
  /// totals, a `"suppressed"` flag per cell and a `"suppressedBelow"` member.
  public func json() -> String {
    let columnObjects = table.columns.indices.map {
      JSONText.object([
        ("key", JSONText.string(table.columns[$0].key)), ("label", JSONText.string(table.columns[$0].label)),
        ("total", JSONText.optional(columnTotal($0))),
      ])
    }
    let rowObjects = table.rows.indices.map { row in
      JSONText.object([
        ("key", JSONText.string(table.rows[row].key)), ("label", JSONText.string(table.rows[row].label)),
        ("total", JSONText.optional(rowTotal(row))),
        (
          "counts",
          "["
            + table.columns.indices.map { JSONText.optional(count(row: row, column: $0)) }.joined(
              separator: ", ")
            + "]"
        ),
        ("suppressed", "[" + hidden[row].map { $0 ? "true" : "false" }.joined(separator: ", ") + "]"),
      ])
    }
    return "{\"total\": \(JSONText.optional(total)), \"suppressedBelow\": \(threshold), "
      + "\"rowKey\": \(JSONText.string(table.rowKey.rawValue)), "
      + "\"columnKey\": \(JSONText.string(table.columnKey.rawValue)),\n\"columns\": \(JSONText.array(columnObjects)),\n"
      + "\"rows\": \(JSONText.array(rowObjects))}\n"
  }
}

extension RosterCrossTab {
  /// The one-way summary of the row key over the same people (the row totals).
  var rowSummary: RosterSummary { Self.summary(rowKey, rows, rowTotals, total) }
  /// The one-way summary of the column key over the same people (the column totals).
  var columnSummary: RosterSummary { Self.summary(columnKey, columns, columnTotals, total) }

  static func summary(_ key: SummaryKey, _ categories: [SummaryCategory], _ counts: [Int], _ total: Int)
    -> RosterSummary
  {
    RosterSummary(
      key: key, total: total,
      rows: zip(categories, counts).map {
        SummaryRow(key: $0.key, label: $0.label, count: $1, percent: Percent(count: $1, of: total))
      })
  }
}
