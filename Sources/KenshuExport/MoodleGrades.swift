import KenshuModel

/// Moodle accepts only these grade percentages for answers; an import with any other value fails
/// ("invalid grade"), so partial credit is always one of them.
///
/// Moodle compares an imported grade with this list within 0.00001 (as a fraction, i.e.
/// 0.001 percentage points), and a multiple-answer question is accepted only when its positive
/// grades, rounded to two decimals as fractions, total exactly 100% — so the sum must lie in
/// [99.5, 100.5).
public enum MoodleGrades {
  /// Moodle's allowed positive grades, in percent, largest first.
  static let positive: [Double] = [
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
    11.11111, 10, 5,
  ]

  /// The most correct options a multiple-answer question can have in Moodle: every option needs
  /// at least the smallest grade (5%), and the grades must total 100%.
  public static let maximumCorrectOptions = 20

  /// Whether a positive-grade total is one Moodle accepts for a multiple-answer question.
  static func acceptsTotal(_ percent: Double) -> Bool {
    // Moodle: round(total as a fraction, 2) == 1, i.e. the percentage rounds to 100.
    percent.rounded() == 100
  }

  /// Whether `percent` is one of Moodle's grades (sign ignored; 0 included).
  static func isAllowed(_ percent: Double) -> Bool {
    percent == 0 || positive.contains { abs($0 - abs(percent)) < 0.001 }
  }

  /// The valid grade nearest to `percent` (sign kept).
  static func nearest(_ percent: Double) -> Double {
    guard percent != 0 else { return 0 }
    let magnitude = abs(percent)
    let best = positive.min { abs($0 - magnitude) < abs($1 - magnitude) } ?? 100
    return percent < 0 ? -best : best
  }

  /// `count` allowed grades whose total Moodle accepts as 100%, largest first; `nil` when
  /// `count` is 0 or more than ``maximumCorrectOptions``.
  ///
  /// Equal shares when one allowed grade works (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 20 options:
  /// 33.33333 × 3 = 99.99999 is accepted); otherwise the two closest allowed grades mixed, the
  /// pair with the smallest gap first (11 options: nine at 10% and two at 5%).
  static func shares(count: Int) -> [Double]? {
    guard count > 0, count <= maximumCorrectOptions else { return nil }
    let equal = nearest(100 / Double(count))
    if acceptsTotal(equal * Double(count)) { return Array(repeating: equal, count: count) }
    var best: (gap: Double, error: Double, high: Double, low: Double, highCount: Int)?
    for high in positive {
      for low in positive where low < high {
        for highCount in 1..<count {
          let total = high * Double(highCount) + low * Double(count - highCount)
          guard acceptsTotal(total) else { continue }
          let candidate = (
            gap: high - low, error: abs(total - 100), high: high, low: low, highCount: highCount
          )
          if let current = best,
            (current.gap, current.error) <= (candidate.gap, candidate.error)
          {
            continue
          }
          best = candidate
        }
      }
    }
    guard let best else { return nil }
    return Array(repeating: best.high, count: best.highCount)
      + Array(repeating: best.low, count: count - best.highCount)
  }

  /// Fractions for a multiple-answer question: correct choices share 100%, wrong ones share
  /// −100% (the same scheme, negated), so ticking everything scores 0. More than
  /// ``maximumCorrectOptions`` correct choices cannot be expressed; they get 5% each and
  /// ``problems(in:)`` reports the question.
  static func multipleAnswerFractions(correct: [Bool]) -> [Double] {
    let right = correct.filter { $0 }.count
    let wrong = correct.count - right
    var rightShares = shares(count: right) ?? Array(repeating: 5, count: right)
    // Wrong choices' total is not checked by Moodle (scores stop at 0), so beyond 20 each gets −5%.
    var wrongShares = (shares(count: wrong) ?? Array(repeating: 5, count: wrong)).map { -$0 }
    return correct.map { isRight in
      isRight ? rightShares.removeFirst() : wrongShares.removeFirst()
    }
  }

  /// Questions whose grades Moodle would reject, as messages naming the question.
  public static func problems(in module: SelfStudyModule) -> [Bilingual] {
    (module.quiz?.questions ?? []).compactMap { question in
      guard question.kind == .multiple else { return nil }
      let right = question.choices.filter(\.correct).count
      guard right > maximumCorrectOptions else { return nil }
      return Bilingual(
        ja: "問題「\(question.id)」の正解は \(right) 個あります。Moodle の複数回答の問題では正解は \(maximumCorrectOptions) 個までです"
          + "（一つにつき 5% 以上の配点が必要なため）",
        en: "question \"\(question.id)\" has \(right) correct choices; Moodle accepts at most "
          + "\(maximumCorrectOptions) in a multiple-answer question (each needs at least 5%)")
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
