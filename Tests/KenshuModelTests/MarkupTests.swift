import Testing

@testable import KenshuModel

@Suite struct MarkupTests {
  @Test func escape_replacesEveryMarkupCharacter() {
    #expect(
      Markup.escape(#"<a href="x" title='y'>&</a>"#)
        == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
  }

  @Test func escape_leavesOtherTextAlone() {
    #expect(Markup.escape("在宅医療・介護連携 {漢字|かんじ} 100%") == "在宅医療・介護連携 {漢字|かんじ} 100%")
    #expect(Markup.escape("") == "")
  }
}
