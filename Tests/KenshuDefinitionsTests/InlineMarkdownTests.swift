import KenshuModel
import KenshuXML
import Testing

@testable import KenshuDefinitions

/// Markdown written inside XML keeps its structure, and knows where in the file it starts.
@Suite struct InlineMarkdownTests {
  private func element(_ text: String, line: Int = 10) -> KenshuXML.XMLElement {
    XMLElement(
      name: "body", content: [.text(text)], location: SourceLocation(file: "f.xml", line: line, column: 7))
  }

  @Test func test_indentedMarkdown_losesItsCommonIndentation() {
    let markdown = element("\n        ## ねらい\n\n        - 退院支援\n          - 急変時\n      ").inlineMarkdown
    #expect(markdown.text == "## ねらい\n\n- 退院支援\n  - 急変時")
    #expect(markdown.location == SourceLocation(file: "f.xml", line: 11, column: 9))
  }

  @Test func test_textOnTheTagsLine_hasNoKnownColumn() {
    let markdown = element("本文です。\n  続き").inlineMarkdown
    #expect(markdown.text == "本文です。\n  続き")
    #expect(markdown.location == SourceLocation(file: "f.xml", line: 10, column: 0))
  }

  @Test func test_linesOfFullWidthSpaces_areBlank() {
    let markdown = element("\n\u{3000}\n  本文\n").inlineMarkdown
    #expect(markdown.text == "本文")
    #expect(markdown.location.line == 12)
  }

  @Test func test_emptyText_isEmpty() {
    #expect(element("\n   \n").inlineMarkdown.text == "")
    #expect(element("").inlineMarkdown.text == "")
  }
}
