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
