import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// Fixture files copied into the test bundle (`Fixtures/…`).
enum Fixture {
  /// The bundled `Fixtures` folder.
  static var folder: URL {
    get throws {
      try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    }
  }

  static func url(_ relativePath: String) throws -> URL {
    try folder.appendingPathComponent(relativePath)
  }

  /// Loads the named files of a fixture project (a folder under Fixtures holding `content/`).
  static func load(_ files: [String], project: String) throws -> LoadResult {
    let root = try url(project)
    return ProjectLoader(root: root).load(files: files.map { root.appendingPathComponent($0) })
  }
}

/// A throw-away project folder under the system's temporary directory.
struct TemporaryProject {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  /// Writes `bytes` at `relativePath`, creating folders, and returns its URL.
  @discardableResult
  func write(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
    let url = root.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url
  }

  @discardableResult
  func write(_ relativePath: String, _ text: String) throws -> URL {
    try write(relativePath, Array(text.utf8))
  }

  func load(_ files: [String]) -> LoadResult {
    ProjectLoader(root: root).load(files: files.map { root.appendingPathComponent($0) })
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

extension LoadResult {
  /// The diagnostics with the given code.
  func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

  /// Every piece of text the run produced: the diagnostics and the whole loaded model, as JSON.
  var everyText: String {
    let encoder = JSONEncoder()
    let model = (try? encoder.encode(project)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return diagnostics.map { "\($0.message) \($0.hint ?? "")" }.joined(separator: "\n") + "\n" + model
  }
}
