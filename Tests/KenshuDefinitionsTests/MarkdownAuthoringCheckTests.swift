import KenshuDefinitions
import KenshuModel
import Testing

/// Markdown is checked for its readers like XML: images without alt text, HTML the site shows
/// as text, a first heading that repeats the page's, learner text linking to facilitator
/// material — in content files at their line and column, inline in the XML at the element.
@Suite struct MarkdownAuthoringCheckTests {
  private func load(
    purpose: String = "<purpose src=\"p/purpose.md\"/>", files: [String: String]
  ) throws -> LoadResult {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        \(purpose)
        <course id="c" start="13:00">
          <title>1日目</title>
          <session id="lec" kind="lecture" duration="PT60M"><title>退院支援の基本</title><content src="p/intro.md"/></session>
          <session id="gw" kind="groupwork" duration="PT60M">
            <title>事例検討</title>
            <groups size="5"/>
            <case id="c1" title="事例：Aさん" src="p/case.md">
              <answer-key src="p/case-key.md"/>
            </case>
            <question>何を優先しますか。</question>
          </session>
        </course>
      </programme>
      """)
    let defaults = [
      "content/p/purpose.md": "目的の本文。\n", "content/p/intro.md": "本文。\n",
      "content/p/case.md": "Aさんは 80 歳。\n", "content/p/case-key.md": "ポイント。\n",
    ]
    for (path, text) in defaults.merging(
      files.map { ("content/" + $0.key, $0.value) }, uniquingKeysWith: { $1 })
    {
      try project.write(path, text)
    }
    return project.load(["curricula/p.xml"])
  }

  @Test func test_imageWithoutAltText_isAWarningAtTheImage() throws {
    let result = try load(files: [
      "p/intro.md": "説明\n\n地図: ![](map.png) と ![ ](map.png) と ![地図](map.png)\n", "p/map.png": "x",
    ])
    let found = result.diagnostics("markdown-image-no-alt")
    #expect(found.count == 2)
    #expect(found.first?.severity == .warning)
    // At the target, as the link checks locate images.
    #expect(found.first?.location == SourceLocation(file: "content/p/intro.md", line: 3, column: 9))
    #expect(found.first?.wording(in: .ja).message.contains("代替テキストがありません") == true)
  }

  @Test func test_rawHTML_isAWarningSayingItIsShownAsText_codeAndAutolinksAreNot() throws {
    let markdown = """
      一行目<br>二行目
      <div class="box">囲み</div>
      `<b>コード</b>` と <https://example.org> と <a@example.org> と 5 < 6 と <5人

      ```
      <script>x</script>
      ```
      <!-- メモ -->
      """
    let result = try load(files: ["p/intro.md": markdown])
    let found = result.diagnostics("markdown-raw-html")
    #expect(found.map(\.location.line) == [1, 2, 8], "\(found.map(\.formatted))")
    #expect(found.first?.location.column == 4)
    #expect(found.first?.message.contains("<br>") == true)
    #expect(found.first?.message.contains("shows it as text") == true)
  }

  @Test func test_firstHeadingRepeatingThePageHeading_isAWarning() throws {
    let result = try load(files: [
      "p/purpose.md": "## 研修の目的\n\n目的の本文。\n",
      "p/intro.md": "# 退院支援の 基本\n\n本文。\n## 退院支援の基本\n",
    ])
    let found = result.diagnostics("markdown-heading-repeats-title")
    #expect(
      Set(found.map(\.location)) == [
        SourceLocation(file: "content/p/purpose.md", line: 1, column: 1),
        SourceLocation(file: "content/p/intro.md", line: 1, column: 1),
      ])
    let purpose = try #require(found.first { $0.location.file == "content/p/purpose.md" })
    #expect(purpose.wording(in: .ja).message.contains("「研修の目的」"))
  }

  @Test func test_aDifferentFirstHeading_isNotReported() throws {
    let result = try load(files: ["p/purpose.md": "本文の前に\n\n## 研修の目的\n", "p/intro.md": "## 入院時の連携\n\n本文。\n"])
    #expect(result.diagnostics("markdown-heading-repeats-title").isEmpty)
  }

  @Test func test_learnerTextLinkingToAnAnswerKey_isAWarning() throws {
    let result = try load(files: ["p/intro.md": "[解答](case-key.md) と [事例](case.md)\n"])
    let found = result.diagnostics("markdown-link-facilitator")
    #expect(found.count == 1)
    #expect(found.first?.location == SourceLocation(file: "content/p/intro.md", line: 1, column: 6))
    #expect(found.first?.message.contains("content/p/case-key.md") == true)
  }

  @Test func test_inlineMarkdown_isCheckedAtItsElement() throws {
    let result = try load(purpose: "<purpose>## 研修の目的\n\n本文&lt;br&gt;です ![](x.png)</purpose>", files: [:])
    for code in ["markdown-heading-repeats-title", "markdown-raw-html", "markdown-image-no-alt"] {
      let found = try #require(result.diagnostics(code).first, "\(code)")
      #expect(found.location.file == "curricula/p.xml" && found.location.line == 3, "\(found.formatted)")
    }
  }
}
