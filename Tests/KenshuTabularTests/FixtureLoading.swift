import Foundation

/// Loads a fixture file's bytes from the test bundle.
func fixture(_ name: String) throws -> Data {
  let url = URL(fileURLWithPath: name)
  guard
    let found = Bundle.module.url(
      forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
      subdirectory: "Fixtures")
  else { throw FixtureMissing(name: name) }
  return try Data(contentsOf: found)
}

/// Loads a fixture file's URL from the test bundle.
func fixtureURL(_ name: String) throws -> URL {
  let url = URL(fileURLWithPath: name)
  guard
    let found = Bundle.module.url(
      forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
      subdirectory: "Fixtures")
  else { throw FixtureMissing(name: name) }
  return found
}

struct FixtureMissing: Error {
  var name: String
}
