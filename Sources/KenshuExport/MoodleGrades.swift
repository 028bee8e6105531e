/// Moodle accepts only these grade percentages for answers; an import with any other value fails
/// ("invalid grade"), so partial credit is always rounded to one of them.
enum MoodleGrades {
  static let positive: [Double] = [
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
    11.11111,
    10, 5,
  ]

  /// The valid grade nearest to `percent` (sign kept).
  static func nearest(_ percent: Double) -> Double {
    guard percent != 0 else { return 0 }
    let magnitude = abs(percent)
    let best = positive.min { abs($0 - magnitude) < abs($1 - magnitude) } ?? 100
    return percent < 0 ? -best : best
  }

  /// Fractions for a multiple-answer question: correct choices share 100%, wrong ones share
  /// −100%, so ticking everything scores 0.
  static func multipleAnswerFractions(correct: [Bool]) -> [Double] {
    let right = correct.filter { $0 }.count
    let wrong = correct.count - right
    return correct.map { isRight in
      isRight ? nearest(100 / Double(max(right, 1))) : (wrong == 0 ? 0 : nearest(-100 / Double(wrong)))
    }
  }

  /// How Moodle writes a grade: up to five decimals, no trailing zeros.
  static func format(_ value: Double) -> String {
    if value == value.rounded() { return String(Int(value)) }
    var text = String(format: "%.5f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
