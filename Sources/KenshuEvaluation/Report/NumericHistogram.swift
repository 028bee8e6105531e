import KenshuModel

/// A numeric item's answers as a histogram in inline SVG: one column per bin with its count
/// above it, the bins' values below. The accessible name lists every bin and count.
enum NumericHistogram {
  static let width = 320.0
  static let plotHeight = 80.0
  static let top = 14.0
  static let bottom = 16.0

  static func svg(_ bins: [EvaluationReport.HistogramBin], text: String, language: MessageLanguage = .ja)
    -> String
  {
    guard !bins.isEmpty else { return "" }
    let largest = max(1, bins.map(\.count).max() ?? 1)
    let step = width / Double(bins.count)
    let height = top + plotHeight + bottom
    let summary =
      language == .ja
      ? "\(text)（ヒストグラム）: " + bins.map { "\(label($0)): \($0.count)人" }.joined(separator: "、")
      : "\(text) (histogram): " + bins.map { "\(label($0)): \($0.count)" }.joined(separator: ", ")
    var out =
      "<svg class=\"histogram\" role=\"img\" viewBox=\"0 0 \(DivergingBar.format(width)) \(DivergingBar.format(height))\" aria-label=\"\(Markup.escape(summary))\">"
    // Label every bin when they fit; else every second or fifth, so labels never overlap.
    let every = step >= 18 ? 1 : step >= 9 ? 2 : 5
    for (index, bin) in bins.enumerated() {
      let x = Double(index) * step
      let h = plotHeight * Double(bin.count) / Double(largest)
      let y = top + plotHeight - h
      if bin.count > 0 {
        out +=
          "<rect x=\"\(DivergingBar.format(x + 1))\" y=\"\(DivergingBar.format(y))\" width=\"\(DivergingBar.format(max(step - 2, 1)))\" height=\"\(DivergingBar.format(h))\" fill=\"\(ChoiceBars.fill)\"/>"
        if step >= 12 {
          out +=
            "<text x=\"\(DivergingBar.format(x + step / 2))\" y=\"\(DivergingBar.format(y - 3))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#1a1a1a\">\(bin.count)</text>"
        }
      }
      if index % every == 0 {
        out +=
          "<text x=\"\(DivergingBar.format(x + step / 2))\" y=\"\(DivergingBar.format(height - 3))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#444444\">\(Markup.escape(label(bin)))</text>"
      }
    }
    out +=
      "<line x1=\"0\" y1=\"\(DivergingBar.format(top + plotHeight))\" x2=\"\(DivergingBar.format(width))\" y2=\"\(DivergingBar.format(top + plotHeight))\" stroke=\"#333333\" stroke-width=\"1\"/>"
    return out + "</svg>"
  }

  /// `7` for a whole-number bin, `10–20` for a range.
  static func label(_ bin: EvaluationReport.HistogramBin) -> String {
    bin.low == bin.high ? number(bin.low) : "\(number(bin.low))–\(number(bin.high))"
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : Figure.decimal(value)
  }
}
