/// The paired t-test on x − y, as `scipy.stats.ttest_rel(x, y)` (two-sided), with the
/// standardised mean difference Cohen's d_z.
public struct PairedTTest: Sendable, Hashable {
  public var pairs: Int
  /// Mean of the differences x − y.
  public var meanDifference: Double
  /// Sample SD of the differences.
  public var sdDifference: Double
  public var t: Double
  /// Degrees of freedom n − 1 (NaN for no pairs).
  public var df: Double
  /// Two-sided p from the Student t distribution.
  public var p: Double

  /// Cohen's d_z = mean difference / SD of differences, signed (positive when x > y).
  /// Not d_av, which divides by the average SD of the two measurements.
  public var dz: Double {
    guard sdDifference > 0, sdDifference.isFinite else { return .nan }
    return meanDifference / sdDifference
  }

  /// Tests x − y for paired samples (extra elements of the longer array are ignored).
  public init(x: [Double], y: [Double]) {
    let count = min(x.count, y.count)
    self.init(differences: (0..<count).map { x[$0] - y[$0] })
  }

  /// Tests the given paired differences against zero.
  public init(differences: [Double]) {
    let descriptive = Descriptive(differences)
    pairs = differences.count
    meanDifference = descriptive.mean
    sdDifference = descriptive.sd
    df = pairs > 0 ? Double(pairs - 1) : .nan
    guard pairs > 1 else {
      t = .nan
      p = .nan
      return
    }
    if sdDifference == 0 {
      // Every difference equal: t is ±∞ (p = 0) unless they are all zero (undefined).
      t = meanDifference == 0 ? .nan : (meanDifference > 0 ? .infinity : -.infinity)
      p = meanDifference == 0 ? .nan : 0
      return
    }
    t = meanDifference / (sdDifference / Double(pairs).squareRoot())
    p = SpecialFunctions.studentTTwoSidedP(t, df: df)
  }
}
