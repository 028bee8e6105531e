import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The preview server's rebuild after Markdown edits (`SiteBuilder.build(_:changedContent:)`).
@Suite struct ContentPatchTests {
  /// A copy of the fixture project, built once in place, with the builder that built it and the
  /// paths that builder writes from then on. The facilitator edition unless asked: it has both
  /// views of every session.
  struct Built {
    let root: URL
    let site: URL
    let builder: SiteBuilder
    let written: WrittenPaths
    var project = SampleProject.make()

    init(edition: SiteEdition = .facilitator, prepare: (URL) throws -> Void = { _ in }) throws {
      root = try RebuildTests.copyOfProject()
      try prepare(root)
      site = root.deletingLastPathComponent().appendingPathComponent("site")
      let written = WrittenPaths()
      var builder = SiteBuilder(
        projectRoot: root, options: BuildOptions(output: site, writeMode: .inPlace, edition: edition))
      builder.beforeWrite = { written.add($0) }
      self.builder = builder
      self.written = written
      let first = try builder.build(project)
      #expect(first.published)
      written.reset()
    }

    func append(_ text: String, to relative: String) throws {
      let file = root.appendingPathComponent("content/" + relative)
      try (String(contentsOf: file, encoding: .utf8) + text).write(
        to: file, atomically: true, encoding: .utf8)
    }
  }

