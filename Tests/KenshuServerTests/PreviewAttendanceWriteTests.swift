import Foundation
import KenshuBuild
import KenshuDefinitions
import KenshuModel
import KenshuTrainingDay
import Testing

@testable import KenshuServer

/// `serve --collect` with watching on, on the training day: each check-in rewrites
/// `rosters/attendance-PROGRAMME.xml` (with a hidden lock and temporary file beside it), and
/// the watcher's turn after it must neither rewrite a page nor reload the reception page
/// (issue 15).
@Suite struct PreviewAttendanceWriteTests {
  /// A programme with a roster (`CheckInEndpointTests`' fixtures) in a temporary folder.
  func makeProject() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-preview-attendance-\(UUID().uuidString)")
    for folder in ["curricula", "rosters"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try Data(CheckInEndpointTests.programme.utf8).write(to: root.appendingPathComponent("curricula/day.xml"))
    try Data(CheckInEndpointTests.roster.utf8).write(
      to: root.appendingPathComponent("rosters/day-roster.xml"))
    return root
  }

  /// A project built once in place, and a watcher over its sources (what `serve` holds).
  func builtAndWatched() throws -> (URL, ProjectLayout, BuildSession, SourceWatcher) {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    let session = BuildSession(layout: layout, configuration: BuildConfiguration(writeMode: .inPlace))
    #expect(session.run().published)
    return (root, layout, session, SourceWatcher(paths: layout.watchedPaths))
  }

