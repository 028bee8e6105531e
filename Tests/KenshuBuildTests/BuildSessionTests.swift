import Foundation
import KenshuModel
import KenshuSite
import Testing

@testable import KenshuBuild

@Suite struct BuildSessionTests {
  @Test func stages_areListedInOrder_andARunTimesEachOfThem() throws {
    #expect(BuildSession.stages.map(\.rawValue) == ["load", "check", "plan", "render", "write", "commit"])
    let project = try TestProject.make()
    let outcome = BuildSession(layout: project.layout).run()
    #expect(outcome.published, "\(outcome.diagnostics.map(\.formatted))")
    #expect(outcome.times.stages == BuildStage.allCases)
    #expect(outcome.times.entries.allSatisfy { $0.seconds >= 0 })
    #expect(outcome.scope == .full)
    #expect(
      FileManager.default.fileExists(atPath: project.layout.site.appendingPathComponent("index.html").path))
  }

  @Test func scope_isDecidedFromTheChangeSet() {
    let layout = ProjectLayout(root: URL(fileURLWithPath: "/p"))
    #expect(BuildScope(changes: nil, layout: layout) == .full)
    #expect(
      BuildScope(changes: SourceChanges(edited: ["/p/content/a/b.md"]), layout: layout)
        == .contentEdits(["a/b.md"]))
    // An image is copied, not rendered; a definition, an added or removed file: everything.
    #expect(BuildScope(changes: SourceChanges(edited: ["/p/content/a/b.png"]), layout: layout) == .full)
    #expect(BuildScope(changes: SourceChanges(edited: ["/p/curricula/x.xml"]), layout: layout) == .full)
    #expect(BuildScope(changes: SourceChanges(added: ["/p/content/new.md"]), layout: layout) == .full)
    #expect(BuildScope(changes: SourceChanges(removed: ["/p/content/a/b.md"]), layout: layout) == .full)
  }

  @Test func scope_isNarrowedToAttendanceOnly_whenTheProjectDiffersInAttendanceAlone() {
    let layout = ProjectLayout(root: URL(fileURLWithPath: "/p"))
    var previous = Project()
    previous.programmes = [Programme(id: "day", title: "研修")]
    var checkedIn = previous
    checkedIn.attendance = [AttendanceRecord(programme: "day", attendees: [Attendee(person: "a01")])]
    let record = SourceChanges(edited: ["/p/rosters/attendance-day.xml"])
    func narrowed(_ changes: SourceChanges?, _ project: Project, previous: Project? = previous) -> BuildScope
    {
      BuildScope.narrowed(.full, changes: changes, layout: layout, project: project, previous: previous)
    }
    #expect(narrowed(record, checkedIn) == .attendanceOnly(["rosters/attendance-day.xml"]))
    #expect(
      narrowed(SourceChanges(added: ["/p/rosters/attendance-day.xml"]), checkedIn)
        == .attendanceOnly(["rosters/attendance-day.xml"]))
    // No published site yet, a first build, a removed file, a file pages read, or a change
    // beyond attendance: everything.
    #expect(narrowed(record, checkedIn, previous: nil) == .full)
    #expect(narrowed(nil, checkedIn) == .full)
    #expect(narrowed(SourceChanges(removed: ["/p/rosters/attendance-day.xml"]), checkedIn) == .full)
    #expect(
      narrowed(
        SourceChanges(edited: ["/p/rosters/attendance-day.xml", "/p/theme/layout.mustache"]), checkedIn)
        == .full)
    var retitled = checkedIn
    retitled.programmes[0].title = "研修（改）"
    #expect(narrowed(record, retitled) == .full)
    #expect(
      BuildScope.narrowed(
        .contentEdits(["a.md"]), changes: record, layout: layout, project: checkedIn, previous: previous)
        == .contentEdits(["a.md"]))
  }

  @Test func layout_namesEveryPathOfTheProject() {
    let layout = ProjectLayout(root: URL(fileURLWithPath: "/p"))
    #expect(layout.settingsFile.path == "/p/kenshu.xml")
    #expect(layout.output(for: .learner).path == "/p/site")
    #expect(layout.output(for: .facilitator).path == "/p/private/facilitator-site")
    #expect(
      layout.watchedPaths.map(\.path) == [
        "/p/kenshu.xml", "/p/curricula", "/p/content", "/p/rosters", "/p/theme", "/p/verification",
      ])
    #expect(layout.displayPath(URL(fileURLWithPath: "/p/site")) == "site")
    #expect(layout.displayPath(URL(fileURLWithPath: "/elsewhere/site")) == "/elsewhere/site")
  }

  @Test func outcome_carriesTheLoadedProject_withTheCollectURLApplied() throws {
    let project = try TestProject.make()
    let session = BuildSession(
      layout: project.layout, configuration: BuildConfiguration(fallbackCollectURL: "/", writeMode: .inPlace))
    let outcome = session.run()
    #expect(outcome.project?.surveys.map(\.id) == ["my-training-eval"])
    #expect(outcome.collectURL == "/")
    let overridden = BuildSession(
      layout: project.layout,
      configuration: BuildConfiguration(collectURL: "https://example.org/k/", fallbackCollectURL: "/")
    ).run()
    #expect(overridden.collectURL == "https://example.org/k/")
  }

  @Test func aProjectWithErrors_stopsAfterCheck_andLeavesTheSite() throws {
    let project = try TestProject.make()
    let session = BuildSession(layout: project.layout)
    #expect(session.run().published)
    let index = project.layout.site.appendingPathComponent("index.html")
    let before = try Data(contentsOf: index)
    try project.replace(
      in: "curricula/my-training.xml", #"survey="my-training-eval""#, with: #"survey="nowhere""#)
    let outcome = session.run()
    #expect(!outcome.published)
    #expect(outcome.loadFailed)
    #expect(outcome.times.stages == [.load, .check])
    #expect(outcome.summary?.en.message.hasPrefix("build stopped:") == true)
    #expect(try Data(contentsOf: index) == before)
  }

  @Test func noDefinitions_isOneError() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let outcome = BuildSession(layout: ProjectLayout(root: empty)).run()
    #expect(!outcome.published)
    #expect(outcome.diagnostics.map(\.code) == ["no-definitions"])
  }

  /// Issue 17: with `serve` running, removing a facilitator's qualification from the roster
  /// warned but rebuilt "0 files written": the learner page kept the name a cold build drops.
  @Test func removingAFacilitatorsQualification_changesTheLearnerPageOnRebuild() throws {
    let project = try TestProject.make()
    let session = BuildSession(layout: project.layout, configuration: BuildConfiguration(writeMode: .inPlace))
    #expect(session.run().published)
    let page = project.layout.site.appendingPathComponent("programmes/my-training/day1/sessions/gw1.html")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("鈴木 一郎"))

    try project.write("rosters/staff.xml", TestProject.roster(qualifyingSecond: false))
    let outcome = session.run(changes: SourceChanges(edited: [project.url("rosters/staff.xml").path]))
    #expect(outcome.published)
    #expect(outcome.written > 0)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(!html.contains("鈴木 一郎"))
    #expect(html.contains("佐藤 花子"))
  }

  /// Issue 17: the zip of `build --zip` is a step of the session, so `build` only parses
  /// arguments; its file count and path reach the outcome and the summary.
  @Test func archive_isWrittenBesideTheOutput_andCountsItsFiles() throws {
    let project = try TestProject.make()
    let outcome = BuildSession(
      layout: project.layout, configuration: BuildConfiguration(archive: .besideOutput)
    ).run()
    #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.formatted))")
    let archive = try #require(outcome.archive)
    #expect(archive.file.path == project.layout.site.path + ".zip")
    let files = try TestProject.files(project.layout.site)
    #expect(archive.files == files.count)
    let zip = try Data(contentsOf: archive.file)
    #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(outcome.summary?.en.message.contains("zip: \(files.count) files in") == true)
    #expect(outcome.summary?.ja.message.contains("ファイル") == true)
  }

  /// A facilitator edition's zip inside the public site folder is refused like the folder is;
  /// the run fails, nothing is written there, and the edition itself stays published.
  @Test func facilitatorArchive_insideThePublicSite_isRefused() throws {
    let project = try TestProject.make()
    #expect(BuildSession(layout: project.layout).run().published)
    let inside = project.layout.site.appendingPathComponent("staff.zip")
    let outcome = BuildSession(
      layout: project.layout, configuration: BuildConfiguration(edition: .facilitator, archive: .file(inside))
    ).run()
    #expect(outcome.published)
    #expect(!outcome.succeeded)
    #expect(outcome.archive == nil)
    #expect(outcome.diagnostics.contains { $0.severity == .error })
    #expect(!FileManager.default.fileExists(atPath: inside.path))
  }

  @Test func archive_thatCannotBeWritten_isAnErrorOfTheRun() throws {
    let project = try TestProject.make()
    let nowhere = project.url("no-such-folder/deeper/site.zip")
    try project.write("no-such-folder", "a file, not a folder")
    let outcome = BuildSession(
      layout: project.layout, configuration: BuildConfiguration(archive: .file(nowhere))
    ).run()
    #expect(outcome.published)
    #expect(!outcome.succeeded)
    #expect(outcome.diagnostics.map(\.code).contains("site-zip-failed"))
  }
}
