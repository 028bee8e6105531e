import KenshuModel

/// Diverging stacked bars for one Likert item as inline SVG (no script, no CSS needed):
/// disagreement to the left of the centre line, agreement to the right, a middle point split
/// across the centre. The axis runs from 100 % to 100 % either side, so bars of different items
/// compare by length. Every segment wide enough carries its percentage as text, so the chart
/// does not depend on colour alone; the legend (`legendSwatch`) and the count table beside the
/// chart give every category in words, and the accessible name states every percentage.
enum DivergingBar {
  /// The drawing is scaled to the width of its box (`viewBox`, width 100 % in CSS); these are
  /// user units. 100 % of answers is `halfWidth` units either side of the centre.
  static let labelWidth = 64.0
  static let halfWidth = 160.0
  static let barHeight = 24.0
  static let rowGap = 6.0
  static let axisHeight = 14.0

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

  /// White text on the two darkest colours of each end, black elsewhere (contrast ≥ 4.5:1).
  static func textColour(_ fill: String) -> String {
    ["#ca0020", "#0571b0", "#b2182b", "#2166ac"].contains(fill) ? "#ffffff" : "#000000"
  }

  /// One bar: an optional row label (研修前 / 現在) and the counts per point, lowest first.
  struct Row {
    var label: String?
    var counts: [Int]
  }

  /// - Parameter summary: the accessible name (item text and every percentage).
  static func svg(rows: [Row], summary: String) -> String {
    let labelled = rows.contains { $0.label != nil }
    let left = labelled ? labelWidth : 0
    let width = left + 2 * halfWidth
    let height = Double(rows.count) * (barHeight + rowGap) + axisHeight
    let centre = left + halfWidth
    let scale = halfWidth / 100
    var out =
      "<svg class=\"diverging\" role=\"img\" viewBox=\"0 0 \(format(width)) \(format(height))\" aria-label=\"\(Markup.escape(summary))\">"
    // Grid lines at 50 % and 100 % either side, drawn first so bars cover them.
    for step in [-100.0, -50, 50, 100] {
      let x = centre + step * scale
      out +=
        "<line x1=\"\(format(x))\" y1=\"0\" x2=\"\(format(x))\" y2=\"\(format(height - axisHeight))\" stroke=\"#cccccc\" stroke-width=\"0.5\"/>"
    }
    for (index, row) in rows.enumerated() {
      let y = Double(index) * (barHeight + rowGap) + rowGap / 2
      if let label = row.label {
        out +=
          "<text x=\"0\" y=\"\(format(y + barHeight / 2 + 4))\" font-size=\"11\" fill=\"#1a1a1a\">\(Markup.escape(label))</text>"
      }
      out += segments(counts: row.counts, centre: centre, y: y, scale: scale)
    }
    out +=
      "<line x1=\"\(format(centre))\" y1=\"0\" x2=\"\(format(centre))\" y2=\"\(format(height - axisHeight))\" stroke=\"#333333\" stroke-width=\"1\"/>"
    let axisY = format(height - 3)
    for (step, anchor) in [(-100.0, "start"), (-50, "middle"), (0, "middle"), (50, "middle"), (100, "end")] {
      out +=
        "<text x=\"\(format(centre + step * scale))\" y=\"\(axisY)\" font-size=\"9\" text-anchor=\"\(anchor)\" fill=\"#444444\">\(Int(abs(step)))%</text>"
    }
    return out + "</svg>"
  }

  static func segments(counts: [Int], centre: Double, y: Double, scale: Double) -> String {
    let n = counts.reduce(0, +)
    let points = counts.count
    let colours = colours(points: points)
    let percents = counts.map { n > 0 ? 100 * Double($0) / Double(n) : 0 }
    let lowerPoints = points / 2
    let middle = points % 2 == 1 ? points / 2 : nil
    // The left edge: all disagreement plus half of the middle point, to the left of centre.
    var x =
      centre - scale * (percents.prefix(lowerPoints).reduce(0, +) + (middle.map { percents[$0] / 2 } ?? 0))
    var out = ""
    for index in 0..<points where percents[index] > 0 {
      let w = scale * percents[index]
      out +=
        "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(w))\" height=\"\(format(barHeight))\" fill=\"\(colours[index])\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>"
      // A label needs about 20 units ("100%" at 11 units); narrower segments are in the table.
      if w >= 20 {
        out +=
          "<text x=\"\(format(x + w / 2))\" y=\"\(format(y + barHeight / 2 + 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(textColour(colours[index]))\">\(Int(percents[index].rounded()))%</text>"
      }
      x += w
    }
    return out
  }

  /// A small square of a category's colour for the legend and the count table; decorative
  /// (the label beside it names the category).
  static func legendSwatch(_ colour: String) -> String {
    "<svg class=\"swatch\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\(colour)\"/></svg>"
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
