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

  /// A hit holds the word itself: its bigrams present in another order or apart are not
  /// enough (issue 18: decided from positions, without the page's text).
  @Test func search_needsTheWordItself_notOnlyItsBigrams() {
    var index = SearchIndex()
    index.add(title: "看護", path: "a.html", text: "支援の話。護支という語。看護と支援。")
    index.add(title: "x", path: "b.html", text: "訪問看護支援の話")
    #expect(index.search("看護支援") == [1])
    #expect(index.search("護支") == [0, 1])
    // A word does not run from one field into the next.
    index.add(title: "在宅", path: "c.html", text: "医療")
    #expect(index.search("在宅医療").isEmpty)
    #expect(index.search("在宅 医療") == [2])
    // A lone character: wherever it stands in a run, last included.
    #expect(index.search("援") == [0, 1])
  }

  /// Readings and headings are searchable; the document carries its text on one line for the
  /// snippets of results (issue 14).
  @Test func readingsAndHeadings_areIndexed_andShippedWithTheText() throws {
    var index = SearchIndex()
    index.add(
      title: "講義", path: "a/index.html", text: "人生会議を\n\n  繰り返す", headings: ["ACPの基本"],
      readings: ["じんせいかいぎ"])
    #expect(index.search("じんせいかいぎ") == [0])
    #expect(index.search("基本") == [0])
    #expect(index.search("acpの基本") == [0])
    #expect(index.documents[0].text == "人生会議を 繰り返す")
    let fragment = String(decoding: SearchIndexPart.fragment(index.documents[0], id: 7), as: UTF8.self)
    #expect(
      fragment == #"KENSHU_SEARCH_DOC(7,{"t":"講義","u":"a/index.html","x":"人生会議を 繰り返す"});"# + "\n")
  }

  @Test func rubyReadings_areTakenFromTextAndMarkdown() {
    #expect(HTMLText.readings("{看取|みと}りと{人生会議|じんせいかいぎ}") == ["みと", "じんせいかいぎ"])
    #expect(HTMLText.readings("ルビなし").isEmpty)
    let rendering = MarkdownRenderer().render("# 見出し\n\n{人生会議|じんせいかいぎ}を知る\n")
    #expect(rendering.readings == ["じんせいかいぎ"])
    #expect(rendering.plainText.contains("人生会議") && !rendering.plainText.contains("じんせいかいぎ"))
  }

  @Test func script_cannotBeClosedByPageText() {
    var index = SearchIndex()
    index.add(title: "</script><script>alert(1)</script>", path: "x/index.html", text: "</script>")
    let parts = [SearchIndexPart(entries: index.entries[...])]
    let files =
      SearchIndexChunks.cut(parts).map { SearchIndexChunks.script($0, parts: parts) }
      + [SearchIndexPart.fragment(index.documents[0], id: 0)]
    for file in files { #expect(!String(decoding: file, as: UTF8.self).contains("</script>")) }
  }
}

@Suite struct SearchTermKeyTests {
  static let samples = [
    "退院支援 ACP 退院支援", "ＡＣＰとｶﾅ、カナ", "か\u{3099}が", "Café cafe\u{301} ÉCOLE",
    "ﾃｽﾄ テスト test TEST 123 一二三", "", "a", "漢", "混在text漢字mixed字",
  ]

  /// A compatibility ideograph (U+F900) is folded to its unified twin (as NFKC does to the
  /// query in `search.js`): one index term, found by either spelling.
  @Test func compatibilityIdeographs_shareOnePosting() {
    var index = SearchIndex()
    index.add(title: "x", path: "a.html", text: "豈\u{F900}")
    index.add(title: "x", path: "b.html", text: "\u{F900}豈")
    #expect(Set(index.postings.keys) == ["x", "豈豈", "豈"])
    #expect(index.postings["豈豈"] == [0, 1])
    #expect(index.search("豈豈") == [0, 1])
    #expect(index.search("\u{F900}\u{F900}") == [0, 1])
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

/// `SearchIndex.flattened` walks scalars for speed; it must equal the `Character` split it
/// replaced on any text, including the spaces a combining mark, joiner or prepended mark joins
/// into one cluster.
@Suite struct FlattenedTextDifferentialTests {
  /// Pieces the random texts are made of: Japanese, Latin, every kind of whitespace, and the
  /// scalars that change how a space clusters.
  static let pieces: [String] = [
    "在宅", "医療", "ケア", "ﾏﾈｰｼﾞｬｰ", "ｶﾞ", "a", "Zé", "—", "’", "、", "。", "１２",
    " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}",
    "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    "\u{301}", "\u{3099}", "\u{302A}", "\u{FF9E}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{903}", "\u{600}",
    "\u{1F469}", "\u{1F1EF}\u{1F1F5}", "\u{AD}", "\u{200B}",
  ]

  @Test func flattened_equalsTheCharacterSplit_onRandomTexts() {
    var random = FastTemplateTests.SplitMix(state: 0x5EA7C4)
    for _ in 0..<20_000 {
      let count = random.next(15)
      let text = (0..<count).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
      #expect(
        SearchIndex.flattened(text) == SearchIndex.referenceFlattened(text),
        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func flattened_collapsesAndTrims_asSnippetsNeed() {
    #expect(SearchIndex.flattened("  退院支援\n\n 　カンファレンス\t ") == "退院支援 カンファレンス")
    #expect(SearchIndex.flattened("a \u{301}b") == "a b")
    #expect(SearchIndex.flattened("") == "")
  }
}
