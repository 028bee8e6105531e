import Testing

@testable import KenshuXML

/// `readXML` turns bytes into plain Swift values and every problem into a located diagnostic,
/// with libxml2 never loading anything itself.
@Suite struct ReadXMLTests {
  private func read(_ text: String) -> ParsedXML { readXML(Array(text.utf8), path: "t.xml") }

  @Test func test_wellFormedDocument_keepsNamesAttributesTextAndPositions() throws {
    let parsed = read(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <programme xmlns="urn:kenshu:1" id="p1">
        <title>多職種連携研修</title>
        <session id="gw1"
                 kind="groupwork" duration="PT60M"/>
      </programme>
      """)
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.root)
    #expect(root.name == "programme")
    #expect(root.namespace == "urn:kenshu:1")
    #expect(root.location.line == 2 && root.location.column == 1)
    #expect(root.child(named: "title")?.normalizedText == "多職種連携研修")
    let session = try #require(root.child(named: "session"))
    #expect(session.location.line == 4 && session.location.column == 3)
    // Attributes on a continuation line are located where they are written.
    #expect(session.location(ofAttribute: "kind").line == 5)
    #expect(session.location(ofAttribute: "kind").column == 12)
    #expect(session.location(ofAttribute: "duration").column == 29)
  }

  @Test func test_columns_countCharactersNotBytes() throws {
    let parsed = read("<a xmlns=\"urn:kenshu:1\"><b>研修</b><c x=\"1\"/></a>")
    let c = try #require(parsed.root?.child(named: "c"))
    #expect(c.location.column == 34)
  }

  @Test func test_doctype_isRefusedBeforeParsing_onItsOwnLine() {
    let parsed = read(
      "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>")
    #expect(parsed.root == nil)
    #expect(parsed.diagnostics.map(\.code) == ["xml-doctype"])
    #expect(parsed.diagnostics.first?.location.line == 3)
  }

  @Test func test_doctypeWordInsideAComment_isNotADoctype() {
    let parsed = read("<!-- <!DOCTYPE is not used here -->\n<a/>")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.root?.name == "a")
  }

  @Test func test_onlyAByteOrderMarkAndSpace_isEmpty() {
    let parsed = readXML([0xEF, 0xBB, 0xBF, 0x0A, 0x20], path: "t.xml")
    #expect(parsed.diagnostics.map(\.code) == ["xml-empty"])
  }

  @Test func test_utf8ByteOrderMark_isAccepted() {
    let parsed = readXML([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8), path: "t.xml")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.root?.name == "a")
  }

  @Test func test_declaredShiftJIS_withUTF8Bytes_isAMismatch() {
    let parsed = read("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<a>研修</a>")
    #expect(parsed.diagnostics.map(\.code) == ["xml-encoding"])
    #expect(parsed.diagnostics.first?.message.contains("Shift_JIS") == true)
  }

  @Test func test_declaredShiftJIS_withShiftJISBytes_isRead() {
    // 研修 in Shift_JIS: a trainer's file saved by an older Windows editor is still readable.
    let bytes =
      Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<a>".utf8) + [0x8C, 0xA4, 0x8F, 0x43]
      + Array("</a>".utf8)
    let parsed = readXML(bytes, path: "t.xml")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.root?.text == "研修")
  }

  @Test func test_asciiOnlyFile_withOtherDeclaredEncoding_isRead() {
    let parsed = read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>ok</a>")
    #expect(parsed.diagnostics.isEmpty)
  }

  @Test func test_utf16ByteOrderMark_onUTF8Bytes_isAMismatch() {
    let parsed = readXML([0xFF, 0xFE] + Array("<?xml version=\"1.0\"?><a/>".utf8), path: "t.xml")
    #expect(parsed.diagnostics.map(\.code) == ["xml-encoding"])
  }

  @Test func test_genuineUTF16_isRead() {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>研修</a>"
    let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let parsed = readXML(bytes, path: "t.xml")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.root?.text == "研修")
  }

  @Test func test_undefinedEntity_isAnEntityError() {
    let parsed = read("<a>&nbsp;</a>")
    #expect(parsed.diagnostics.map(\.code).contains("xml-entity"))
  }

  @Test func test_everyParserDiagnostic_hasALine_andIsReportedOnce() {
    let parsed = read("<a>\n<b>\n</a>")
    #expect(!parsed.diagnostics.isEmpty)
    #expect(parsed.diagnostics.allSatisfy { $0.location.line >= 1 })
    #expect(Set(parsed.diagnostics).count == parsed.diagnostics.count)
  }

  @Test(arguments: [
    ("多職種連携研修", "多職種連携研修"),
    ("  退院支援  ", "退院支援"),
    ("\u{3000}全角スペース\u{3000}", "全角スペース"),
    ("A  and\tB", "A  and\tB"),
    ("line one\n   line two", "line one line two"),
    ("講義\n  資料", "講義資料"),
    ("講義\n  PDF", "講義 PDF"),
    ("\n\n", ""),
    ("", ""),
    // The ends decoded from UTF-8 bytes: two-, three- and four-byte scalars, white space or not.
    ("\u{00A0}訪問看護\u{00A0}", "訪問看護"),
    ("é訪問看護é", "é訪問看護é"),
    ("研修🏥", "研修🏥"),
    ("🏥\u{2003}", "🏥"),
    ("訪問\r看護", "訪問看護"),
  ])
  func test_normalizedText_trimsAndJoinsLines(raw: String, expected: String) {
    #expect(normalizeXMLText(raw) == expected)
  }

  @Test func test_childLookup_findsByLocalName_inDocumentOrder() throws {
    let root = try #require(read("<a><b n=\"1\"/><c/><b n=\"2\"/></a>").root)
    #expect(root.child(named: "b")?.attribute("n") == "1")
    #expect(root.children(named: "b").map { $0.attribute("n") } == ["1", "2"])
    #expect(root.child(named: "d") == nil)
    #expect(root.children.map(\.name) == ["b", "c", "b"])
  }

  @Test func test_normalizedText_joinsJapaneseLinesWithoutSpaces() {
    #expect(normalizeXMLText("\n  退院支援と\n  急変時の対応\n") == "退院支援と急変時の対応")
    #expect(normalizeXMLText("home\n  care") == "home care")
  }
}
