/// A diverging stacked bar for one Likert item as inline SVG (no script, no CSS needed):
/// disagreement to the left of the centre line, agreement to the right, a middle point split
/// across the centre. Each segment carries a `<title>` tooltip; the accessible name summarises
/// the bar, and the report puts the full data table beside it.
enum DivergingBar {
  static let width = 480.0
  static let height = 28.0
  /// Pixels per percentage point on either side of the centre.
  static let scale = 2.3

  /// Diverging palette (ColorBrewer RdBu, colour-blind safe), by number of points.
  static func colours(points: Int) -> [String] {
    switch points {
    case 2: ["#ca0020", "#0571b0"]
    case 3: ["#ca0020", "#d9d9d9", "#0571b0"]
    case 4: ["#ca0020", "#f4a582", "#92c5de", "#0571b0"]
    case 5: ["#ca0020", "#f4a582", "#d9d9d9", "#92c5de", "#0571b0"]
    case 6: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]
    case 7: ["#b2182b", "#ef8a62", "#fddbc7", "#d9d9d9", "#d1e5f0", "#67a9cf", "#2166ac"]
    default: Array(repeating: "#bdbdbd", count: max(points, 0))
    }
  }

  static func svg(labels: [String], counts: [Int], summary: String) -> String {
    let n = counts.reduce(0, +)
    let points = counts.count
    let colours = colours(points: points)
    let centre = width / 2
    let percents = counts.map { n > 0 ? 100 * Double($0) / Double(n) : 0 }
    let lowerPoints = points / 2
    let middle = points % 2 == 1 ? points / 2 : nil
    // The left edge: all disagreement plus half of the middle point, to the left of centre.
    var x =
      centre - scale * (percents.prefix(lowerPoints).reduce(0, +) + (middle.map { percents[$0] / 2 } ?? 0))
    var out =
      "<svg class=\"diverging\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" aria-label=\"\(escapeHTML(summary))\">"
    for index in 0..<points where percents[index] > 0 {
      let w = scale * percents[index]
      out +=
        "<rect x=\"\(format(x))\" y=\"4\" width=\"\(format(w))\" height=\"20\" fill=\"\(colours[index])\"><title>\(escapeHTML(labels[index])): \(counts[index]) (\(Figure.percent(percents[index])))</title></rect>"
      if w >= 26 {
        let textColour =
          colours[index] == "#ca0020" || colours[index] == "#0571b0" || colours[index] == "#b2182b"
            || colours[index] == "#2166ac" ? "#ffffff" : "#000000"
        out +=
          "<text x=\"\(format(x + w / 2))\" y=\"18\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(textColour)\">\(Int(percents[index].rounded()))%</text>"
      }
      x += w
    }
    out +=
      "<line x1=\"\(format(centre))\" y1=\"0\" x2=\"\(format(centre))\" y2=\"\(Int(height))\" stroke=\"#333333\" stroke-width=\"1\"/>"
    out += "</svg>"
    return out
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
