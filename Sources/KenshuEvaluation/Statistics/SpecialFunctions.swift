import Foundation

/// Distribution functions the tests need, in closed or continued-fraction form (no table
/// look-ups, no polynomial approximations of our own).
public enum SpecialFunctions {
  /// Standard normal CDF Φ(x) = erfc(−x/√2)/2; erfc keeps full relative precision in the tails.
  public static func normalCDF(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }

  /// Two-sided p-value of a standard normal statistic: 2·Φ(−|z|) = erfc(|z|/√2).
  public static func normalTwoSidedP(_ z: Double) -> Double {
    guard z.isFinite || z.isInfinite else { return .nan }
    return erfc(abs(z) / 2.0.squareRoot())
  }

  /// The regularized incomplete beta function I_x(a, b), by the continued fraction of
  /// Numerical Recipes §6.4 evaluated with the modified Lentz method (relative accuracy
  /// ~1e-15), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the fraction converges slowly.
  public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
    guard a > 0, b > 0, !x.isNaN else { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * betaContinuedFraction(a: a, b: b, x: x) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(a: b, b: a, x: 1 - x) / b
  }

  private static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let m = Double(m)
      let m2 = 2 * m
      // Even step of the fraction.
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      // Odd step.
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return h
  }

  /// Student's t CDF with `df` degrees of freedom, via I_x(df/2, 1/2) with x = df/(df + t²).
  public static func studentTCDF(_ t: Double, df: Double) -> Double {
    guard df > 0, !t.isNaN else { return .nan }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let tail = 0.5 * regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / (df + t * t))
    return t > 0 ? 1 - tail : tail
  }

  /// Two-sided p-value of a t statistic: P(|T| ≥ |t|) = I_x(df/2, 1/2), computed directly so
  /// that small p-values keep their precision.
  public static func studentTTwoSidedP(_ t: Double, df: Double) -> Double {
    guard df > 0, !t.isNaN else { return .nan }
    if t.isInfinite { return 0 }
    return regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / (df + t * t))
  }
}
