import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// Loading works on files as they are on disk: missing, huge, symlinked out of the project.
@Suite struct ProjectLoaderTests {
  private static let lecture = """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" id="p">
      <title>研修</title>
      <course id="day1" start="13:00">
        <title>1日目</title>
        <session id="lec" kind="lecture" duration="PT30M">
          <title>講義</title>
          <content src="%@"/>
        </session>
      </course>
    </programme>
    """

  @Test func test_symlinkEscapingContent_isOutside() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let outside = try TemporaryProject()
    defer { outside.remove() }
    let secret = try outside.write("secret.md", "秘密")
    try FileManager.default.createDirectory(
      at: project.root.appendingPathComponent("content"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: project.root.appendingPathComponent("content/escape.md"), withDestinationURL: secret)
    try project.write("curricula/p.xml", String(format: Self.lecture, "escape.md"))
    let result = project.load(["curricula/p.xml"])
    let error = try #require(result.diagnostics("content-outside").first)
    #expect(error.location.file == "curricula/p.xml")
    #expect(error.location.line == 8)
    #expect(error.location.column == 16)
  }

  @Test func test_contentInsideTheProject_isFound() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("content/day1/functions.md", "# 在宅医療の4つの機能")
    try project.write("curricula/p.xml", String(format: Self.lecture, "day1/functions.md"))
    let result = project.load(["curricula/p.xml"])
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
  }

  @Test(arguments: [
    "curricula/p.xml", "curricula/../curricula/p.xml", "curricula/./p.xml", "curricula//p.xml",
  ])
  func test_filesInsideTheProject_areNamedRelativeToIt(path: String) throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("curricula/p.xml", "<programme/>")
    let result = project.load([path])
    #expect(result.files == ["curricula/p.xml"])
    #expect(result.diagnostics.allSatisfy { $0.location.file == "curricula/p.xml" })
  }

  @Test func test_missingFile_isUnreadable() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let result = project.load(["curricula/none.xml"])
    #expect(result.diagnostics.map(\.code) == ["file-unreadable"])
    #expect(result.diagnostics.first?.location.file == "curricula/none.xml")
  }

  @Test func test_fileOver20MB_isRefusedUnread() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let url = try project.write("big.xml", "<programme/>")
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 21 * 1024 * 1024)  // sparse: no 21 MB written to disk
    try handle.close()
    let result = project.load(["big.xml"])
    #expect(result.diagnostics.map(\.code) == ["xml-too-large"])
  }

  @Test func test_manyFiles_loadInParallel_inFileOrder() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    var names: [String] = []
    for index in 0..<40 {
      let name = "curricula/p\(index).xml"
      names.append(name)
      try project.write(
        name,
        String(format: Self.lecture, "missing.md").replacingOccurrences(
          of: #"id="p""#, with: #"id="p\#(index)""#))
    }
    let result = project.load(names)
    #expect(result.project.programmes.map(\.id) == (0..<40).map { "p\($0)" })
    #expect(result.diagnostics("missing-content").count == 40)
    #expect(result.files == names)
  }
}
