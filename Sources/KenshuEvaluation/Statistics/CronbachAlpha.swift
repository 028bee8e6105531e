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
    let columns = (0..<width).map { item in rows.map { $0.count == width ? $0[item] : nil } }
    self.init(columns: columns, reverse: reverse, points: points)
  }

  /// The same from item columns (`columns[item][respondent]`), as the report stores answers.
  public init(columns: [[Double?]], reverse: Set<Int> = [], points: Int) {
    let width = columns.count
    let respondents = columns.map(\.count).min() ?? 0
    items = width
    // Listwise deletion: a respondent counts only with every item answered.
    var complete = [Bool](repeating: true, count: respondents)
    for column in columns {
      for row in 0..<respondents where column[row].map({ $0.isNaN }) ?? true { complete[row] = false }
    }
    let cases = complete.lazy.filter { $0 }.count
    completeCases = cases
    guard width >= 2, cases >= 2 else {
      alpha = .nan
      return
    }
    // Two-pass sample variances of each item and of the totals.
    var totals = [Double](repeating: 0, count: respondents)
    var itemVariances = 0.0
    for item in 0..<width {
      let column = columns[item]
      // Decided once per item, not per answer: a set look-up per cell dominated on 100,000 rows.
      let reversed = reverse.contains(item)
      func score(_ row: Int) -> Double {
        let value = column[row] ?? .nan
        return reversed ? Double(points + 1) - value : value
      }
      var sum = 0.0
      for row in 0..<respondents where complete[row] {
        let value = score(row)
        sum += value
        totals[row] += value
      }
      let mean = sum / Double(cases)
      var squares = 0.0
      for row in 0..<respondents where complete[row] {
        let deviation = score(row) - mean
        squares += deviation * deviation
      }
      itemVariances += squares / Double(cases - 1)
    }
    var totalSum = 0.0
    for row in 0..<respondents where complete[row] { totalSum += totals[row] }
    let totalMean = totalSum / Double(cases)
    var totalSquares = 0.0
    for row in 0..<respondents where complete[row] {
      totalSquares += (totals[row] - totalMean) * (totals[row] - totalMean)
    }
    let totalVariance = totalSquares / Double(cases - 1)
    guard totalVariance > 0 else {
      alpha = .nan
      return
    }
    let k = Double(width)
    alpha = k / (k - 1) * (1 - itemVariances / totalVariance)
  }
}

extension CronbachAlpha {
  /// "α if item deleted" for each item, as SPSS and R's `psych::alpha` report it: the alpha of
  /// the other items on the same respondents, those who answered every item of the full
  /// measure (otherwise dropping an item would also change the sample). NaN where undefined.
  public static func ifDeleted(columns: [[Double?]], reverse: Set<Int> = [], points: Int) -> [Double] {
    let respondents = columns.map(\.count).min() ?? 0
    let complete = (0..<respondents).filter { row in
      columns.allSatisfy { $0[row].map { !$0.isNaN } ?? false }
    }
    let restricted = columns.map { column in complete.map { column[$0] } }
    return columns.indices.map { dropped in
      let kept = restricted.indices.filter { $0 != dropped }
      let keptReverse = Set(kept.enumerated().filter { reverse.contains($0.element) }.map(\.offset))
      return CronbachAlpha(columns: kept.map { restricted[$0] }, reverse: keptReverse, points: points).alpha
    }
  }
}

extension CronbachAlpha {
  /// The code of a missing answer in the point columns of `init(points:)`.
  public static let missingPoint = Int32.min

  /// The same figures, bit for bit, as `init(columns:reverse:points:)` of the same answers as
  /// `Double?`, from Likert points stored as 4 bytes each (`missingPoint` for no answer) rather
  /// than 16: on 100,000 responses a 10-item measure was 16 MB of `Double?` per measure and copy.
  public init(points columns: [[Int32]], reverse: Set<Int> = [], points: Int) {
    let respondents = columns.map(\.count).min() ?? 0
    let complete = Self.completeRows(columns, respondents: respondents)
    items = columns.count
    completeCases = complete.count
    alpha = Self.alpha(
      columns, items: Array(columns.indices), rows: complete, reverse: reverse, points: points)
  }

  /// `ifDeleted(columns:reverse:points:)` of point columns (see `init(points:)`).
  public static func ifDeleted(points columns: [[Int32]], reverse: Set<Int> = [], points: Int) -> [Double] {
    let respondents = columns.map(\.count).min() ?? 0
    let complete = completeRows(columns, respondents: respondents)
    return columns.indices.map { dropped in
      let kept = columns.indices.filter { $0 != dropped }
      let keptReverse = Set(kept.enumerated().filter { reverse.contains($0.element) }.map(\.offset))
      return alpha(columns, items: kept, rows: complete, reverse: keptReverse, points: points)
    }
  }

  /// Respondents who answered every item, in order.
  private static func completeRows(_ columns: [[Int32]], respondents: Int) -> [Int] {
    var complete = [Bool](repeating: true, count: respondents)
    for column in columns {
      for row in 0..<respondents where column[row] == missingPoint { complete[row] = false }
    }
    return complete.indices.filter { complete[$0] }
  }

