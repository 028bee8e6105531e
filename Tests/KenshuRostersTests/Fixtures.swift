import Foundation

/// A fixture file's URL in the test bundle.
func fixtureURL(_ name: String) throws -> URL {
  let url = URL(fileURLWithPath: name)
  guard
    let found = Bundle.module.url(
      forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
      subdirectory: "Fixtures")
  else { throw FixtureMissing(name: name) }
  return found
}

/// A committed sample roster under `rosters/` in the package.
func sampleRosterURL(_ name: String) -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rosters").appendingPathComponent(name)
}

struct FixtureMissing: Error {
  var name: String
}