  /// Every file of a built site with its modification time, after setting them all to one old
  /// time, so that any rewrite shows whatever the file system's clock resolution.
  func agedFiles(of site: URL) throws -> [String: Date] {
    let old = Date(timeIntervalSince1970: 1_000_000_000)
    var files: [String: Date] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
      let url = site.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
      files[path] = old
    }
    return files
  }

  func files(of site: URL) throws -> [String: Date] {
    var files: [String: Date] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
      let url = site.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      files[path] = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
    return files
  }

  /// Checks `person` in at reception, as `POST /api/checkin` does.
  func checkIn(_ person: String, root: URL, at time: String) throws {
    let project = ProjectLoader(root: root).load().project
    let desk = try CheckInDesk(project: project, programme: "day", root: root)
    let outcome = desk.checkIn(
      participant: person, course: "day-1", on: "2026-10-17", at: try #require(ClockTime(parsing: time)))
    guard case .recorded = outcome else {
      Issue.record("not recorded: \(outcome)")
      return
    }
  }

  @Test func checkInWrites_rewriteNoPage_andReloadNothing_inBothEditions() async throws {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    let transcript = PreviewSessionTests.Transcript()
    let session = try await PreviewSession.start(
      layout: layout,
      configuration: PreviewConfiguration(port: 0, facilitator: FacilitatorPreviewAddress(learnerPort: 0)),
      console: transcript.console)
    let facilitator = try #require(session.facilitator)
    let watcher = SourceWatcher(paths: layout.watchedPaths)

    for (turn, (person, time)) in [("a01", "09:20"), ("a02", "09:41")].enumerated() {
      let learnerFiles = try agedFiles(of: session.learner.build.output)
      let facilitatorFiles = try agedFiles(of: facilitator.build.output)
      #expect(learnerFiles.keys.contains("programmes/day/index.html"))
      let before = watcher.fingerprint()
      try checkIn(person, root: root, at: time)
      // What a writer killed between its temporary file and the rename leaves behind.
      try Data("<partial".utf8).write(
        to: root.appendingPathComponent("rosters/.attendance-day.xml.4242-\(UUID().uuidString).tmp"))
      let changes = SourceWatcher.changes(from: before, to: watcher.fingerprint())
      // The first check-in creates the record, the next one replaces it; the lock and the
      // temporary files are never seen.
      let record = root.appendingPathComponent("rosters/attendance-day.xml").path
      #expect(changes == (turn == 0 ? SourceChanges(added: [record]) : SourceChanges(edited: [record])))
      #expect(
        FileManager.default.fileExists(
          atPath: root.appendingPathComponent("rosters/.attendance-day.xml.lock").path))

      let broadcasts = await (session.learner.status.broadcasts, facilitator.status.broadcasts)
      await session.rebuild(changes)
      #expect(
        try files(of: session.learner.build.output) == learnerFiles, "no page of the learner site rewritten")
      #expect(try files(of: facilitator.build.output) == facilitatorFiles, "nor of the facilitator edition")
      #expect(await session.learner.status.broadcasts == broadcasts.0, "the reception page is not reloaded")
      #expect(await facilitator.status.broadcasts == broadcasts.1)
      #expect(await session.learner.status.currentErrors.isEmpty)
    }
    #expect(transcript.said.filter { $0.hasPrefix("only attendance records changed") }.count == 4)
  }

  /// Skipping the site for attendance changes is sound only while no page reads attendance: a
  /// full build after check-ins must find nothing to write. A page that starts showing
  /// attendance fails this test, and `BuildScope.attendanceOnly` must then plan its renders.
  @Test func aFullBuildAfterCheckIns_writesNothing_soNoPageReadsAttendance() throws {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    for (person, facilitator) in [("a01", false), ("a02", true)] {
      let session = BuildSession(
        layout: layout,
        configuration: BuildConfiguration(edition: facilitator ? .facilitator : .learner, writeMode: .inPlace)
      )
      #expect(session.run().published)
      try checkIn(person, root: root, at: "09:45")
      let outcome = session.run()
      #expect(outcome.scope == BuildScope.full)
      #expect(outcome.published)
      #expect(
        outcome.report?.written == 0, "facilitator \(facilitator): \(outcome.report?.written ?? -1) written")
      #expect(outcome.project?.attendance.isEmpty == false)
    }
  }

  @Test func anAttendanceChange_withAnyOtherChange_isAFullBuild() async throws {
    let (root, _, session, watcher) = try builtAndWatched()
    var before = watcher.fingerprint()
    try checkIn("a01", root: root, at: "09:20")
    let programme = root.appendingPathComponent("curricula/day.xml")
    try Data(
      CheckInEndpointTests.programme.replacingOccurrences(
        of: "<title>講義</title>", with: "<title>講義（改）</title>"
      )
      .utf8
    ).write(to: programme)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(100)], ofItemAtPath: programme.path)
    var outcome = session.run(changes: SourceChanges.changes(watcher, since: before))
    #expect(outcome.scope == .full)
    #expect((outcome.report?.written ?? 0) > 0)

    before = watcher.fingerprint()
    try checkIn("a02", root: root, at: "09:50")
    outcome = session.run(changes: SourceChanges.changes(watcher, since: before))
    #expect(outcome.scope == .attendanceOnly(["rosters/attendance-day.xml"]))
    #expect(outcome.report == nil)
    #expect(outcome.published)
    #expect(outcome.project?.attendance.first?.attendees.map(\.person).sorted() == ["a01", "a02"])
  }

  /// Review finding: after a build that did not publish (here a broken theme template), the
  /// next check-in passed for attendance-only against the last *published* project, said the
  /// site was unchanged and cleared the preview's error overlay. It must build again.
  @Test func aCheckInAfterAFailedBuild_buildsAgain_andKeepsTheError() throws {
    let (root, layout, session, watcher) = try builtAndWatched()
    var before = watcher.fingerprint()
    let templates = layout.theme.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try Data("{{#unclosed}}".utf8).write(to: templates.appendingPathComponent("layout.mustache"))
    var outcome = session.run(changes: SourceChanges.changes(watcher, since: before))
    #expect(!outcome.published)
    #expect(outcome.diagnostics.contains { $0.code == "site-template-invalid" })

    before = watcher.fingerprint()
    try checkIn("a01", root: root, at: "09:20")
    outcome = session.run(changes: SourceChanges.changes(watcher, since: before))
    #expect(outcome.scope == .full)
    #expect(!outcome.published)
    #expect(outcome.diagnostics.contains { $0.code == "site-template-invalid" })
  }
}

extension SourceChanges {
  fileprivate static func changes(_ watcher: SourceWatcher, since before: [String: FileStamp])
    -> SourceChanges
  {
    SourceWatcher.changes(from: before, to: watcher.fingerprint())
  }
}
