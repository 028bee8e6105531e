import Foundation
import KenshuModel
import Mustache
import Testing

@testable import KenshuSite

/// Every template escapes `{{variable}}` with `Markup.escape`, scalar by scalar.
@Suite struct TemplateEscapingTests {
  func render(_ template: String, _ context: [String: Any]) throws -> String {
    try MustacheTemplate(string: Theme.withKenshuEscaping(template)).render(context)
  }

  @Test func test_quoteFollowedByACombiningMark_isStillEscaped() throws {
    // `"\u{301}` is one Character; escaping by Character let it through and close the attribute.
    let html = try render("<a title=\"{{t}}\">x</a>", ["t": "a\"\u{301} onmouseover=alert(1) \"<\u{338}b>"])
    #expect(html == "<a title=\"a&quot;\u{301} onmouseover=alert(1) &quot;&lt;\u{338}b&gt;\">x</a>")
  }

  @Test func test_escapingMatchesMustacheForOrdinaryText_andTripleMustacheStaysRaw() throws {
    let context: [String: Any] = ["t": "<b>看護師 & 'ケアマネ'</b>", "h": "<em>x</em>"]
    let ours = try render("{{t}}|{{{h}}}|{{&h}}", context)
    let theirs = try MustacheTemplate(string: "{{t}}|{{{h}}}|{{&h}}").render(context)
    #expect(ours == theirs)
    #expect(ours == "&lt;b&gt;看護師 &amp; &#39;ケアマネ&#39;&lt;/b&gt;|<em>x</em>|<em>x</em>")
  }

  @Test func test_pragmaLineRendersNothing_standaloneFirstLinesKeepTheirMeaning() throws {
    let template = "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"
    let context: [String: Any] = ["items": ["a", "b"]]
    #expect(try render(template, context) == MustacheTemplate(string: template).render(context))
  }
}
