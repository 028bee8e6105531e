import Foundation
import KenshuModel
import Testing

@testable import KenshuDefinitions

/// `ContentFiles` answers most paths from one listing of `content/` and reads each file once;
/// every answer must be the one the file system gives (`referenceResolve`, reading the file
/// where it is checked), whatever the path: links inside and out of the folder, `.` and `..`,
/// names equal only after Unicode normalisation, characters that are refused, missing files.
@Suite struct ContentFilesReferenceTests {
  /// A content folder with every kind of entry a path can meet, and the pieces paths are made of.
  static func makeTree() throws -> (project: URL, components: [String]) {
    let project = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-content-\(UUID().uuidString)")
    let content = project.appendingPathComponent("content")
    let manager = FileManager.default
    func write(_ path: String, _ text: String) throws {
      let url = content.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try write("a.md", "# A\n")
    try write("cases/b.md", "本文\n")
    try write("cases/deep/c.md", "c\n")
    try write("ケース/事例.md", "事例\n")
    try write("caf\u{E9}.md", "composed\n")  // é composed; `cafe\u{301}.md` is another name
    try write(".hidden.md", "hidden\n")
    try write("a:b.md", "colon\n")
    try write("images/x.png", "png")
    try write("space name.md", "space\n")
    try manager.createDirectory(
      at: content.appendingPathComponent("empty"), withIntermediateDirectories: true)
    try Data([0x8C, 0xA4, 0x8F, 0x43, 0x0A]).write(to: content.appendingPathComponent("cases/cp932.md"))
    try Data([0xEF, 0xBB, 0xBF] + Array("# BOM\n".utf8)).write(
      to: content.appendingPathComponent("cases/bom.md"))
    try Data("outside\n".utf8).write(to: project.appendingPathComponent("outside.md"))
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("link.md").path, withDestinationPath: "a.md")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("linked").path, withDestinationPath: "cases")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("out.md").path, withDestinationPath: "../outside.md")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("outfolder").path, withDestinationPath: "..")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
    // The project reached through a link too: `content/` is then not its own real path.
    try manager.createSymbolicLink(
      atPath: project.path + "-link", withDestinationPath: project.path)
    let components = [
      "a.md", "cases", "b.md", "cp932.md", "bom.md", "deep", "c.md", "ケース", "事例.md", "caf\u{E9}.md",
      "cafe\u{301}.md", ".hidden.md",
      "a:b.md", "images", "x.png", "space name.md", "empty", "link.md", "linked", "out.md", "outfolder",
      "dangling.md", "missing.md", ".", "..", "", "content", "outside.md", "a\\b.md", "A.md", "%20", "b.md#x",
    ]
    return (project, components)
  }

  static func randomPath(_ components: [String], _ random: inout LinearCongruential) -> String {
    var parts: [String] = []
    for _ in 0...random.next(below: 4) { parts.append(components[random.next(below: components.count)]) }
    var path = parts.joined(separator: "/")
    switch random.next(below: 10) {
    case 0: path = "/" + path
    case 1: path += "/"
    default: break
    }
    return path
  }

  @Test func test_resolve_answersAsTheFileSystemDoes() throws {
    let (project, components) = try Self.makeTree()
    defer {
      try? FileManager.default.removeItem(atPath: project.path + "-link")
      try? FileManager.default.removeItem(at: project)
    }
    var random = LinearCongruential(seed: 18)
    var listedHits = 0
    for projectPath in [project.path, project.path + "-link"] {
      let root = URL(fileURLWithPath: projectPath).appendingPathComponent("content")
      let files = ContentFiles(root: root, displayRoot: root.deletingLastPathComponent(), listing: true)
      let unlisted = ContentFiles(root: root, displayRoot: root.deletingLastPathComponent())
      for path in components + (0..<4000).map({ _ in Self.randomPath(components, &random) }) {
        let resolution = files.resolve(path)
        #expect(resolution == files.referenceResolve(path), "\(path)")
        #expect(unlisted.resolve(path) == resolution, "\(path)")
        if case .found = resolution { listedHits += 1 }
      }
    }
    #expect(listedHits > 100)
  }

  @Test func test_read_givesWhatReadingTheFileGives() throws {
    let (project, components) = try Self.makeTree()
    defer {
      try? FileManager.default.removeItem(atPath: project.path + "-link")
      try? FileManager.default.removeItem(at: project)
    }
    let root = project.appendingPathComponent("content")
    var random = LinearCongruential(seed: 37)
    let paths = components + (0..<1000).map { _ in Self.randomPath(components, &random) }
    let files = ContentFiles(root: root, displayRoot: project, listing: true).reading(
      Array(paths.prefix(600)))
    let unlisted = ContentFiles(root: root, displayRoot: project)
    for path in paths {
      let read = files.read(path)
      var expected: Data?
      if case .found(let url) = unlisted.referenceResolve(path) { expected = try? Data(contentsOf: url) }
      #expect((read != nil) == (expected != nil), "\(path)")
      let invalid = expected.flatMap { data in
        ContentEncodingCheck.referenceFirstInvalidUTF8(data).map { ($0, data) }
      }
      #expect(read?.invalidUTF8?.offset == invalid?.0, "\(path)")
      #expect(read?.invalidUTF8?.bytes == invalid?.1, "\(path)")
      #expect(read?.text == expected.flatMap { String(data: $0, encoding: .utf8) }, "\(path)")
      #expect(
        read?.text?.utf8.elementsEqual((expected.flatMap { String(data: $0, encoding: .utf8) } ?? "").utf8)
          ?? true)
    }
  }
}
