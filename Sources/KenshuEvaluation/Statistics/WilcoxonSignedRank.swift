import Foundation

/// The Wilcoxon signed-rank test for paired samples, mirroring `scipy.stats.wilcoxon(x, y)`
/// with its defaults in SciPy 1.17 (zero_method "wilcox", two-sided, no continuity correction,
/// method "auto").
///
/// SciPy's "auto" rule, reproduced exactly:
/// - more than 50 pairs (zeros included) → normal approximation with tie correction;
/// - otherwise, no ties and no zero differences → exact null distribution of W+;
/// - otherwise, at most 13 pairs → exact permutation test over all 2ⁿ sign flips
///   (SciPy's `PermutationMethod` is deterministic there because 2¹³ < 9,999 resamples);
/// - otherwise → normal approximation with tie correction.
public struct WilcoxonSignedRank: Sendable, Hashable {
  /// How the p-value was obtained.
  public enum Method: String, Sendable, Hashable, Codable {
    case exact
    case permutation
    case normalApproximation = "normal-approximation"
  }

  /// Pairs given, including zero differences.
  public var pairs: Int
  /// Pairs with a non-zero difference: the n the test ranks (and the n of r = Z/√n).
  public var nonZero: Int
  /// Sum of ranks of positive differences (x − y > 0).
  public var rankSumPositive: Double
  /// Sum of ranks of negative differences.
  public var rankSumNegative: Double
  /// min(W+, W−), as SciPy reports for the two-sided test.
  public var statistic: Double
  /// Two-sided p-value.
  public var p: Double
  /// Signed normal score of W+ (tie-corrected, no continuity correction); positive when x
  /// tends to exceed y. Computed whatever the p-value method, for the effect size.
  public var z: Double
  public var method: Method

  /// Effect size r = Z / √n with n = the number of non-zero differences.
  public var r: Double { nonZero > 0 ? z / Double(nonZero).squareRoot() : .nan }

  /// Tests the differences x − y (e.g. post − pre).
  public init(x: [Double], y: [Double]) {
    let count = min(x.count, y.count)
    self.init(differences: (0..<count).map { x[$0] - y[$0] })
  }

  /// Tests the paired differences (zeros are dropped, as SciPy's zero_method "wilcox").
  public init(differences: [Double]) {
    pairs = differences.count
    let nonZeroDifferences = differences.filter { $0 != 0 && !$0.isNaN }
    nonZero = nonZeroDifferences.count
    guard pairs > 0 else {
      rankSumPositive = .nan
      rankSumNegative = .nan
      statistic = .nan
      p = .nan
      z = .nan
      method = .normalApproximation
      return
    }
    let ranking = AverageRanks(nonZeroDifferences.map(abs))
    var plus = 0.0
    var minus = 0.0
    for (difference, rank) in zip(nonZeroDifferences, ranking.ranks) {
      if difference > 0 { plus += rank } else { minus += rank }
    }
    rankSumPositive = plus
    rankSumNegative = minus
    statistic = min(plus, minus)

    let n = Double(nonZero)
    let expected = n * (n + 1) / 4
    let variance = (n * (n + 1) * (2 * n + 1) - ranking.tieCorrection / 2) / 24
    z = variance > 0 ? (plus - expected) / variance.squareRoot() : .nan

    let hasZeros = nonZero < pairs
    if pairs > 50 {
      method = .normalApproximation
    } else if !ranking.hasTies && !hasZeros {
      method = .exact
    } else if pairs <= 13 {
      method = .permutation
    } else {
      method = .normalApproximation
    }
    switch method {
    case .normalApproximation:
      p = z.isNaN ? .nan : SpecialFunctions.normalTwoSidedP(z)
    case .exact:
      p = WilcoxonSignedRank.exactTwoSidedP(rankSum: plus, n: nonZero)
    case .permutation:
      p = WilcoxonSignedRank.permutationTwoSidedP(differences: differences)
    }
  }

  /// Number of subsets of {1…n} with each rank sum, i.e. the null distribution of W+ times 2ⁿ.
  /// Counts stay below 2⁵⁰ and are therefore exact in `Double`.
  static func nullCounts(n: Int) -> [Double] {
    let maximum = n * (n + 1) / 2
    var counts = [Double](repeating: 0, count: maximum + 1)
    counts[0] = 1
    var reach = 0
    if n > 0 {
      for rank in 1...n {
        reach += rank
        for sum in stride(from: reach, through: rank, by: -1) { counts[sum] += counts[sum - rank] }
      }
    }
    return counts
  }

  /// SciPy's exact two-sided p: 2·min(P(W+ ≥ ⌊w⌋), P(W+ ≤ ⌈w⌉)), clipped to 1.
  static func exactTwoSidedP(rankSum: Double, n: Int) -> Double {
    let counts = nullCounts(n: n)
    let total = pow(2.0, Double(n))
    let upper = Int(rankSum.rounded(.down))
    let lower = Int(rankSum.rounded(.up))
    let survival = counts[min(max(upper, 0), counts.count)...].reduce(0, +) / total
    let cumulative = counts[...min(max(lower, 0), counts.count - 1)].reduce(0, +) / total
    return min(1, 2 * min(survival, cumulative))
  }

  /// SciPy's exact permutation test: W+ under every one of the 2ⁿ sign flips of the
  /// differences (zeros included, they flip onto themselves), two-sided p = 2·min(tail shares).
  static func permutationTwoSidedP(differences: [Double]) -> Double {
    let nonZero = differences.filter { $0 != 0 }
    let ranks = AverageRanks(nonZero.map(abs)).ranks
    // Zeros contribute to neither rank sum; each of them doubles every outcome.
    let zeroMultiplier = pow(2.0, Double(differences.count - nonZero.count))
    let observed = zip(nonZero, ranks).reduce(0.0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
    let gamma = abs(Double.ulpOfOne * 100 * observed)
    var atMost = 0.0
    var atLeast = 0.0
    let outcomes = 1 << nonZero.count
    for mask in 0..<outcomes {
      var sum = 0.0
      for index in ranks.indices where mask & (1 << index) != 0 { sum += ranks[index] }
      if sum <= observed + gamma { atMost += 1 }
      if sum >= observed - gamma { atLeast += 1 }
    }
    let total = Double(outcomes) * zeroMultiplier
    return min(1, 2 * min(atMost * zeroMultiplier, atLeast * zeroMultiplier) / total)
  }
}

/// Average ranks (1-based, ties share the mean rank) and the tie term Σ(t³ − t).
struct AverageRanks {
  var ranks: [Double]
  var tieCorrection: Double
  var hasTies: Bool

  init(_ values: [Double]) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var correction = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end + 2) / 2
      for position in start...end { ranks[order[position]] = rank }
      let tied = Double(end - start + 1)
      correction += tied * tied * tied - tied
      start = end + 1
    }
    self.ranks = ranks
    tieCorrection = correction
    hasTies = correction > 0
  }
}