  /// α of `items` (indices into `columns`) on `rows`, all of which answered every item; the
  /// operations of `init(columns:)` in the same order, so the rounding is the same.
  /// `reverse` holds positions in `items`.
  private static func alpha(_ columns: [[Int32]], items: [Int], rows: [Int], reverse: Set<Int>, points: Int)
    -> Double
  {
    let width = items.count
    let cases = rows.count
    guard width >= 2, cases >= 2 else { return .nan }
    var totals = [Double](repeating: 0, count: cases)
    var itemVariances = 0.0
    for (position, item) in items.enumerated() {
      let column = columns[item]
      let reversed = reverse.contains(position)
      let top = Double(points + 1)
      var sum = 0.0
      for (slot, row) in rows.enumerated() {
        let value = Double(column[row])
        let score = reversed ? top - value : value
        sum += score
        totals[slot] += score
      }
      let mean = sum / Double(cases)
      var squares = 0.0
      for row in rows {
        let value = Double(column[row])
        let deviation = (reversed ? top - value : value) - mean
        squares += deviation * deviation
      }
      itemVariances += squares / Double(cases - 1)
    }
    return alpha(itemVariances: itemVariances, totals: totals, items: width)
  }

  /// α from the sum of `items` item variances and the respondents' totals (one per complete
  /// case): the last steps of every α here, in one order, so the rounding is the same.
  private static func alpha(itemVariances: Double, totals: [Double], items: Int) -> Double {
    let cases = totals.count
    var totalSum = 0.0
    for total in totals { totalSum += total }
    let totalMean = totalSum / Double(cases)
    var totalSquares = 0.0
    for total in totals { totalSquares += (total - totalMean) * (total - totalMean) }
    let totalVariance = totalSquares / Double(cases - 1)
    guard totalVariance > 0 else { return .nan }
    let k = Double(items)
    return k / (k - 1) * (1 - itemVariances / totalVariance)
  }
}

extension CronbachAlpha {
  /// No figures yet: α undefined.
  private init(items: Int, completeCases: Int) {
    self.items = items
    self.completeCases = completeCases
    alpha = .nan
  }

  /// `init(points:reverse:points:)` and `ifDeleted(points:reverse:points:)` together, bit for
  /// bit, with each item's variance and the respondents' totals computed once instead of once
  /// per item left out (k + 1 alphas of k items: 529 M of the 7.8 G instructions of an
  /// evaluation of 100,000 responses). Leaving an item out keeps the other items' variances
  /// (summed in the same order), and its totals are the full totals minus its scores: the
  /// scores are whole numbers, so every total is exact in either order. Falls back to the two
  /// when a total could exceed 2^53 (no Likert scale comes near it).
  public static func withIfDeleted(points columns: [[Int32]], reverse: Set<Int> = [], points: Int)
    -> (alpha: CronbachAlpha, ifDeleted: [Double])
  {
    let width = columns.count
    let top = Double(points + 1)
    // |score| ≤ |top| + 2^31 < 2^33, so fewer than 2^19 of them sum exactly (below 2^52).
    guard abs(top) <= 0x1_0000_0000, width < 1 << 19 else {
      return (
        CronbachAlpha(points: columns, reverse: reverse, points: points),
        ifDeleted(points: columns, reverse: reverse, points: points)
      )
    }
    let respondents = columns.map(\.count).min() ?? 0
    let rows = completeRows(columns, respondents: respondents)
    let cases = rows.count
    var alpha = CronbachAlpha(items: width, completeCases: cases)
    guard width >= 2, cases >= 2 else {
      return (alpha, [Double](repeating: .nan, count: width))
    }
    @inline(__always) func score(_ point: Int32, reversed: Bool) -> Double {
      reversed ? top - Double(point) : Double(point)
    }
    // Each item's variance term, and everyone's totals.
    var variances: [Double] = []
    var totals = [Double](repeating: 0, count: cases)
    for item in 0..<width {
      let column = columns[item]
      let reversed = reverse.contains(item)
      var sum = 0.0
      for (slot, row) in rows.enumerated() {
        let value = score(column[row], reversed: reversed)
        sum += value
        totals[slot] += value
      }
      let mean = sum / Double(cases)
      var squares = 0.0
      for row in rows {
        let deviation = score(column[row], reversed: reversed) - mean
        squares += deviation * deviation
      }
      variances.append(squares / Double(cases - 1))
    }
    /// α of `items` with their totals, from the variances computed once.
    func alphaOf(items: [Int], totals: [Double]) -> Double {
      guard items.count >= 2 else { return .nan }
      var itemVariances = 0.0
      for item in items { itemVariances += variances[item] }
      return Self.alpha(itemVariances: itemVariances, totals: totals, items: items.count)
    }
    alpha.alpha = alphaOf(items: Array(0..<width), totals: totals)
    let ifDeleted = (0..<width).map { dropped in
      let kept = (0..<width).filter { $0 != dropped }
      let column = columns[dropped]
      let reversed = reverse.contains(dropped)
      let keptTotals = zip(totals, rows).map { $0 - score(column[$1], reversed: reversed) }
      return alphaOf(items: kept, totals: keptTotals)
    }
    return (alpha, ifDeleted)
  }
}
