/// Location and spread of a sample; NaN where a figure is undefined (n = 0, SD with n < 2).
public struct Descriptive: Sendable, Hashable {
  public var n: Int
  public var mean: Double
  /// Sample standard deviation (denominator n − 1).
  public var sd: Double
  public var median: Double

  /// Descriptives of the values (NaN values are not filtered: callers pass answers only).
  public init(_ values: [Double]) {
    n = values.count
    guard !values.isEmpty else {
      mean = .nan
      sd = .nan
      median = .nan
      return
    }
    let mean = values.reduce(0, +) / Double(values.count)
    self.mean = mean
    // Two-pass variance: subtracting the mean first keeps precision for large offsets.
    if values.count > 1 {
      let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      sd = (squares / Double(values.count - 1)).squareRoot()
    } else {
      sd = .nan
    }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Descriptives of Likert answers from their frequencies: `counts[k]` answers of point k + 1.
  /// Same figures as expanding the answers, without materialising or sorting them.
  public init(pointCounts counts: [Int]) {
    let total = counts.reduce(0, +)
    n = total
    guard total > 0 else {
      mean = .nan
      sd = .nan
      median = .nan
      return
    }
    var sum = 0.0
    for (offset, count) in counts.enumerated() { sum += Double(offset + 1) * Double(count) }
    let mean = sum / Double(total)
    self.mean = mean
    if total > 1 {
      var squares = 0.0
      for (offset, count) in counts.enumerated() {
        let deviation = Double(offset + 1) - mean
        squares += deviation * deviation * Double(count)
      }
      sd = (squares / Double(total - 1)).squareRoot()
    } else {
      sd = .nan
    }
    // The k-th smallest answer (0-based), read off the cumulative counts.
    func point(at rank: Int) -> Double {
      var seen = 0
      for (offset, count) in counts.enumerated() {
        seen += count
        if rank < seen { return Double(offset + 1) }
      }
      return Double(counts.count)
    }
    median = total % 2 == 1 ? point(at: total / 2) : (point(at: total / 2 - 1) + point(at: total / 2)) / 2
  }

  /// Descriptives of integer answers (Likert points).
  public init(_ values: [Int]) {
    self.init(values.map(Double.init))
  }
}
