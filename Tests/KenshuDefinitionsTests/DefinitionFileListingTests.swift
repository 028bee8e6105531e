import Foundation
import KenshuDefinitions
import Testing

/// `ProjectLoader.xmlFiles(under:)` lists definitions as `FileManager`'s enumerator with
/// `.skipsHiddenFiles` did before it was replaced by a faster walk: same files, same order.
@Suite struct DefinitionFileListingTests {
  /// The listing as it was made before: the specification of the walk.
  private func enumeratorListing(under folder: URL) -> [String] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var paths: [String] = []
    for case let url as URL in enumerator where url.pathExtension.lowercased() == "xml" {
      paths.append(url.path)
    }
    return paths.sorted()
  }

  private func makeTree() throws -> TemporaryProject {
    let project = try TemporaryProject()
    let fileManager = FileManager.default
    for path in [
      "curricula/b.xml", "curricula/a.XML", "curricula/notes.md", "curricula/sub/c.xml",
      "curricula/sub/deeper/d.xml", "curricula/.hidden.xml", "curricula/.drafts/e.xml",
      "curricula/folder.xml/inner.xml", "curricula/x.xml.bak", "curricula/研修.xml", "elsewhere/f.xml",
    ] {
      try project.write(path, "<programme/>")
    }
    try fileManager.createSymbolicLink(
      at: project.root.appendingPathComponent("curricula/linked"),
      withDestinationURL: project.root.appendingPathComponent("elsewhere"))
    try fileManager.createSymbolicLink(
      at: project.root.appendingPathComponent("curricula/link.xml"),
      withDestinationURL: project.root.appendingPathComponent("elsewhere/f.xml"))
    try fileManager.createSymbolicLink(
      at: project.root.appendingPathComponent("linked-curricula"),
      withDestinationURL: project.root.appendingPathComponent("curricula"))
    return project
  }

  @Test func test_listing_isTheEnumerators_filesAndOrder() throws {
    let project = try makeTree()
    defer { project.remove() }
    let folder = project.root.appendingPathComponent("curricula")
    let listed = ProjectLoader.xmlFiles(under: folder).map(\.path)
    #expect(listed == enumeratorListing(under: folder))
    #expect(
      listed.map { String($0.dropFirst(folder.path.count + 1)) } == [
        "a.XML", "b.xml", "folder.xml", "folder.xml/inner.xml", "link.xml", "sub/c.xml", "sub/deeper/d.xml",
        "研修.xml",
      ])
  }

  @Test func test_folderThatIsASymbolicLink_isNotFollowed_asBefore() throws {
    let project = try makeTree()
    defer { project.remove() }
    let folder = project.root.appendingPathComponent("linked-curricula")
    #expect(ProjectLoader.xmlFiles(under: folder).isEmpty)
    #expect(enumeratorListing(under: folder).isEmpty)
  }

  @Test func test_missingFolder_listsNothing() {
    let folder = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
    #expect(ProjectLoader.xmlFiles(under: folder).isEmpty)
  }
}
