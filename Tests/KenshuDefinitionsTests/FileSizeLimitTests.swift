import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// The documented limit is the real one: a definition file up to 20 MB (20,000,000 bytes) is read
/// like any other, a bigger one is refused with one located error, and a single value over
/// libxml2's 10,000,000-byte limit gives one message, not libxml2's cascade of four.
@Suite struct FileSizeLimitTests {
  /// A valid programme of exactly `size` bytes: courses of one lecture with Markdown content,
  /// topped up with a comment.
  private static func programme(bytes size: Int) -> [UInt8] {
    let head =
      #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<programme xmlns="urn:kenshu:1" id="big">"#
      + "\n  <title>大きな研修</title>\n"
    let tail = "</programme>\n"
    var text = head
    var index = 0
    var used = head.utf8.count + tail.utf8.count
    let lines = (0..<40).map { "        在宅医療と介護の連携について、多職種で確認する\($0)。\n" }.joined()
    while true {
      let course =
        "  <course id=\"d\(index)\" start=\"09:00\">\n    <title>\(index)日目</title>\n"
        + "    <session id=\"s\(index)\" kind=\"lecture\" duration=\"PT30M\"><title>講義\(index)</title>\n"
        + "      <content>\n\(lines)      </content>\n    </session>\n  </course>\n"
      if used + course.utf8.count + 16 > size { break }
      text += course
      used += course.utf8.count
      index += 1
    }
    let padding = size - used - "<!---->\n".utf8.count
    text += "<!--" + String(repeating: "x", count: padding) + "-->\n" + tail
    return Array(text.utf8)
  }

  @Test(arguments: [9_900_000, 10_100_000, 19_900_000])
  func test_fileUnderTheLimit_isReadCleanly(size: Int) throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let bytes = Self.programme(bytes: size)
    #expect(bytes.count == size)
    try project.write("curricula/big.xml", bytes)
    let result = project.load(["curricula/big.xml"])
    #expect(result.diagnostics.isEmpty, "got: \(result.diagnostics.prefix(3).map(\.formatted))")
    #expect(result.project.programmes.first?.courses.count ?? 0 > 1000)
  }

  @Test func test_fileOverTheLimit_isRefusedWithOneError() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("curricula/big.xml", Self.programme(bytes: 20_100_000))
    let result = project.load(["curricula/big.xml"])
    #expect(result.diagnostics.map(\.code) == ["xml-too-large"])
    #expect(result.diagnostics.first?.location.file == "curricula/big.xml")
    #expect(result.diagnostics.first?.message.contains("20 MB (20,000,000 bytes)") == true)
  }

  @Test(arguments: ["text", "attribute", "comment"])
  func test_oneHugeValue_isOneLocatedError(kind: String) throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let huge = String(repeating: "あいうえお", count: 700_000)  // 10.5 MB of UTF-8
    let session =
      switch kind {
      case "text":
        #"<session id="s" kind="lecture" duration="PT10M"><title>t</title><content>\#(huge)</content></session>"#
      case "attribute":
        #"<session id="s" kind="lecture" duration="PT10M" venue="\#(huge)"><title>t</title></session>"#
      default: #"<!-- \#(huge) --><session id="s" kind="lecture" duration="PT10M"><title>t</title></session>"#
      }
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        <course id="d1" start="09:00"><title>1日目</title>
      \(session)
        </course>
      </programme>

      """
    try project.write("curricula/huge.xml", text)
    let result = project.load(["curricula/huge.xml"])
    #expect(
      result.diagnostics.map(\.code) == ["xml-node-too-large"], "got: \(result.diagnostics.map(\.formatted))")
    #expect(result.diagnostics.first?.location == SourceLocation(file: "curricula/huge.xml", line: 5))
  }
}
