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
}
