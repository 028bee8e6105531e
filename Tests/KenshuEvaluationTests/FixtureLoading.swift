import Foundation

/// Reads a file from the test bundle's `Fixtures` folder.
func fixtureData(_ name: String, _ ext: String) throws -> Data {
  guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures")
  else { throw FixtureMissing(name: "\(name).\(ext)") }
  return try Data(contentsOf: url)
}

func fixtureURL(_ name: String, _ ext: String) throws -> URL {
  guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures")
  else { throw FixtureMissing(name: "\(name).\(ext)") }
  return url
}

struct FixtureMissing: Error { var name: String }

/// Equal to 1e-6, where "null" (undefined) on the reference side must be NaN or ±∞ here.
func matches(_ actual: Double, _ expected: Double?, tolerance: Double = 1e-6) -> Bool {
  guard let expected else { return !actual.isFinite }
  return abs(actual - expected) <= tolerance * max(1, abs(expected))
}
