/// A share of a total to one decimal place, rounded half up, computed in integers so that
/// 31.05 never becomes 31.0 through binary floating point.
public struct Percent: Sendable, Hashable, Codable, Comparable {
  /// The percentage times ten (310 for 31.0%).
  public var tenths: Int

  public init(tenths: Int) {
    self.tenths = tenths
  }

  /// `count` of `total`, half up; 0 when the total is 0.
  public init(count: Int, of total: Int) {
    guard total > 0 else {
      self.tenths = 0
      return
    }
    // round(count * 1000 / total) half up == floor((2 * count * 1000 + total) / (2 * total)).
    self.tenths = (2 * count * 1000 + total) / (2 * total)
  }

  public var value: Double { Double(tenths) / 10 }

  /// `31.0`, always with one decimal.
  public var text: String { "\(tenths / 10).\(tenths % 10)" }

  public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.tenths < rhs.tenths }
}
