import Foundation
import Testing

@testable import KenshuSite

@Suite struct MarkdownPolicyTests {
  let rendering: MarkdownRendering

  init() throws {
    let url = try #require(
      Bundle.module.url(forResource: "policy", withExtension: "md", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    rendering = MarkdownRenderer().render(text, folder: "day1", rootPrefix: "../../")
  }

  @Test func rawHTML_isShownAsEscapedText() {
    #expect(!rendering.html.contains("<script>"))
    #expect(rendering.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(rendering.html.contains("&lt;b onclick=&quot;x()&quot;&gt;raw&lt;/b&gt;"))
  }

  @Test func javascriptLinks_areDroppedButTheirTextStays() {
    #expect(!rendering.html.lowercased().contains("javascript:"))
    #expect(rendering.html.contains("bad link"))
    #expect(rendering.html.contains("<a href=\"https://example.org\">ok</a>"))
  }

  @Test func ruby_rendersOutsideCodeOnly() {
    #expect(rendering.html.contains("<ruby>流<rp>(</rp><rt>なが</rt><rp>)</rp></ruby>"))
    #expect(rendering.html.contains("<code>{code|こーど}</code>"))
  }

  @Test func headings_getIDsAndSitBelowThePageTitle() {
    #expect(rendering.headings.first?.id == "h-退院支援の流れ")
    #expect(rendering.html.contains("<h2 id=\"h-退院支援の流れ\">"))
  }

  @Test func tablesFootnotesStrikethroughAndAutolinks_render() {
    #expect(rendering.html.contains("<table>"))
    #expect(rendering.html.contains("<th class=\"align-left\">職種</th>"))
    #expect(!rendering.html.contains(" align="))
    #expect(rendering.html.contains("class=\"footnotes\""))
    #expect(rendering.html.contains("<del>old</del>"))
    #expect(rendering.html.contains("href=\"http://www.example.com\""))
  }

  @Test func relativeImages_pointAtTheSiteCopyOfContent() {
    #expect(rendering.html.contains("src=\"../../content/day1/img/flow.png\""))
    #expect(rendering.contentLinks == ["day1/img/flow.png"])
  }

  @Test func plainText_hasNoMarkupAndNoReadings() {
    #expect(rendering.plainText.contains("退院支援の流れ"))
    #expect(!rendering.plainText.contains("なが"))
  }

  @Test func plainText_keepsDocumentOrderAcrossEmphasis() {
    let text = MarkdownRenderer().render("地域の**顔の見える関係**をつくる").plainText
    #expect(text.contains("地域の顔の見える関係をつくる"))
  }

  @Test func xmlText_isEscapedAndGetsRuby() {
    #expect(
      HTMLText.html("<script>{看取|みと}り") == "&lt;script&gt;<ruby>看取<rp>(</rp><rt>みと</rt><rp>)</rp></ruby>り")
    #expect(HTMLText.html("{not ruby}") == "{not ruby}")
    #expect(HTMLText.plain("{看取|みと}り") == "看取り")
  }
}
