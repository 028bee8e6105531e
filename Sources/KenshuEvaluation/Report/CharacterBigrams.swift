import Foundation

/// Recurring two-character sequences in Japanese free text. Japanese has no spaces between
/// words, so counting "words" would need a morphological analyser; character bigrams are an
/// honest, dictionary-free stand-in. Only bigrams with a kanji or katakana are kept (hiragana
/// pairs are mostly grammar: した, ます), and each answer counts once.
enum CharacterBigrams {
  static func frequent(in answers: [String], limit: Int = 10, minimumAnswers: Int = 2) -> [EvaluationReport
    .BigramCount]
  {
    var counts: [String: Int] = [:]
    for answer in answers {
      let characters = Array(answer.precomposedStringWithCompatibilityMapping)
      var seen: Set<String> = []
      for index in characters.indices.dropLast() {
        let pair = (characters[index], characters[index + 1])
        guard isWordCharacter(pair.0), isWordCharacter(pair.1), isContent(pair.0) || isContent(pair.1)
        else { continue }
        let bigram = String([pair.0, pair.1])
        if seen.insert(bigram).inserted { counts[bigram, default: 0] += 1 }
      }
    }
    return counts.filter { $0.value >= minimumAnswers }
      .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(limit).map { EvaluationReport.BigramCount(bigram: $0.key, answers: $0.value) }
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  /// Kanji (CJK unified ideographs incl. 々) or katakana (incl. the long-vowel mark).
  static func isContent(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      switch scalar.value {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005, 0x30A0...0x30FF, 0xF900...0xFAFF: true
      default: false
      }
    }
  }
}
