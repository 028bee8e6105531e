import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// Free-text keywords from MeCab word segmentation (issue 16): nouns and compound nouns, known
/// answers with the words a reader would pick out by hand.
@Suite struct JapaneseKeywordsTests {
  func keywords(_ text: String) throws -> [String] {
    let tagger = try #require(MeCabTagger.shared, "MeCab with a UTF-8 dictionary (apt: mecab-ipadic-utf8)")
    return JapaneseKeywords.compounds(try #require(tagger.tokens(of: [text]).first))
  }

  @Test func test_compoundNouns_areJoined_prefixesKept_honorificsDropped() throws {
    #expect(
      try keywords("退院前カンファレンスでケアマネジャーさんの役割がよくわかりました。")
        == ["退院前カンファレンス", "ケアマネジャー", "役割"])
    #expect(
      try keywords("多職種連携研修会で在宅医療・介護連携推進事業について学んだ")
        == ["多職種連携研修会", "在宅医療", "介護連携推進事業"])
    // Adjectival nouns with a suffix stay one word; verbs and particles are no keywords.
    #expect(try keywords("事例が具体的で、明日からの業務に活かせると思いました。") == ["事例", "具体的", "業務"])
  }

  @Test func test_genericWords_andSingleCharacters_areLeftOut() throws {
    #expect(try keywords("今回の内容はとても参考になりました。ありがとうございました。").isEmpty)
    #expect(try keywords("特になし").isEmpty)
    // こと (非自立) and これ (代名詞) are no keywords; 看取り, which the dictionary tags as a
    // verb, is a noun before の.
    #expect(try keywords("これは看取りのことです") == ["看取り"])
    #expect(try keywords("学びました") == [])
  }

  @Test func test_frequent_countsEachAnswerOnce_andFoldsWidths() throws {
    _ = try #require(MeCabTagger.shared)
    let tally = TextTally([
      "多職種連携が大切。多職種で話した", "多職種の役割", "ありがとう", "ありがとう", "ＩＣＴの活用", "ICTの活用を進めたい",
    ])
    let found = JapaneseKeywords.frequent(in: tally)
    #expect(found.contains(EvaluationReport.KeywordCount(keyword: "多職種", answers: 2)))
    #expect(found.contains(EvaluationReport.KeywordCount(keyword: "ICT", answers: 2)))
    #expect(found.contains(EvaluationReport.KeywordCount(keyword: "活用", answers: 2)))
    // In one answer only: not frequent. The bigram noise of the old method is gone.
    #expect(!found.contains { $0.keyword == "多職種連携" || $0.keyword == "役割" })
    #expect(!found.contains { ["か整", "が具", "ァレ", "職種"].contains($0.keyword) })
    #expect(JapaneseKeywords.method == "mecab-ipadic")
  }

  @Test func test_report_listsKeywords_andTheShareableCopyDropsThem() throws {
    let (report, _) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-kenshu", "csv")])
    let q9 = try #require(report.items.first { $0.id == "q9" })
    #expect(q9.keywordMethod == "mecab-ipadic")
    let words = try #require(q9.keywords)
    #expect(!words.isEmpty)
    #expect(words.allSatisfy { $0.answers >= 2 && $0.keyword.count >= 2 })
    #expect(ReportPage(report: report).itemBlock(q9).contains("MeCab による形態素解析"))
    #expect(report.shareableCopy().items.allSatisfy { $0.keywords == nil })
  }
}

/// The keyword cache shared by a report's free-text items (issue 18) gives the counts of the
/// uncached path: tallies sharing texts, canonically equivalent spellings, NULs, width forms,
/// run in parallel on one cache and one after another.
@Suite struct KeywordCacheTests {
  @Test func test_cachedKeywords_equalTheReferencePath() throws {
    _ = try #require(MeCabTagger.shared, "MeCab with a UTF-8 dictionary (apt: mecab-ipadic-utf8)")
    let phrases = [
      "多職種連携が大切。多職種で話した", "多職種の役割", "ありがとう", "ＩＣＴの活用", "ICTの活用を進めたい", "特になし", "なし",
      "退院前カンファレンスでケアマネジャーさんの役割がよくわかりました。", "在宅医療と介護連携\0在宅医療", "ｹｱﾏﾈの役割",
      "Cafe\u{301}の活用", "Caf\u{E9}の活用", "", "看取りの事例が具体的で業務に活かせる",
    ]
    var generator = SystemRandomNumberGenerator()
    let tallies = (0..<8).map { _ in
      TextTally(
        (0..<300).map { _ in
          let a = phrases.randomElement(using: &generator)!
          let b = phrases.randomElement(using: &generator)!
          return Bool.random(using: &generator) ? a : a + b
        })
    }
    let reference = tallies.map { JapaneseKeywords.frequent(in: $0, limit: 50, minimumAnswers: 1) }
    let cache = KeywordCache()
    let parallel = tallies.indices.concurrentMap {
      JapaneseKeywords.frequent(in: tallies[$0], limit: 50, minimumAnswers: 1, cache: cache)
    }
    #expect(parallel == reference)
    let again = tallies.map { JapaneseKeywords.frequent(in: $0, limit: 50, minimumAnswers: 1, cache: cache) }
    #expect(again == reference)
    #expect(JapaneseKeywords.frequent(in: TextTally([]), cache: cache).isEmpty)
  }
}

/// `MeCabTagger.tokens(of:)` splits each dictionary entry's features once per call and skips
/// the NUL split of texts without one (issue 18): a batch of texts, repeated and mixed, gives
/// every text the tokens it gets alone, and each token's features are its feature string's
/// fields (no field lost or joined).
@Suite struct MeCabTaggerTests {
  @Test func test_tokensOfBatch_equalTokensOfEachTextAlone() throws {
    let tagger = try #require(MeCabTagger.shared, "MeCab with a UTF-8 dictionary (apt: mecab-ipadic-utf8)")
    let phrases = [
      "多職種連携が大切。多職種で話した", "退院前カンファレンスでケアマネジャーさんの役割がよくわかりました。", "", "\0", "在宅医療と介護連携\0在宅医療",
      "ｹｱﾏﾈの役割", "Cafe\u{301}の活用", "ＸＹＺ株式会社のﾃｽﾄ、１２３回", "看取りの事例が具体的で業務に活かせる", "😀👍🏽 よかった",
    ]
    var generator = SystemRandomNumberGenerator()
    let batch = (0..<200).map { _ in phrases.randomElement(using: &generator)! }
    let together = tagger.tokens(of: batch)
    #expect(together.count == batch.count)
    for (text, tokens) in zip(batch, together) {
      #expect(tokens == tagger.tokens(of: [text]).first, "\(text.unicodeScalars)")
      for token in tokens {
        let joined = token.features.joined(separator: ",")
        #expect(joined.split(separator: ",", omittingEmptySubsequences: false) == token.features)
        #expect(token.features.count > 1, "\(joined)")
      }
    }
  }
}
