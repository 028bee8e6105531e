import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// A copy of `Fixtures/project` in a temporary folder, loaded with the real loader, so each
/// test can import and issue without touching the others.
struct TrainingDayFixture {
  let root: URL

  init() throws {
    let source = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
      .appendingPathComponent("project")
    root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-day-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: source, to: root)
  }

  /// The project as `kenshu` loads it now (attendance records included), and its diagnostics.
  func load() -> LoadResult { ProjectLoader(root: root).load() }

  func project() throws -> Project {
    let result = load()
    let errors = result.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw FixtureError(errors.map(\.formatted).joined(separator: "\n")) }
    return result.project
  }

  /// A file of `Fixtures/`.
  static func file(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(name)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

struct FixtureError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
