import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuTrainingDay

/// Issuing rules added after the first release of certificates: one certificate per person
/// and group (completion supersedes attendance), all-or-nothing writes, collected module
/// completions, default numbering, and the public register outside private/.
@Suite struct CertificateRulesTests {
  typealias Seeded = CertificateIssueTests.SeededGenerator

  func issue(
    _ fixture: TrainingDayFixture, date: String = "2026-10-20", revoke: [String] = [], seed: UInt64 = 1,
    edit: (inout CertificateIssue) -> Void = { _ in }
  ) throws -> CertificateRun {
    var issue = try CertificateIssue(project: try fixture.project(), programme: "day")
    edit(&issue)
    var generator = Seeded(state: seed)
    return issue.run(
      folder: CertificateIssue.folder(for: "day", root: fixture.root), date: date,
      siteURL: "https://example.jp/training/", revoke: revoke, using: &generator)
  }

  func importAttendance(_ csv: String, _ fixture: TrainingDayFixture) throws {
    try CertificateIssueTests().importAttendance(csv, fixture)
  }

  func ledger(_ fixture: TrainingDayFixture) throws -> CertificateLedger {
    let file = CertificateIssue.folder(for: "day", root: fixture.root).appendingPathComponent("ledger.csv")
    return CertificateLedger.read(try Table.read(contentsOf: file, displayName: file.path)).ledger
  }

