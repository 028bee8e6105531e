import Foundation
import Testing

@testable import KenshuDefinitions

/// Qualification warnings are for organisations that record qualifications: a one-off local
/// training whose roster records none is not warned about every facilitator it names.
@Suite struct QualificationTrackingTests {
  func codes(_ files: [String]) throws -> [String] {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
      .appendingPathComponent("codes")
    let result = ProjectLoader(root: folder).load(files: files.map { folder.appendingPathComponent($0) })
    return result.diagnostics.map(\.code)
  }

  @Test func test_rosterWithoutQualifications_givesNoQualificationWarnings() throws {
    let found = try codes(["unqualified.xml", "roster-untracked.xml"])
    #expect(!found.contains("unqualified-facilitator"))
    #expect(!found.contains("unqualified-instructor"))
  }

  @Test func test_rosterRecordingQualifications_warnsAboutTheUnqualified() throws {
    let found = try codes(["unqualified.xml", "roster.xml"])
    #expect(found.contains("unqualified-facilitator"))
    #expect(found.contains("unqualified-instructor"))
  }

  @Test func test_undefinedRoster_isOneErrorNotOnePerPerson() throws {
    let found = try codes(["unqualified.xml"])
    #expect(found.filter { $0 == "unknown-roster" }.count == 1)
    #expect(!found.contains("unknown-person"))
  }
}
