import Testing

@testable import KenshuSite

@Suite struct SearchIndexTests {
  @Test func japanese_isCutIntoBigramsAndLatinIntoWords() {
    #expect(SearchIndex.terms("退院支援 ACP") == ["退院", "院支", "支援", "acp"])
    #expect(SearchIndex.terms("ＡＣＰ") == ["acp"])
  }

  @Test func search_findsAJapaneseWordInsideASentence() {
    var index = SearchIndex()
    index.add(title: "退院支援の基本", path: "a/index.html", text: "病院と地域の多職種が退院後の生活を計画します。")
    index.add(title: "看取り", path: "b/index.html", text: "本人が望む場所での看取りを支える。")
    #expect(index.search("多職種") == [0])
    #expect(index.search("看取り") == [1])
    #expect(index.search("多職種 看取り").isEmpty)
    #expect(index.search("").isEmpty)
  }

  @Test func script_cannotBeClosedByPageText() {
    var index = SearchIndex()
    index.add(title: "</script><script>alert(1)</script>", path: "x/index.html", text: "")
    #expect(!index.javaScript().contains("</script>"))
  }
}

@Suite struct SearchTermKeyTests {
  static let samples = [
    "退院支援 ACP 退院支援", "ＡＣＰとｶﾅ、カナ", "か\u{3099}が", "Café cafe\u{301} ÉCOLE",
    "ﾃｽﾄ テスト test TEST 123 一二三", "", "a", "漢", "混在text漢字mixed字",
  ]

  @Test func uniqueTerms_areTheTermsWithoutRepeats_inOrder() {
    for text in Self.samples {
      var seen: [String] = []
      for term in SearchIndex.terms(text) where !seen.contains(term) { seen.append(term) }
      #expect(SearchIndex.uniqueTerms(text) == seen, "\(text)")
    }
  }

  /// A compatibility ideograph (U+F900) equals its unified twin as a `String`: one index term.
  @Test func canonicallyEqualTerms_shareOnePosting() {
    var index = SearchIndex()
    index.add(title: "x", path: "a.html", text: "豈\u{F900}")
    index.add(title: "x", path: "b.html", text: "\u{F900}豈")
    #expect(index.postings.count == 2)
    #expect(index.postings["x"] == [0, 1])
    #expect(index.search("豈豈") == [0, 1])
  }

  @Test func termKeys_equalHashAndOrderAsTheirStrings() {
    let words =
      Self.samples.flatMap(SearchIndex.terms) + [
        "豈\u{F900}", "\u{F900}豈", "\u{F900}", "\u{8C48}", "が", "か\u{3099}", "z", "あ",
      ]
    for a in words {
      for b in words {
        #expect((Term(a) == Term(b)) == (a == b), "\(a) \(b)")
        #expect((Term(a) < Term(b)) == (a < b), "\(a) \(b)")
        if a == b { #expect(Term(a).hashValue == Term(b).hashValue) }
      }
    }
  }
}
