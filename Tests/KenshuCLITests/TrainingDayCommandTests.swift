import Foundation
import Testing

/// The training day from the command line: reception sheet, attendance import (with and
/// without errors), certificates as JSON, and the verify page of the built site.
@Suite struct TrainingDayCommandTests {
  func project() throws -> URL {
    let folder = try makeTemporaryFolder().appendingPathComponent("project")
    try FileManager.default.copyItem(
      at: KenshuBinary.repositoryRoot.appendingPathComponent("Tests/KenshuTrainingDayTests/Fixtures/project"),
      to: folder)
    return folder
  }

  @Test func test_theWholeDay_sheetImportCertificatesAndVerifyPage() throws {
    let root = try project()
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let sheet = try KenshuBinary.run(["attendance", "sheet", "day"], in: root)
    #expect(sheet.status == 0, "\(sheet.stderr)")
    for name in ["html", "csv", "xlsx"] {
      #expect(
        FileManager.default.fileExists(
          atPath: root.appendingPathComponent("private/attendance/reception-day.\(name)").path))
    }

    let bad = root.appendingPathComponent("bad.csv")
    try Data("participant,lec,gw-am,gw-pm\na01,○,△,○\nzz9,○,○,○\n".utf8).write(to: bad)
    let refused = try KenshuBinary.run(["attendance", "import", "bad.csv", "--programme", "day"], in: root)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("bad.csv:2:3: error:"), "\(refused.stderr)")
    #expect(refused.stdout.contains("2 rows: 1 matched, 1 unmatched, 0 ambiguous"), "\(refused.stdout)")
    #expect(
      !FileManager.default.fileExists(atPath: root.appendingPathComponent("rosters/attendance-day.xml").path))

    let good = root.appendingPathComponent("good.csv")
    try Data("participant,lec,gw-am,gw-pm\na01,○,○,○\na02,○,,\n".utf8).write(to: good)
    let dry = try KenshuBinary.run(
      ["attendance", "import", "good.csv", "--programme", "day", "--dry-run"], in: root)
    #expect(dry.status == 0)
    #expect(
      !FileManager.default.fileExists(atPath: root.appendingPathComponent("rosters/attendance-day.xml").path))
    let imported = try KenshuBinary.run(["attendance", "import", "good.csv", "--programme", "day"], in: root)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try KenshuBinary.run(["validate", "--strict"], in: root).status == 0)

    let issued = try KenshuBinary.run(
      ["certificates", "day", "--format", "json", "--date", "2026-10-20"], in: root)
    #expect(issued.status == 0, "\(issued.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any])
    let certificates = try #require(json["issued"] as? [[String: Any]])
    #expect(Set(certificates.compactMap { $0["number"] as? String }) == ["R8-修了-001", "R8-受講-001"])
    let notEligible = try #require(json["not_eligible"] as? [[String: Any]])
    #expect(notEligible.contains { $0["participant"] as? String == "a03" })

    // The register is outside private/ (git-ignored): a build on another machine — here, with
    // private/ gone — publishes the same digests.
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("verification/day.json").path))
    try FileManager.default.moveItem(
      at: root.appendingPathComponent("private"),
      to: root.deletingLastPathComponent().appendingPathComponent("kept"))
    #expect(try KenshuBinary.run(["validate", "--strict"], in: root).status == 0)
    let build = try KenshuBinary.run(["build"], in: root)
    #expect(build.status == 0, "\(build.stderr)")
    let page = try String(contentsOf: root.appendingPathComponent("site/verify/index.html"), encoding: .utf8)
    #expect(page.contains("id=\"verify-result\""))
    #expect(page.contains("../verify/certificates.js") && page.contains("../assets/verify.js"))
    let data = try String(
      contentsOf: root.appendingPathComponent("site/verify/certificates.js"), encoding: .utf8)
    #expect(data.contains("\"digest\""))
    // The salt and digests are random hex, which may spell a short id such as "a01" by
    // chance: look for the secrets in everything but them.
    let published = data.replacingOccurrences(of: "[0-9a-f]{32,64}", with: "", options: .regularExpression)
    for secret in ["髙橋", "山田", "a01", "a02", "R8-修了-001"] + certificates.compactMap({ $0["code"] as? String })
    {
      #expect(!published.contains(secret), "the site publishes \(secret)")
    }
    // Nothing of the day's personal data is in the site.
    let files =
      FileManager.default.enumerator(atPath: root.appendingPathComponent("site").path)?.allObjects
      as? [String]
    #expect(
      !(files ?? []).contains {
        $0.contains("ledger") || $0.contains("attendance") || $0.contains("reception")
      })
  }
}
