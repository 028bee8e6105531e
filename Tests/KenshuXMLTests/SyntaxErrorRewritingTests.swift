import KenshuModel
import KenshuXML
import Testing

/// libxml2's syntax errors for the mistakes people make by hand, rewritten with the fix: one
/// diagnostic per root cause, at the mistake, in both languages.
@Suite struct SyntaxErrorRewritingTests {
  private func problems(_ text: String) -> [Diagnostic] {
    readXML(Array(text.utf8), path: "t.xml").diagnostics
  }

  /// The one diagnostic of `text`, which must be the only one.
  private func only(_ text: String) throws -> Diagnostic {
    let found = problems(text)
    #expect(found.count == 1, "\(found.map(\.formatted))")
    return try #require(found.first)
  }

  @Test func test_bareAmpersand_saysWriteAmp_atTheAmpersand_andNothingAfterIt() throws {
    // The unclosed <titl> after it would be a second libxml2 error; it follows from nothing, but
    // the document is already unusable, so the first mistake is the one reported.
    let d = try only("<p>\n  <title>休憩 & 交流</title>\n  <x>y</titl>\n</p>\n")
    #expect(d.code == "xml-syntax")
    #expect(d.location == SourceLocation(file: "t.xml", line: 2, column: 13))
    #expect(d.message == "a bare \"&\": 休憩 & 交流")
    #expect(d.hint?.contains("&amp;") == true)
    #expect(d.wording(in: .ja).message == "「&」がそのまま書かれています: 休憩 & 交流")
    #expect(d.wording(in: .ja).hint?.contains("&amp;") == true)
  }

  @Test func test_ampersandBeforeAWord_withoutSemicolon_isABareAmpersandToo() throws {
    let d = try only("<p><title>A&B 研修</title></p>")
    #expect(d.message.hasPrefix("a bare \"&\""))
    #expect(d.location.column == 12)
  }

  @Test func test_bareLessThan_inText() throws {
    let d = try only("<p>\n<t>血圧 < 140</t>\n</p>")
    #expect(d.message == "a bare \"<\" in the text: 血圧 < 140")
    #expect(d.wording(in: .ja).hint?.contains("&lt;") == true)
    #expect(d.location.line == 2)
    #expect(d.location.column == 7)
  }

  @Test func test_unquotedAttribute_namesTheAttribute() throws {
    let d = try only("<p>\n  <course id=\"c\" start=13:00>\n  </course>\n</p>")
    #expect(d.message == "the value of attribute 'start' has no quotes")
    #expect(d.hint == "write start=\"…\"")
    #expect(d.location.line == 2)
  }

  @Test func test_duplicatedAttribute_namesElementAndAttribute() throws {
    let d = try only("<p>\n  <course id=\"c\" start=\"13:00\" start=\"14:00\"/>\n</p>")
    #expect(d.message == "<course> has the attribute 'start' twice")
    #expect(d.wording(in: .ja).message == "<course> に属性 start が 2 回書かれています")
  }

  @Test func test_mismatchedEndTag_namesBothTags_andWhereTheFirstOpened() throws {
    let d = try only("<p>\n  <title>研修\n  </course>\n</p>")
    #expect(d.message == "</course> comes before <title>, opened at line 2, is closed")
    #expect(d.wording(in: .ja).message.contains("2 行目で開いた <title>"))
  }

  @Test func test_unclosedElement_atTheEnd_isOneError_namingItsLine() throws {
    let d = try only("<programme>\n  <title>x</title>\n  <course id=\"c\">\n")
    #expect(d.message == "<course>, opened at line 3, is never closed")
    #expect(d.wording(in: .ja).hint?.contains("</course>") == true)
  }

  @Test func test_textAfterTheRoot_namesTheRoot() throws {
    let d = try only("<programme>\n</programme>\n<extra/>\n")
    #expect(d.message == "something follows the end of the root element </programme>")
    #expect(d.location.line == 3)
  }

  @Test func test_declarationAfterSpace_saysItMustComeFirst() throws {
    let d = try only("\n<?xml version=\"1.0\"?>\n<p/>")
    #expect(d.message == "something comes before the <?xml …?> declaration")
  }

  @Test func test_undefinedEntity_keepsItsCode() throws {
    let d = try only("<p>&nbsp;</p>")
    #expect(d.code == "xml-entity")
    #expect(d.wording(in: .ja).message == "&nbsp; は XML では使えない文字参照です")
  }

  @Test func test_controlCharacter_isNamed() throws {
    let d = try only("<p>a\u{1}b</p>")
    #expect(d.message == "a character XML does not allow (U+0001)")
  }

  @Test func test_hugeAttribute_isOneDiagnostic() throws {
    let value = String(repeating: "a", count: 10_000_001)
    let d = try only("<p a=\"\(value)\"/>")
    #expect(d.code == "xml-node-too-large")
  }

  @Test func test_everyRewrittenMessage_hasAJapaneseWording() {
    let samples = [
      "<p>&</p>", "<p>< 1</p>", "<p a=1/>", "<p a=\"1\" a=\"2\"/>", "<p><q></p>", "<p>", "<p/><q/>",
      "<p>&x;</p>", "<!-- x", "<p a=\"1></p>",
    ]
    for sample in samples {
      for d in problems(sample) {
        #expect(d.japanese != nil, "\(sample): \(d.formatted) has no Japanese")
      }
    }
  }
}
