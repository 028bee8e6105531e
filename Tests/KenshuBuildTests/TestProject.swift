import Foundation
import KenshuDefinitions
import KenshuModel

/// A small project on disk for build tests: `kenshu init`'s scaffold, plus a glossary and a
/// roster whose two facilitators are qualified for the programme and facilitate its group work.
struct TestProject {
  let root: URL
  var layout: ProjectLayout { ProjectLayout(root: root) }
  /// Modification times handed out in order, so that every edit is seen whatever the file
  /// system's clock resolution.
  private static let clock = Clock()

  static func make() throws -> TestProject {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-build-tests-\(UUID().uuidString)")
    let root = folder.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    _ = try ProjectScaffold.write(into: root)
    let project = TestProject(root: root)
    try project.replace(
      in: "curricula/my-training.xml", #"<session id="gw1" kind="groupwork""#,
      with: #"<session id="gw1" kind="groupwork" facilitators="f1 f2""#)
    try project.write("curricula/glossary.xml", glossary)
    try project.write("rosters/staff.xml", roster(qualifyingSecond: true))
    return project
  }

  static let glossary = """
    <?xml version="1.0" encoding="UTF-8"?>
    <glossary xmlns="urn:kenshu:1" xml:lang="ja">
      <term id="acp" name="人生会議" reading="じんせいかいぎ" english="Advance care planning">もしものときの医療・ケアを話し合う取り組み。</term>
    </glossary>

    """

  static func roster(qualifyingSecond: Bool, secondName: String = "鈴木 一郎") -> String {
    let second = qualifyingSecond ? #"<qualification subject="my-training" role="facilitator"/>"# : ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <roster xmlns="urn:kenshu:1" id="staff" xml:lang="ja">
        <title>スタッフ</title>
        <person id="f1" name="佐藤 花子" profession="nurse" roles="facilitator">
          <qualification subject="my-training" role="facilitator"/>
        </person>
        <person id="f2" name="\(secondName)" profession="care-manager" roles="facilitator">\(second)</person>
      </roster>

      """
  }

  func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

  /// Writes a file (creating its folder) with the next modification time.
  func write(_ path: String, _ text: String) throws {
    let file = url(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    try FileManager.default.setAttributes([.modificationDate: Self.clock.next()], ofItemAtPath: file.path)
  }

  func replace(in path: String, _ old: String, with new: String) throws {
    let text = try read(path)
    guard text.contains(old) else { throw EditFailed(description: "\(path) has no \(old)") }
    try write(path, text.replacingOccurrences(of: old, with: new))
  }

  func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

  /// A site folder's files by relative path, Kenshu's hidden marker files left out.
  static func files(_ site: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = site.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    while let relative = enumerator?.nextObject() as? String {
      let path = base + "/" + relative
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
        !(relative as NSString).lastPathComponent.hasPrefix(".")
      else { continue }
      files[relative] = FileManager.default.contents(atPath: path)
    }
    return files
  }

  struct EditFailed: Error, CustomStringConvertible {
    var description: String
  }

  final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = Date().timeIntervalSince1970.rounded(.down) - 100_000

    func next() -> Date {
      lock.withLock {
        seconds += 1
        return Date(timeIntervalSince1970: seconds)
      }
    }
  }
}
