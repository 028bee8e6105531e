import KenshuModel

/// A summary fit for the public site: no count of fewer than `threshold` people is shown, and no
/// hidden count can be worked out from what is shown (see docs/privacy.md, "Small-cell
/// suppression").
///
/// Counts of 1 to threshold − 1 are hidden (the threshold rule); further counts are hidden until
/// the exact audit (`SuppressionAudit`) finds no hidden count that follows from the total, the
/// other counts and the labels (a listed category has at least one person). The total is shown
/// unless it is itself below the threshold. Every hidden count carries the same mark (`×`,
/// `null` in JSON): nothing says which were small.
public struct PublicSummary: Sendable, Hashable {
  /// The mark of a hidden count in tables and CSV.
  public static let mark = "×"

  /// One row; `count` and `percent` are nil when suppressed.
  public struct Row: Sendable, Hashable {
    public var key: String
    public var label: String
    public var count: Int?
    public var percent: Percent?

    /// `×` when suppressed, the count otherwise.
    public var display: String { count.map { "\($0)" } ?? PublicSummary.mark }
  }

  public var key: SummaryKey
  public var threshold: Int
  /// nil when the total itself is below the threshold.
  public var total: Int?
  public var rows: [Row]

  public init(_ summary: RosterSummary, threshold: Int = 5) {
    self.key = summary.key
    self.threshold = threshold
    let hidden = Self.hidden(summary, threshold: threshold)
    self.total = hidden.total ? nil : summary.total
    self.rows = summary.rows.indices.map { index in
      let row = summary.rows[index]
      return hidden.rows[index]
        ? Row(key: row.key, label: row.label, count: nil, percent: nil)
        : Row(key: row.key, label: row.label, count: row.count, percent: row.percent)
    }
  }

  /// Which rows and whether the total are hidden. `PublicCrossTab` hides its totals the same way,
  /// so a one-way summary published next to a cross-tab of the same people adds nothing.
  static func hidden(_ summary: RosterSummary, threshold: Int) -> (rows: [Bool], total: Bool) {
    let layout = CountTableLayout(
      counts: summary.rows.map(\.count), total: summary.total,
      valued: summary.key.valued(categories: summary.rows.map(\.key)), listedOnlyWhenNonEmpty: true,
      totalPublication: summary.total < threshold ? .suppressible : .shown)
    let hidden =
      CellSuppression.protect(
        layout.system, mustHide: CellSuppression.primary(layout.system, threshold: threshold))
      // Hiding every count leaves nothing to work out from (the total is then hidden too).
      ?? [Bool](repeating: true, count: layout.system.quantities.count)
    return (layout.cells[0].map { hidden[$0] }, hidden[layout.total])
  }

  /// `{"total": N | null, "suppressedBelow": 5, "rows": [{"key": …, "label": …, "count": 12 | null,
  /// "percent": 3.3 | null, "suppressed": false}, …]}`.
  public func json() -> String {
    "{\"total\": \(JSONText.optional(total)), \"suppressedBelow\": \(threshold), \"rows\": "
      + JSONText.array(
        rows.map {
          JSONText.object([
            ("key", JSONText.string($0.key)), ("label", JSONText.string($0.label)),
            ("count", JSONText.optional($0.count)), ("percent", $0.percent?.text ?? "null"),
            ("suppressed", $0.count == nil ? "true" : "false"),
          ])
        }) + "}\n"
  }
}

extension SummaryKey {
  /// How many categories of this key one person falls in (roles: several, `unknown` alone).
  func valued(categories: [String]) -> CountTableLayout.Valued {
    self == .role ? .multiple(exclusive: categories.firstIndex(of: SummaryCategory.unknown.key)) : .single
  }
}
