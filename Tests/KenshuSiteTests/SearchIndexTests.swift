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

  /// Readings and headings are searchable; the document carries its text on one line, its
  /// headings and readings for search.js to check matches, rank and cut snippets (issue 14).
  @Test func readingsAndHeadings_areIndexed_andShippedWithTheText() {
    var index = SearchIndex()
    index.add(
      title: "講義", path: "a/index.html", text: "人生会議を\n\n  繰り返す", headings: ["ACPの基本"],
      readings: ["じんせいかいぎ"])
    #expect(index.search("じんせいかいぎ") == [0])
    #expect(index.search("基本") == [0])
    #expect(index.documents[0].text == "人生会議を 繰り返す")
    let script = index.javaScript()
    #expect(
      script.contains(#""x":"人生会議を 繰り返す","h":["ACPの基本"],"r":"じんせいかいぎ"}"#), "\(script)")
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

@Suite struct SearchSnippetTests {
  /// What the snippet always was: all lines joined by spaces, cut at 120 characters.
  static func reference(_ text: String) -> String {
    String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(120))
  }

  @Test func snippet_joinsLinesAndCutsAt120Characters_asBefore() {
    let long = String(repeating: "退院支援では、病院と地域の多職種が退院後の生活を一緒に計画します。\n", count: 10)
    let samples = [
      "", "\n\n", "一行だけ", "a\r\nb\n\n\nc", long, "\n\n" + long, String(repeating: "x", count: 119) + "\nyz",
      String(repeating: "x", count: 120) + "\n", "e\u{301}\n\u{301}続き", "👨‍👩‍👧 family\n🇯🇵🇯🇵",
    ]
    for text in samples {
      #expect(SearchIndex.snippet(of: text) == Self.reference(text), "\(text.prefix(20))")
    }
  }
}
