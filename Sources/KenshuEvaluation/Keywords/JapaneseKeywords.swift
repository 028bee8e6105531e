import Foundation

/// Recurring words of free-text answers: nouns and compound nouns as MeCab cuts them (退院支援,
/// 多職種, カンファレンス), generic words dropped (こと, 今回, 内容), each counted once per answer.
/// When no UTF-8 MeCab dictionary is installed, character bigrams stand in and `method` says so.
enum JapaneseKeywords {
  /// `mecab-ipadic`: words from MeCab; `character-bigrams`: the fallback.
  static var method: String { MeCabTagger.shared == nil ? "character-bigrams" : "mecab-ipadic" }

  /// With a `cache`, each distinct text is segmented once for every tally that shares the cache
  /// (the free-text items of one report); the counts are the same as without it.
  static func frequent(
    in tally: TextTally, limit: Int = 12, minimumAnswers: Int = 2, cache: KeywordCache? = nil
  ) -> [EvaluationReport.KeywordCount] {
    guard let tagger = MeCabTagger.shared else {
      return CharacterBigrams.frequent(in: tally, limit: limit, minimumAnswers: minimumAnswers).map {
        EvaluationReport.KeywordCount(keyword: $0.bigram, answers: $0.answers)
      }
    }
    var counts: [String: Int] = [:]
    if let cache {
      for (keywords, weight) in zip(cache.keywords(of: tally.texts, tagger: tagger), tally.counts) {
        for keyword in keywords { counts[keyword, default: 0] += weight }
      }
    } else {
      // The reference path, one segmentation per distinct text of this tally.
      for (words, weight) in zip(tagger.tokens(of: tally.texts.map(folded)), tally.counts) {
        for keyword in Set(compounds(words)) { counts[keyword, default: 0] += weight }
      }
    }
    return counts.filter { $0.value >= minimumAnswers }
      .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(limit).map { EvaluationReport.KeywordCount(keyword: $0.key, answers: $0.value) }
  }

  /// Width folding first, so ＩＣＴ and ICT, ｹｱﾏﾈ and ケアマネ are one word.
  static func folded(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }

  /// The keywords of one answer: runs of noun parts joined into compounds, a noun prefix
  /// (多-, 再-) joined to the noun after it; runs of only numbers or suffixes, single
  /// characters and stop words left out.
  static func compounds(_ words: [MeCabTagger.Token]) -> [String] {
    var keywords: [String] = []
    var run = ""
    var hasContent = false
    var pendingPrefix = ""
    func close() {
      if hasContent, run.count >= 2, !stopWords.contains(run) { keywords.append(run) }
      run = ""
      hasContent = false
    }
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : nil
      switch role(of: word, before: next) {
      case .content:
        if run.isEmpty { run = pendingPrefix }
        run += word.surface
        hasContent = true
      case .joining:
        // Suffixes and numbers extend a compound (看護師, 3職種) but never start one alone.
        if !run.isEmpty || !pendingPrefix.isEmpty {
          if run.isEmpty { run = pendingPrefix }
          run += word.surface
        }
      case .prefix:
        // Inside a compound a prefix is part of it (退院 + 前 + カンファレンス); otherwise it
        // waits for the noun it belongs to (多 + 職種).
        if hasContent {
          run += word.surface
        } else {
          close()
          pendingPrefix = word.surface
          continue
        }
      case .other:
        close()
      }
      pendingPrefix = ""
    }
    close()
    return keywords
  }

  enum Role { case content, joining, prefix, other }

  static func role(of word: MeCabTagger.Token, before next: MeCabTagger.Token? = nil) -> Role {
    switch word.partOfSpeech {
    case "動詞" where isNominalVerb(word, before: next):
      return .content
    case "名詞":
      switch word.subcategory {
      case "一般", "サ変接続", "固有名詞", "形容動詞語幹", "ナイ形容詞語幹":
        // A single symbol or hiragana letter tagged as a noun is noise, not a word.
        return word.surface.count == 1 && !isKanji(word.surface) ? .other : .content
      case "接尾":
        // Honorifics (さん, 様) are not part of the word: ケアマネジャーさん is ケアマネジャー.
        // 的, 性, 者, 会 and 特殊 (さ: 大切さ) are; 助数詞 (人, 回) joins numbers.
        return word.subcategory2 == "人名" ? .other : .joining
      case "数":
        return .joining
      default:
        // 非自立 (こと, もの), 代名詞 (これ), 副詞可能 (今日, 以上): no keyword.
        return .other
      }
    case "接頭詞":
      return word.subcategory == "名詞接続" ? .prefix : .other
    default:
      return .other
    }
  }

  /// The IPA dictionary tags nouns made from verbs (看取り, 学び, 振り返り) as the verb's
  /// continuative form; followed by a case particle (看取りの, 学びが) they are used as nouns.
  static func isNominalVerb(_ word: MeCabTagger.Token, before next: MeCabTagger.Token?) -> Bool {
    guard word.subcategory == "自立", word.features.count > 5, word.features[5] == "連用形",
      let next, next.partOfSpeech == "助詞", ["連体化", "格助詞", "係助詞"].contains(next.subcategory),
      word.surface.unicodeScalars.contains(where: { isKanji(String($0)) })
    else { return false }
    return true
  }

  static func isKanji(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy {
      (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
    }
  }

  /// Words too generic to tell a reader anything about a training's feedback.
  static let stopWords: Set<String> = [
    "こと", "もの", "ため", "よう", "ところ", "とき", "感じ", "今回", "今日", "本日", "今後", "自分",
    "皆さん", "皆様", "みなさん", "様々", "色々", "いろいろ", "特に", "なし", "特になし", "以上", "大変",
    "非常", "部分", "内容", "場合", "必要", "大切", "大切さ", "大事", "勉強", "参考", "機会", "お話",
    "ありがとう", "有難う", "思い", "気持ち", "たくさん", "沢山", "みんな", "それぞれ", "一つ", "一人", "全体", "普段",
  ]
}
