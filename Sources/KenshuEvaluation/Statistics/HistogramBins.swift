import Foundation

/// Bins for a numeric item's histogram. Whole-number answers over a short range (at most
/// `maximumWholeBins` values, e.g. "people met today: 0–30") get one bar per value, so a reader
/// sees every answer as given; anything else gets about `targetBins` bars of a "nice" width
/// (1, 2 or 5 × 10ᵏ) starting at a multiple of that width.
enum HistogramBins {
  static let maximumWholeBins = 31
  static let targetBins = 10

  static func bins(_ values: [Double]) -> [EvaluationReport.HistogramBin] {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return [] }
    if finite.allSatisfy({ $0 == $0.rounded() }) && high - low < Double(maximumWholeBins) {
      var counts = [Int](repeating: 0, count: Int(high - low) + 1)
      for value in finite { counts[Int(value - low)] += 1 }
      return counts.enumerated().map {
        let value = low + Double($0.offset)
        return EvaluationReport.HistogramBin(low: value, high: value, count: $0.element)
      }
    }
    let width = niceWidth((high - low) / Double(targetBins))
    let start = (low / width).rounded(.down) * width
    let count = max(1, Int(((high - start) / width).rounded(.down)) + 1)
    var counts = [Int](repeating: 0, count: count)
    for value in finite {
      // The top edge belongs to the last bin, as in numpy.histogram.
      counts[min(count - 1, Int(((value - start) / width).rounded(.down)))] += 1
    }
    return counts.enumerated().map {
      let from = start + Double($0.offset) * width
      return EvaluationReport.HistogramBin(low: from, high: from + width, count: $0.element)
    }
  }

  /// The smallest of 1, 2, 5 × 10ᵏ that is at least `raw` (1 when every answer is equal).
  static func niceWidth(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for step in [1.0, 2, 5, 10] where step * magnitude >= raw * (1 - 1e-12) { return step * magnitude }
    return 10 * magnitude
  }
}
