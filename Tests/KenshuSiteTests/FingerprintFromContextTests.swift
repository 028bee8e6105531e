import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// Pages are kept on a rebuild only when what they are rendered with is unchanged: the
/// fingerprint is taken from the page's context, so a model change the context shows cannot
/// leave a stale page (issue 17).
@Suite struct FingerprintFromContextTests {
  static let lecture = "programmes/renkei2026/day1/sessions/gw1.html"

  /// The sample project with two facilitators on the group work, both qualified for the
  /// programme (the rosters record qualifications, so unqualified ones are left off).
  static func projectWithFacilitators(qualifyingSecond: Bool = true) -> Project {
    var project = SampleProject.make()
    project.programmes[0].courses[0].sessions[3].facilitators = ["f1", "f2"]
    let qualified = [Qualification(subject: "renkei2026", role: .facilitator)]
    project.rosters = [
      Roster(
        id: "staff",
        people: [
          Person(
            id: "f1", name: "佐藤花子", profession: .nurse, roles: [.facilitator], qualifications: qualified),
          Person(
            id: "f2", name: "鈴木一郎", profession: .careManager, roles: [.facilitator],
            qualifications: qualifyingSecond ? qualified : []),
        ])
    ]
    return project
  }

  /// Every file of a site folder, by relative path (the writer's marker left out).
  static func files(_ site: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else {
        continue
      }
      let relative = String(url.standardizedFileURL.path.dropFirst(site.standardizedFileURL.path.count + 1))
      guard relative != SiteWriteSession.marker else { continue }
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }

  @Test func removingAFacilitatorsQualification_dropsTheNameOnTheIncrementalRebuild() throws {
    let folder = SampleProject.temporaryFolder()
    let site = folder.appendingPathComponent("site")
    let builder = SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: site, writeMode: .inPlace))
    _ = try builder.build(Self.projectWithFacilitators())
    #expect(SampleProject.read(site, Self.lecture).contains("鈴木一郎"))

    let edited = Self.projectWithFacilitators(qualifyingSecond: false)
    let report = try builder.build(edited)
    #expect(report.published)
    #expect(report.written > 0)
    #expect(!SampleProject.read(site, Self.lecture).contains("鈴木一郎"))
    #expect(SampleProject.read(site, Self.lecture).contains("佐藤花子"))

    let cold = folder.appendingPathComponent("cold")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: cold)).build(edited)
    #expect(try Self.files(site) == Self.files(cold))
  }

  @Test func anUnchangedProject_keepsEveryPage() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    let builder = SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: site, writeMode: .inPlace))
    let project = Self.projectWithFacilitators()
    let first = try builder.build(project)
    let again = try builder.build(project)
    #expect(first.written > 0)
    #expect(again.written == 0)
    #expect(again.unchanged == first.files)
  }

  @Test func contextHash_followsValuesNotDictionaryOrder_andRefusesUnknownTypes() {
    func hash(_ value: Any) -> Int? {
      var hasher = Hasher()
      return ContextFingerprint.combine(value, into: &hasher) ? hasher.finalize() : nil
    }
    let one: [String: Any] = ["a": "x", "b": [["c": true]], "d": ["p", "q"]]
    var other: [String: Any] = [:]
    for key in ["d", "b", "a"] { other[key] = one[key] }
    #expect(hash(one) == hash(other))
    #expect(hash(one) != hash(["a": "x", "b": [["c": false]], "d": ["p", "q"]] as [String: Any]))
    #expect(hash(["a": "x"] as [String: Any]) != hash(["a": ["x"]] as [String: Any]))
    #expect(hash(["a": 1.5] as [String: Any]) == nil)
  }
}