  /// Paths handed to the writer (rendered and offered for writing), in any order.
  final class WrittenPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    func add(_ path: String) { _ = lock.withLock { paths.insert(path) } }
    func reset() { lock.withLock { paths.removeAll() } }
    var all: Set<String> { lock.withLock { paths } }
  }

  static let lecture = "programmes/renkei2026/day1/sessions/lecture1.html"
  static let lectureFacilitator = "facilitator/programmes/renkei2026/day1/sessions/lecture1.html"
  static let handout = "programmes/renkei2026/day1/handout/index.html"
  static let groupWork = "programmes/renkei2026/day1/sessions/gw1.html"
  static let notesPage = "facilitator/index.html"

  @Test func editedContentFile_updatesItsPages_andRendersNoUnrelatedPage() throws {
    let built = try Built()
    let before =
      try FileManager.default.attributesOfItem(
        atPath: built.site.appendingPathComponent(Self.groupWork).path)[.modificationDate] as? Date
    try built.append("\n追記：看取りの準備\n", to: "day1/discharge.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(report.published)
    // The learner and facilitator session pages and the handout; of the search index, the
    // fragments of the two session pages and the chunks whose terms the edit changed.
    let pages = built.written.all.filter { !$0.hasPrefix("search/") }
    #expect(pages == [Self.lecture, Self.lectureFacilitator, Self.handout])
    let index = built.written.all.subtracting(pages)
    #expect(index.filter { $0.hasPrefix("search/doc/") }.count == 2, "\(index.sorted())")
    #expect(index.contains { $0.hasPrefix("search/t") })
    #expect(report.written == built.written.all.count)
    for page in [Self.lecture, Self.lectureFacilitator, Self.handout] {
      #expect(SampleProject.read(built.site, page).contains("看取りの準備"))
    }
    #expect(!built.written.all.contains(Self.groupWork))
    #expect(!built.written.all.contains("programmes/renkei2026/day1/index.html"))
    #expect(!built.written.all.contains(Self.notesPage))
    let after =
      try FileManager.default.attributesOfItem(
        atPath: built.site.appendingPathComponent(Self.groupWork).path)[.modificationDate] as? Date
    #expect(before == after)
    // Nothing else was removed, and the site still holds every file.
    #expect(report.removed == 0)
    #expect(report.files > report.pages)
  }

  @Test func patchedSite_isByteForByteTheSiteAFullBuildWrites() throws {
    let built = try Built()
    try built.append("\n## 追加の見出し\n\n本文を追加。\n", to: "day1/discharge.md")
    try built.append("\n- 追加のメモ\n", to: "day1/notes.md")
    let report = try built.builder.build(
      built.project, changedContent: ["day1/discharge.md", "day1/notes.md"])
    #expect(report.published)
    #expect(built.written.all.contains(Self.notesPage))
    try Self.expectTheSiteAFullBuildWrites(built, fresh: "fresh")
  }

  /// Builds `built`'s project afresh into a sibling folder `fresh` and expects every file of it
  /// in `built`'s site, byte for byte; returns the files compared.
  @discardableResult
  static func expectTheSiteAFullBuildWrites(
    _ built: Built, fresh name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [String] {
    let fresh = built.root.deletingLastPathComponent().appendingPathComponent(name)
    _ = try SiteBuilder(projectRoot: built.root, options: BuildOptions(output: fresh, edition: .facilitator))
      .build(built.project)
    var compared: [String] = []
    for file in try #require(FileManager.default.subpaths(atPath: fresh.path)) where !file.hasPrefix(".") {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(
        atPath: fresh.appendingPathComponent(file).path, isDirectory: &isFolder)
      if isFolder.boolValue { continue }
      let expected = try Data(contentsOf: fresh.appendingPathComponent(file))
      let actual = try? Data(contentsOf: built.site.appendingPathComponent(file))
      #expect(actual == expected, "\(file) differs from a full build", sourceLocation: sourceLocation)
      compared.append(file)
    }
    return compared
  }

  /// Patch after patch (each builds on what the one before recorded, its tables updated in
  /// place), with text put at the start of a file (every later term's position moves), in the
  /// middle and at the end, and a file's words replaced: the site is still what a full build
  /// writes, search index included.
  @Test func patchAfterPatch_isByteForByteTheSiteAFullBuildWrites() throws {
    let built = try Built()
    func edit(_ relative: String, _ change: (String) -> String) throws {
      let file = built.root.appendingPathComponent("content/" + relative)
      try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
      let report = try built.builder.build(built.project, changedContent: [relative])
      #expect(report.published)
    }
    try edit("day1/discharge.md") { "冒頭に足した一文：在宅療養支援。\n\n" + $0 }
    try edit("day1/discharge.md") { text in
      let middle = text.index(text.startIndex, offsetBy: text.count / 2)
      return String(text[..<middle]) + "（中ほどに追記）" + String(text[middle...])
    }
    try edit("day1/notes.md") { $0 + "\n- 末尾のメモ：訪問看護ステーション\n" }
    try edit("day1/discharge.md") { $0.replacingOccurrences(of: "退院", with: "退所") }
    let compared = try Self.expectTheSiteAFullBuildWrites(built, fresh: "fresh-after-patches")
    #expect(compared.count > 20 && compared.contains { $0.hasPrefix("search/t") })
    let recorded = built.builder.state.previous(for: built.site)
    #expect(recorded.unfingerprinted == Self.pagesWithoutFingerprint(recorded))
  }

  /// The pages of a record without a fingerprint, found by looking each up (what the record's
  /// `unfingerprinted` holds without the look-ups).
  static func pagesWithoutFingerprint(_ record: BuildState.Previous) -> Set<Int> {
    Set(record.pages.indices.filter { record.fingerprints[record.pages[$0].path] == nil })
  }

  /// A page recorded without a fingerprint (its context could not be fingerprinted, or it had
  /// diagnostics) is rendered by every patch, whatever file was edited, until it has one.
  @Test func pageWithoutFingerprint_isRenderedByTheNextPatch_untilItHasOne() throws {
    let built = try Built()
    var record = built.builder.state.take(for: built.site)
    let index = try #require(record.pages.firstIndex { $0.path == Self.groupWork })
    #expect(record.unfingerprinted == Self.pagesWithoutFingerprint(record))
    record.fingerprints[Self.groupWork] = nil
    record.unfingerprinted.insert(index)
    built.builder.state.remember(record, for: built.site)
    try built.append("\n追記：一つ目\n", to: "day1/discharge.md")
    _ = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(built.written.all.contains(Self.groupWork))
    let patched = built.builder.state.previous(for: built.site)
    #expect(!patched.unfingerprinted.contains(index))
    #expect(patched.unfingerprinted == Self.pagesWithoutFingerprint(patched))
    built.written.reset()
    try built.append("\n追記：二つ目\n", to: "day1/discharge.md")
    _ = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(!built.written.all.contains(Self.groupWork))
    #expect(built.written.all.contains(Self.lecture))
  }

  /// A patch looks at no file of the previous build it does not rewrite: the search index's
  /// fragments, one per page, are carried over as the pages it does not render are, without a
  /// look at each on disk (that look was a fifth of a serve rebuild on 10,000 pages). A fragment
  /// removed behind the builder's back therefore stays removed until the next full build,
  /// which puts it back.
  @Test func patch_carriesSearchFragmentsOver_withoutLookingAtThem() throws {
    let built = try Built()
    // A first patch tells which fragments an edit of this file rewrites; one of the others goes.
    try built.append("\n追記：退院前カンファレンス\n", to: "day1/discharge.md")
    _ = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    let fragments = try FileManager.default.contentsOfDirectory(
      atPath: built.site.appendingPathComponent("search/doc").path
    ).map { "search/doc/" + $0 }.sorted()
    let removed = try #require(fragments.first { !built.written.all.contains($0) })
    try FileManager.default.removeItem(at: built.site.appendingPathComponent(removed))
    built.written.reset()
    try built.append("\n追記：退院後の訪問\n", to: "day1/discharge.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(report.published)
    #expect(!built.written.all.contains(removed))
    #expect(!FileManager.default.fileExists(atPath: built.site.appendingPathComponent(removed).path))
    _ = try built.builder.build(built.project)
    #expect(FileManager.default.fileExists(atPath: built.site.appendingPathComponent(removed).path))
  }

  @Test func editedFacilitatorNote_rewritesTheAggregateNotesPage() throws {
    let built = try Built()
    try built.append("\nNOTE-ADDED-IN-PATCH\n", to: "day1/notes.md")
    _ = try built.builder.build(built.project, changedContent: ["day1/notes.md"])
    #expect(SampleProject.read(built.site, Self.notesPage).contains("NOTE-ADDED-IN-PATCH"))
    #expect(
      !SampleProject.read(built.site, "programmes/renkei2026/day1/sessions/gw1.html").contains("NOTE-ADDED"))
    #expect(
      SampleProject.read(built.site, "facilitator/programmes/renkei2026/day1/sessions/gw1.html").contains(
        "NOTE-ADDED-IN-PATCH"))
    #expect(!built.written.all.contains(Self.lecture))
  }

  @Test func changedDefinition_buildsEverything_evenWhenOnlyContentIsNamed() throws {
    var built = try Built()
    built.project.programmes[0].courses[0].sessions[1].title = "退院支援の基本（改訂）"
    let report = try built.builder.build(built.project, changedContent: [])
    #expect(report.published)
    #expect(SampleProject.read(built.site, Self.lecture).contains("退院支援の基本（改訂）"))
    // The neighbouring session links to it by title: a full build rewrote it too.
    #expect(SampleProject.read(built.site, Self.groupWork).contains("退院支援の基本（改訂）"))
  }

  @Test func changedTemplate_buildsEverything() throws {
    let built = try Built()
    let templates = built.root.appendingPathComponent("theme/templates")
    try "<article><p>TEMPLATE-OVERRIDE</p>{{{contentHtml}}}</article>\n".write(
      to: templates.appendingPathComponent("session.mustache"), atomically: true, encoding: .utf8)
    _ = try built.builder.build(built.project, changedContent: [])
    #expect(SampleProject.read(built.site, Self.groupWork).contains("TEMPLATE-OVERRIDE"))
  }

  #if os(Linux)
    /// A template written in place with the same size and its time put back (as `touch -r`
    /// does) still has another status change time: the patch loads the theme again (the stamps
    /// of size and time alone kept the old one).
    @Test func templateWithItsTimePutBack_isLoadedAgain() throws {
      let text = "<article><p>TEMPLATE-ONE</p>{{{contentHtml}}}</article>\n"
      let built = try Built { root in
        let templates = root.appendingPathComponent("theme/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try text.write(
          to: templates.appendingPathComponent("session.mustache"), atomically: false, encoding: .utf8)
      }
      #expect(SampleProject.read(built.site, Self.groupWork).contains("TEMPLATE-ONE"))
      let template = built.root.appendingPathComponent("theme/templates/session.mustache").path
      var info = stat()
      try #require(stat(template, &info) == 0)
      let handle = try #require(FileHandle(forWritingAtPath: template))
      try handle.write(contentsOf: Data(text.replacingOccurrences(of: "ONE", with: "TWO").utf8))
      try handle.close()
      try #require(utimensat(AT_FDCWD, template, [info.st_atim, info.st_mtim], 0) == 0)
      _ = try built.builder.build(built.project, changedContent: [])
      #expect(SampleProject.read(built.site, Self.groupWork).contains("TEMPLATE-TWO"))
    }
  #endif

  /// A project template that could not be read was left out (the built-in one used); once a
  /// `chmod` makes it readable (its size and time unchanged), the patch uses it, as a full
  /// build would. (Run as root, every file is readable: the template is used from the start.)
  @Test func templateMadeReadable_isUsedByThePatch() throws {
    let fm = FileManager.default
    let built = try Built { root in
      let templates = root.appendingPathComponent("theme/templates")
      try fm.createDirectory(at: templates, withIntermediateDirectories: true)
      let template = templates.appendingPathComponent("session.mustache")
      try "<article><p>TEMPLATE-READABLE</p>{{{contentHtml}}}</article>\n".write(
        to: template, atomically: false, encoding: .utf8)
      try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: template.path)
    }
    try fm.setAttributes(
      [.posixPermissions: 0o644],
      ofItemAtPath: built.root.appendingPathComponent("theme/templates/session.mustache").path)
    _ = try built.builder.build(built.project, changedContent: [])
    #expect(SampleProject.read(built.site, Self.groupWork).contains("TEMPLATE-READABLE"))
  }

  /// A patch that throws midway (a write fails) has written some pages in place: what the
  /// builder recorded is forgotten, so the next build does not skip a page because its text
  /// equals the recorded hash while the folder holds the failed patch's page.
  @Test func failedPatch_forgetsWhatWasRecorded() throws {
    let built = try Built()
    let file = built.root.appendingPathComponent("content/day1/discharge.md")
    let original = try Data(contentsOf: file)
    try built.append("\n追記：途中で失敗\n", to: "day1/discharge.md")
    var failing = built.builder
    failing.beforeWrite = { path in if !path.hasSuffix(".html") { throw InjectedFailure() } }
    #expect(throws: InjectedFailure.self) {
      try failing.build(built.project, changedContent: ["day1/discharge.md"])
    }
    // The page was written before the failure.
    try #require(SampleProject.read(built.site, Self.lecture).contains("途中で失敗"))
    try original.write(to: file)
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(report.published)
    #expect(!SampleProject.read(built.site, Self.lecture).contains("途中で失敗"))
  }

  @Test func deletedContentFile_buildsEverything_andReportsIt() throws {
    let built = try Built()
    try FileManager.default.removeItem(at: built.root.appendingPathComponent("content/day1/discharge.md"))
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(!report.published)
    #expect(report.diagnostics.contains { $0.code == "site-content-missing" })
  }

  @Test func changedSettings_buildsEverything() throws {
    var built = try Built()
    built.project.settings.footer = "FOOTER-CHANGED"
    _ = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(SampleProject.read(built.site, Self.groupWork).contains("FOOTER-CHANGED"))
  }

  @Test func atomicSwapBuilds_neverPatch() throws {
    let root = try RebuildTests.copyOfProject()
    let site = root.deletingLastPathComponent().appendingPathComponent("site")
    let builder = SiteBuilder(projectRoot: root, options: BuildOptions(output: site))
    let project = SampleProject.make()
    _ = try builder.build(project)
    #expect(try builder.patch(project, changedContent: ["day1/discharge.md"]) == nil)
  }
}
