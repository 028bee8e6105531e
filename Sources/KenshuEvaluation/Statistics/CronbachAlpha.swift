/// Cronbach's alpha of a multi-item measure: k/(k−1)·(1 − Σ item variances / variance of totals),
/// sample variances, after reverse-keying and listwise deletion.
public struct CronbachAlpha: Sendable, Hashable {
  /// Number of items.
  public var items: Int
  /// Respondents who answered every item (listwise deletion).
  public var completeCases: Int
  /// NaN when undefined: fewer than 2 items or complete cases, or no variance in the totals.
  public var alpha: Double

  /// - Parameters:
  ///   - rows: one row per respondent, one value per item; nil for a missing answer.
  ///   - reverse: item indices that are reverse-keyed: scored points + 1 − x.
  ///   - points: number of scale points, for reverse-keying.
  public init(rows: [[Double?]], reverse: Set<Int> = [], points: Int) {
    let width = rows.first?.count ?? 0
    items = width
    let complete: [[Double]] = rows.compactMap { row in
      guard row.count == width else { return nil }
      var values: [Double] = []
      values.reserveCapacity(width)
      for (index, value) in row.enumerated() {
        guard let value, !value.isNaN else { return nil }
        values.append(reverse.contains(index) ? Double(points + 1) - value : value)
      }
      return values
    }
    completeCases = complete.count
    guard width >= 2, complete.count >= 2 else {
      alpha = .nan
      return
    }
    let itemVariances = (0..<width).reduce(0.0) { sum, item in
      let sd = Descriptive(complete.map { $0[item] }).sd
      return sum + sd * sd
    }
    let totalSD = Descriptive(complete.map { $0.reduce(0, +) }).sd
    let totalVariance = totalSD * totalSD
    guard totalVariance > 0 else {
      alpha = .nan
      return
    }
    let k = Double(width)
    alpha = k / (k - 1) * (1 - itemVariances / totalVariance)
  }
}
