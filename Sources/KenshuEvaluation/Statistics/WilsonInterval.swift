/// A proportion with its Wilson score interval (the formula statsmodels uses for
/// `proportion_confint(method="wilson")`), which behaves well near 0 and 1 and for small n.
public struct Proportion: Sendable, Hashable {
  /// z for a two-sided 95% interval: Φ⁻¹(0.975).
  public static let z95 = 1.959963984540054

  public var count: Int
  public var n: Int

  /// `count` successes out of `n`.
  public init(count: Int, of n: Int) {
    self.count = count
    self.n = n
  }

  /// count / n; NaN when n = 0.
  public var value: Double { n > 0 ? Double(count) / Double(n) : .nan }

  /// The Wilson score interval; (NaN, NaN) when n = 0.
  public func wilsonInterval(z: Double = Proportion.z95) -> (low: Double, high: Double) {
    guard n > 0 else { return (.nan, .nan) }
    let n = Double(self.n)
    let p = Double(count) / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    return (max(0, centre - half), min(1, centre + half))
  }
}