  @Test func test_completionLater_supersedesTheAttendanceCertificate_oneValidPerPerson() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,,\n", fixture)
    let first = try issue(fixture)
    let attendance = try #require(first.issued.first { $0.entry.participant == "a01" }?.entry)
    #expect(attendance.number == "R8-受講-001")
    // a01 makes up the group work (a second sheet): the 修了証書 is issued, the 受講証明書 replaced.
    try importAttendance("participant,gw-am,gw-pm\na01,○,○\n", fixture)
    let second = try issue(fixture, seed: 7)
    let mine = second.issued.filter { $0.entry.participant == "a01" }
    #expect(mine.map(\.entry.number) == ["R8-修了-001"])
    #expect(second.superseded.map(\.number) == ["R8-受講-001"])
    #expect(second.superseded.first?.supersededBy == "R8-修了-001")
    #expect(
      second.json().contains(#""superseded":[{"by":"R8-修了-001","number":"R8-受講-001","participant":"a01"}]"#))
    let folder = CertificateIssue.folder(for: "day", root: fixture.root)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("R8-受講-001.html").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("R8-修了-001.html").path))
    let all = try String(contentsOf: folder.appendingPathComponent("all.html"), encoding: .utf8)
    #expect(!all.contains("R8-受講-001") && all.contains("R8-修了-001"))
    // The ledger keeps the replaced certificate, marked 差替 with its successor; it verifies as revoked.
    let rows = try ledger(fixture).entries
    let replaced = try #require(rows.first { $0.number == "R8-受講-001" })
    #expect(replaced.supersededBy == "R8-修了-001" && !replaced.isValid)
    let csv = try String(contentsOf: folder.appendingPathComponent("ledger.csv"), encoding: .utf8)
    #expect(csv.contains("差替,R8-修了-001"))
    let list = try VerificationList.read(
      Data(contentsOf: VerificationList.registerFile(for: "day", root: fixture.root)))
    #expect(list.verify(number: attendance.number, code: attendance.code)?.status == "revoked")
    // Stable on a rerun: nothing new, still superseded.
    let third = try issue(fixture, seed: 9)
    #expect(third.issued.filter(\.isNew).isEmpty)
    #expect(third.superseded.map(\.number) == ["R8-受講-001"])
  }

  @Test func test_holderOfTheCompletion_isNotGivenTheAttendanceCertificate_afterACorrection() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\n", fixture)
    _ = try issue(fixture)
    // A correction: a01 missed the afternoon. They keep the 修了証書 (with a warning) and get no 受講証明書.
    try importAttendance("participant,gw-pm\na01,\n", fixture)
    let again = try issue(fixture, seed: 3)
    #expect(again.issued.filter { $0.entry.participant == "a01" }.map(\.entry.number) == ["R8-修了-001"])
    #expect(again.issued.allSatisfy { !$0.isNew })
    #expect(again.diagnostics.contains { $0.code == "certificate-rule-no-longer-met" })
    #expect(try ledger(fixture).entries.count == 1)
  }

  @Test func test_aFailedWrite_leavesThePreviousLedgerPagesAndRegister() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\n", fixture)
    _ = try issue(fixture)
    let folder = CertificateIssue.folder(for: "day", root: fixture.root)
    let register = VerificationList.registerFile(for: "day", root: fixture.root)
    func snapshot() throws -> [String: Data] {
      var files: [String: Data] = ["register": try Data(contentsOf: register)]
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
      return files
    }
    let before = try snapshot()
    try importAttendance("participant,lec,gw-am,gw-pm\na02,○,○,○\na05,○,,\n", fixture)
    // Each file of the run in turn fails: pages, ledger, workbook, register.
    for failing in ["R8-修了-002.html", "all.html", "ledger.csv", "ledger.xlsx", ".day.json.staging"] {
      let failed = try issue(fixture, seed: 5) { issue in
        issue.writeFile = { data, url in
          if url.lastPathComponent.hasPrefix(failing) { throw CocoaError(.fileWriteOutOfSpace) }
          try data.write(to: url, options: .atomic)
        }
      }
      #expect(failed.diagnostics.contains { $0.code == "certificate-unwritable" }, "\(failing)")
      #expect(failed.files.isEmpty)
      #expect(try snapshot() == before, "a failure writing \(failing) changed the previous state")
      // No staging copy is left behind.
      let leftovers =
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        + FileManager.default.contentsOfDirectory(atPath: register.deletingLastPathComponent().path)
      #expect(leftovers.allSatisfy { !$0.contains("staging") }, "\(leftovers)")
    }
    // The same run without the failure issues both, numbered after the ledger as it was.
    let ok = try issue(fixture, seed: 5)
    #expect(!ok.diagnostics.hasErrors)
    #expect(Set(ok.issued.filter(\.isNew).map(\.entry.number)) == ["R8-修了-002", "R8-受講-001"])
  }

  @Test func test_moduleCompletionCollectedByTheServer_countsInPassRules() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\na02,○,○,○\n", fixture)
    var project = try fixture.project()
    project.programmes[0].awards[0].requirements.append(.pass(module: "safety", location: nil))
    var issue = try CertificateIssue(project: project, programme: "day")
    var generator = Seeded(state: 1)
    let folder = CertificateIssue.folder(for: "day", root: fixture.root)
    // Without the collected completion nobody meets the 修了証書's module requirement.
    let preview = issue.run(folder: folder, date: "2026-10-20", revoke: [], using: &generator)
    #expect(!preview.notEligible.contains { ["a01", "a02"].contains($0.participant) })
    #expect(preview.issued.count == 2 && preview.issued.allSatisfy { $0.entry.kind == .attendance })
    // a01's completion, collected by serve --collect, counts; a02 has none.
    issue.collectedCompletions = ["safety": ["a01"]]
    let fixtureB = try TrainingDayFixture()
    defer { fixtureB.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\na02,○,○,○\n", fixtureB)
    let run = issue.run(
      folder: CertificateIssue.folder(for: "day", root: fixtureB.root), date: "2026-10-20", revoke: [],
      using: &generator)
    let kinds = Dictionary(uniqueKeysWithValues: run.issued.map { ($0.entry.participant, $0.entry.kind) })
    #expect(kinds["a01"] == .completion)
    #expect(kinds["a02"] == .attendance)
    let record = project.attendance(of: "day").counting(["safety": ["a01", "zz9"]])
    #expect(record.attendee("a01")?.passed == ["safety"])
    #expect(record.attendee("a02")?.passed == [])
  }

  @Test func test_awardWithoutNumbering_numbersWithProgrammeAndAward_andValidateFindsSharedNumbers() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let file = fixture.root.appendingPathComponent("curricula/day.xml")
    var xml = try String(contentsOf: file, encoding: .utf8)
    xml = xml.replacingOccurrences(of: #" numbering="R8-修了-{n:03}""#, with: "")
    try xml.write(to: file, atomically: true, encoding: .utf8)
    // A second programme whose pattern can produce a number of the first's: R8-受講-{n:03} and R8-受講-0{n:02}.
    try #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" id="other" roster="day-roster">
      <title>別の研修</title>
      <course id="o-1" date="2026-11-01" start="10:00">
        <title>1日目</title>
        <session id="o-lec" kind="lecture" duration="PT60M"><title>講義</title></session>
      </course>
      <award id="o-done" kind="completion" numbering="R8-受講-0{n:02}"><attend/></award>
      <award id="o-part" kind="attendance"><attend minutes="30"/></award>
    </programme>
    """#.write(
      to: fixture.root.appendingPathComponent("curricula/other.xml"), atomically: true, encoding: .utf8)
    let loaded = fixture.load()
    let shared = loaded.diagnostics.filter { $0.code == "duplicate-numbering" }
    #expect(shared.count == 1, "\(loaded.diagnostics.map(\.formatted))")
    #expect(shared.first?.formatted.contains("day/part") == true, "\(shared.map(\.formatted))")
    #expect(shared.first?.formatted.contains("makes R8-受講-011") == true, "\(shared.map(\.formatted))")
    #expect(!loaded.diagnostics.contains { $0.code == "schema" && $0.formatted.contains("numbering") })
    let done = try #require(loaded.project.programme("day")?.awards.first)
    #expect(done.numbering.description == "day-done-{n:03}")
    #expect(loaded.project.programme("other")?.awards.last?.numbering.description == "other-o-part-{n:03}")
  }

  @Test func test_registerCheck_refusesNamesAndUnknownProgrammes() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\n", fixture)
    _ = try issue(fixture)
    #expect(!fixture.load().diagnostics.contains { $0.code.hasPrefix("register-") })
    let register = VerificationList.registerFile(for: "day", root: fixture.root)
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: register)) as? [String: Any])
    var entries = try #require(object["entries"] as? [[String: Any]])
    entries[0]["name"] = "髙橋 﨑子"
    object["entries"] = entries
    try JSONSerialization.data(withJSONObject: object).write(to: register)
    #expect(fixture.load().diagnostics.contains { $0.code == "register-not-public" && $0.severity == .error })
    entries[0].removeValue(forKey: "name")
    entries[0]["title"] = "修了証書 髙橋 﨑子"
    object["entries"] = entries
    try JSONSerialization.data(withJSONObject: object).write(to: register)
    #expect(fixture.load().diagnostics.contains { $0.code == "register-not-public" })
    try Data("{}".utf8).write(to: fixture.root.appendingPathComponent("verification/nothing.json"))
    #expect(fixture.load().diagnostics.contains { $0.code == "register-unknown-programme" })
  }
}
