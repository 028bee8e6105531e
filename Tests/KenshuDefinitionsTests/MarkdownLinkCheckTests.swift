import KenshuDefinitions
import KenshuModel
import Testing

/// Relative links and images in content Markdown that point at nothing are errors located in
/// the Markdown file, as validate and build see them.
@Suite struct MarkdownLinkCheckTests {
  private func load(_ markdown: String, files: [String] = []) throws -> LoadResult {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        <course id="c" start="13:00">
          <title>1日目</title>
          <session id="lec" kind="lecture" duration="PT60M"><title>講義</title><content src="day1/intro.md"/></session>
        </course>
      </programme>
      """)
    try project.write("content/day1/intro.md", markdown)
    for file in files { try project.write(file, "x") }
    return project.load(["curricula/p.xml"])
  }

  @Test func test_missingImageAndLink_areLocatedAtTheirTargets() throws {
    let result = try load("# 導入\n\n地図: ![地図](images/map.png) と [資料](../x/nothere.md)。\n")
    let image = try #require(result.diagnostics("markdown-image-missing").first)
    #expect(image.severity == .error)
    #expect(image.location == SourceLocation(file: "content/day1/intro.md", line: 3, column: 11))
    #expect(image.message == #"image "images/map.png" does not exist"#)
    #expect(image.hint?.hasPrefix("expected at content/day1/images/map.png") == true)
    #expect(image.wording(in: .ja).message == #"画像 "images/map.png" がありません"#)
    let link = try #require(result.diagnostics("markdown-link-missing").first)
    #expect(link.location == SourceLocation(file: "content/day1/intro.md", line: 3, column: 34))
    #expect(link.hint?.contains("content/x/nothere.md") == true)
  }

  @Test func test_targetsThatExist_webLinksAnchorsAndCode_areNotReported() throws {
    let markdown = """
      ![ok](images/map.png) [here](../x/here.md#top) [web](https://example.org) [a](#h-導入)
      [mail](mailto:a@example.org) `[no](nothere.md)` ![sp](<images/map.png>)

      ```
      ![x](code.png)
      ```
      [ref]: images/map.png
      """
    let result = try load(markdown, files: ["content/day1/images/map.png", "content/x/here.md"])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
  }

  @Test func test_aPathOutOfContent_andAReferenceDefinition_areReported() throws {
    let result = try load("text\n\n[ref]: ../../secret.txt\n[bad]: gone.pdf\n")
    let outside = try #require(result.diagnostics("markdown-link-outside").first)
    #expect(outside.location == SourceLocation(file: "content/day1/intro.md", line: 3, column: 8))
    #expect(result.diagnostics("markdown-link-missing").first?.location.line == 4)
  }

  @Test func test_percentEncodedNames_areDecoded() throws {
    let result = try load("![地図](images/%E5%9C%B0%E5%9B%B3.png)\n", files: ["content/day1/images/地図.png"])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
  }

  /// Markdown written inside the XML: relative paths start from `content/`, as the site
  /// resolves them there, and a missing target is reported at the element.
  @Test func test_inlineMarkdown_missingImageAndLink_areReportedAtTheElement() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        <course id="c" start="13:00">
          <title>1日目</title>
          <description>会場の地図: ![地図](images/map.png)</description>
          <session id="lec" kind="lecture" duration="PT60M"><title>講義</title>
            <content>[資料](day1/nothere.md) と [手引き](day1/here.md) と [Web](https://example.org)</content>
          </session>
        </course>
      </programme>
      """)
    try project.write("content/day1/here.md", "# 手引き\n")
    let result = project.load(["curricula/p.xml"])
    let image = try #require(result.diagnostics("markdown-image-missing").first)
    #expect(image.severity == .error)
    #expect(image.location.file == "curricula/p.xml" && image.location.line == 5, "\(image.formatted)")
    #expect(image.wording(in: .en).message == #"image "images/map.png" does not exist"#)
    #expect(
      image.wording(in: .en).hint
        == "expected at content/images/map.png; add it, or fix the path (relative to content/)")
    #expect(image.wording(in: .ja).message == #"画像 "images/map.png" がありません"#)
    #expect(image.wording(in: .ja).hint == "content/images/map.png に画像を置くか、content/ からの相対パスに直してください")
    let links = result.diagnostics("markdown-link-missing")
    #expect(links.count == 1, "\(links.map(\.formatted))")
    let link = try #require(links.first)
    #expect(link.location.file == "curricula/p.xml" && link.location.line == 7, "\(link.formatted)")
    #expect(link.wording(in: .en).message == #"link target "day1/nothere.md" does not exist"#)
    #expect(link.wording(in: .en).hint?.hasPrefix("expected at content/day1/nothere.md;") == true)
    #expect(link.wording(in: .ja).message == #"リンク先 "day1/nothere.md" がありません"#)
    #expect(link.wording(in: .ja).hint == "content/day1/nothere.md にファイルを置くか、content/ からの相対パスに直してください")
  }

  /// An inline path is not read from a content file's folder: `../` out of `content/` is refused.
  @Test func test_inlineMarkdown_pathOutOfContent_isReported() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        <purpose>[名簿](../rosters/all.csv)</purpose>
        <course id="c" start="13:00"><title>1日目</title>
          <session id="lec" kind="lecture" duration="PT60M"><title>講義</title></session>
        </course>
      </programme>
      """)
    let result = project.load(["curricula/p.xml"])
    let outside = try #require(result.diagnostics("markdown-link-outside").first)
    #expect(outside.location.file == "curricula/p.xml" && outside.location.line == 3)
  }
}
