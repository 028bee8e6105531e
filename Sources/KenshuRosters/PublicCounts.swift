/// A summary fit for the public site: counts of fewer than `threshold` people are suppressed
/// (shown as "<5", `null` in JSON) so that nobody can be singled out from a small cell.
///
/// Suppressing only the small cells is not enough when the total is published: with one hidden
/// cell, total minus the others gives it back. So when exactly one non-zero cell is hidden, the
/// next smallest non-zero cell is hidden too (secondary suppression). Zero cells are shown (they
/// identify nobody). When the total itself is below the threshold, every cell is hidden.
public struct PublicSummary: Sendable, Hashable {
  /// One row; `count` and `percent` are nil when suppressed.
  public struct Row: Sendable, Hashable {
    public var key: String
    public var label: String
    public var count: Int?
    public var percent: Percent?

    /// `"<5"` when suppressed, the count otherwise.
    public func display(threshold: Int) -> String { count.map { "\($0)" } ?? "<\(threshold)" }
  }

  public var key: SummaryKey
  public var threshold: Int
  /// nil when the total itself is below the threshold.
  public var total: Int?
  public var rows: [Row]

  public init(_ summary: RosterSummary, threshold: Int = 5) {
    self.key = summary.key
    self.threshold = threshold
    let totalHidden = summary.total < threshold
    var hidden = Set(
      summary.rows.indices.filter {
        totalHidden || (summary.rows[$0].count > 0 && summary.rows[$0].count < threshold)
      })
    if hidden.count == 1, !totalHidden {
      let candidates = summary.rows.indices.filter { !hidden.contains($0) && summary.rows[$0].count > 0 }
      if let next = candidates.min(by: { summary.rows[$0].count < summary.rows[$1].count }) {
        hidden.insert(next)
      }
    }
    self.total = totalHidden ? nil : summary.total
    self.rows = summary.rows.indices.map { index in
      let row = summary.rows[index]
      return hidden.contains(index)
        ? Row(key: row.key, label: row.label, count: nil, percent: nil)
        : Row(key: row.key, label: row.label, count: row.count, percent: row.percent)
    }
  }

  /// `{"total": N, "suppressedBelow": 5, "rows": [{"key": …, "label": …, "count": 12 | null,
  /// "percent": 3.3 | null}, …]}`.
  public func json() -> String {
    "{\"total\": \(JSONText.optional(total)), \"suppressedBelow\": \(threshold), \"rows\": "
      + JSONText.array(
        rows.map {
          JSONText.object([
            ("key", JSONText.string($0.key)), ("label", JSONText.string($0.label)),
            ("count", JSONText.optional($0.count)), ("percent", $0.percent?.text ?? "null"),
          ])
        }) + "}\n"
  }
}
