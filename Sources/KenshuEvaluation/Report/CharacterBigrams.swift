import Foundation

/// Recurring two-character sequences in Japanese free text. Japanese has no spaces between
/// words, so counting "words" would need a morphological analyser; character bigrams are an
/// honest, dictionary-free stand-in. Only bigrams with a kanji or katakana are kept (hiragana
/// pairs are mostly grammar: した, ます), and each answer counts once.
enum CharacterBigrams {
  static func frequent(in answers: [String], limit: Int = 10, minimumAnswers: Int = 2)
    -> [EvaluationReport.BigramCount]
  {
    frequent(in: TextTally(answers), limit: limit, minimumAnswers: minimumAnswers)
  }

  static func frequent(in tally: TextTally, limit: Int = 10, minimumAnswers: Int = 2)
    -> [EvaluationReport.BigramCount]
  {
    // Bigrams of Unicode scalars packed into one integer: Japanese letters are single scalars,
    // and integer keys keep this linear and allocation-free on 100,000 answers.
    // Identical answers (なし, 特になし, …) are common: each distinct text is read once, weighted.
    var counts: [UInt64: Int] = [:]
    var seen: Set<UInt64> = []
    for (answer, weight) in zip(tally.texts, tally.counts) {
      seen.removeAll(keepingCapacity: true)
      // Width folding (NFKC) only when the text has full- or half-width forms.
      if !collect(answer, into: &seen) {
        seen.removeAll(keepingCapacity: true)
        _ = collect(answer.precomposedStringWithCompatibilityMapping, into: &seen, folded: true)
      }
      for key in seen { counts[key, default: 0] += weight }
    }
    return counts.filter { $0.value >= minimumAnswers }
      .map { (bigram: bigramText($0.key), answers: $0.value) }
      .sorted { $0.answers != $1.answers ? $0.answers > $1.answers : $0.bigram < $1.bigram }
      .prefix(limit).map { EvaluationReport.BigramCount(bigram: $0.bigram, answers: $0.answers) }
  }

  /// Adds the answer's distinct bigrams to `seen`; false (stopping early) when the text needs
  /// width folding first.
  static func collect(_ text: String, into seen: inout Set<UInt64>, folded: Bool = false) -> Bool {
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if !folded && (0xFF00...0xFFEF).contains(scalar.value) { return false }
      defer { previous = scalar }
      guard let first = previous, isWordScalar(first), isWordScalar(scalar),
        isContent(first) || isContent(scalar)
      else { continue }
      seen.insert(UInt64(first.value) << 32 | UInt64(scalar.value))
    }
    return true
  }

  static func bigramText(_ key: UInt64) -> String {
    var text = String.UnicodeScalarView()
    if let first = Unicode.Scalar(UInt32(key >> 32)) { text.append(first) }
    if let second = Unicode.Scalar(UInt32(key & 0xFFFF_FFFF)) { text.append(second) }
    return String(text)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    // Fast paths for the scripts of Japanese text; Unicode properties for everything else.
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3041...0x309F: return true
    case 0x00...0x7F, 0x3000...0x303F: return scalar.value == 0x3005
    default:
      return isContent(scalar) || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
  }

  /// Kanji (CJK unified ideographs incl. 々) or katakana (incl. the long-vowel mark).
  static func isContent(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005, 0x30A0...0x30FF, 0xF900...0xFAFF: true
    default: false
    }
  }
}
