import Foundation
import KenshuModel
import Testing

@testable import KenshuDefinitions

/// `ProjectLoader.load(cache:editedContent:)`, which the preview server reloads with.
@Suite struct DefinitionCacheTests {
  static func programme(title: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" xml:lang="ja" id="p">
      <title>\(title)</title>
      <course id="c" date="2026-07-04" start="09:00">
        <title>1日目</title>
        <session id="gw" kind="groupwork" duration="PT30M">
          <title>グループワーク</title>
          <groups size="5"/>
          <case id="a" title="事例A" src="case.md"/>
        </session>
      </course>
    </programme>
    """
  }

  static func project() throws -> TemporaryProject {
    let project = try TemporaryProject()
    try project.write("curricula/p.xml", programme(title: "研修"))
    try project.write("content/case.md", "80代の男性。退院前カンファレンスを開く。\n")
    return project
  }

  @Test func unchangedDefinitions_areNotReadAgain() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cache = DefinitionCache()
    let first = ProjectLoader(root: project.root).load(cache: cache)
    let reads = cache.reads
    let second = ProjectLoader(root: project.root).load(cache: cache)
    #expect(cache.reads == reads)
    #expect(second.project == first.project)
    #expect(second.diagnostics == first.diagnostics)
  }

  @Test func editedDefinition_isReadAgain() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cache = DefinitionCache()
    _ = ProjectLoader(root: project.root).load(cache: cache)
    try project.write("curricula/p.xml", Self.programme(title: "改訂した研修"))
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["case.md"])
    #expect(reloaded.project.programmes.first?.title == "改訂した研修")
    #expect(reloaded.project == ProjectLoader(root: project.root).load().project)
  }

  @Test func editedCaseFile_stillGetsItsPersonalDataWarning() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cache = DefinitionCache()
    #expect(
      ProjectLoader(root: project.root).load(cache: cache).diagnostics("possible-personal-data").isEmpty)
    try project.write("content/case.md", "山田太郎さん（電話 054-123-4567）が退院する。\n")
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["case.md"])
    #expect(!reloaded.diagnostics("possible-personal-data").isEmpty)
    #expect(reloaded.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
  }

  @Test func removedContentFile_isReportedWhenTheCallerSaysSo() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cache = DefinitionCache()
    _ = ProjectLoader(root: project.root).load(cache: cache)
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/case.md"))
    // A removal is not an edit: the caller passes no edited files and every check runs.
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: nil)
    #expect(reloaded.diagnostics.hasErrors)
    #expect(reloaded.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
  }

  /// Two cases, each in its own file, the second named with a `./` the watcher never reports.
  static func twoCaseProgramme() -> String {
    programme(title: "研修").replacingOccurrences(
      of: #"<case id="a" title="事例A" src="case.md"/>"#,
      with: #"<case id="a" title="事例A" src="case.md"/><case id="b" title="事例B" src="./cases/b.md"/>"#)
  }

  /// `project()` with `twoCaseProgramme()` and its second case's file.
  static func twoCaseProject() throws -> TemporaryProject {
    let project = try Self.project()
    do {
      try project.write("curricula/p.xml", Self.twoCaseProgramme())
      try project.write("content/cases/b.md", "訪問看護の事例。\n")
    } catch {
      project.remove()
      throw error
    }
    return project
  }

  @Test func contentEdit_readsOnlyTheEditedFilesAgain() throws {
    let project = try Self.twoCaseProject()
    defer { project.remove() }
    let cache = DefinitionCache()
    #expect(
      ProjectLoader(root: project.root).load(cache: cache).diagnostics("possible-personal-data").isEmpty)
    // Both files now carry a telephone number, but only b.md is reported as edited: a.md's
    // findings are the previous run's, which shows that it was not read again.
    try project.write("content/case.md", "電話 054-123-4567 の方。\n")
    try project.write("content/cases/b.md", "電話 054-765-4321 の方。\n")
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["cases/b.md"])
    #expect(reloaded.diagnostics("possible-personal-data").map(\.location.file) == ["content/./cases/b.md"])
    // Reported as edited, a.md is read again: the same as a cold load.
    let again = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["case.md"])
    #expect(again.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
    #expect(again.diagnostics("possible-personal-data").count == 2)
  }

  /// Serve loads the project once per edition after each edit, with one cache: the second
  /// load, told the first's checks (`sameEditAs`), finds the edited file as they checked it
  /// and checks it no more; a file edited between the two loads is checked again, and so is
  /// one the next round reports edited though its stamp did not change (written twice within
  /// one tick of the clock).
  @Test func secondLoadAfterTheSameEdit_checksNoFileAgain_butOneEditedSince() throws {
    let project = try Self.twoCaseProject()
    defer { project.remove() }
    let cache = DefinitionCache()
    let loader = ProjectLoader(root: project.root)
    func load(sameEditAs generation: Int?) -> LoadResult {
      loader.check(
        loader.read(cache: cache), cache: cache, editedContent: ["cases/b.md"], sameEditAs: generation)
    }
    _ = loader.load(cache: cache)
    try project.write("content/cases/b.md", "電話 054-765-4321 の方。\n")
    let first = load(sameEditAs: nil)
    #expect(first.diagnostics("possible-personal-data").count == 1)
    let firstChecks = cache.checksGeneration
    // The same number of bytes without the number, and the stamp put back: a load that read
    // the file again would lose the warning.
    let path = project.root.appendingPathComponent("content/cases/b.md").path
    let stamp = try #require(FileStamp(path: path))
    try project.write("content/cases/b.md", "電話 abc-def-ghij の方。\n")
    var times = [
      timespec(tv_sec: stamp.seconds, tv_nsec: stamp.nanoseconds),
      timespec(tv_sec: stamp.seconds, tv_nsec: stamp.nanoseconds),
    ]
    try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
    try #require(FileStamp(path: path) == stamp)
    let second = load(sameEditAs: firstChecks)
    #expect(second.diagnostics == first.diagnostics)
    // The next round, not the same edit: the file is read again, stamp or not.
    let next = load(sameEditAs: nil)
    #expect(next.diagnostics("possible-personal-data").isEmpty)
    #expect(next.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
    // Edited since the first edition's load (another stamp): checked again by the second.
    try project.write("content/cases/b.md", "電話 054-765-4321 の方。\n")
    let third = load(sameEditAs: nil)
    try project.write("content/cases/b.md", "訪問看護の事例。\n")
    let fourth = load(sameEditAs: cache.checksGeneration)
    #expect(third.diagnostics("possible-personal-data").count == 1)
    #expect(fourth.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
    #expect(fourth.diagnostics("possible-personal-data").isEmpty)
  }

  @Test func contentEdit_ofEveryMarkdownCheck_equalsAColdLoad() throws {
    let project = try Self.twoCaseProject()
    defer { project.remove() }
    let cache = DefinitionCache()
    _ = ProjectLoader(root: project.root).load(cache: cache)
    // Broken links and images, raw HTML, personal data, bytes that are not UTF-8, and back.
    let edits: [[UInt8]] = [
      Array("![](map.png) と [資料](nothere.md) と <b>強調</b>\n".utf8),
      Array("# 事例B\n\n山田花子様 090-1234-5678\n".utf8),
      Array("事例".utf8) + [0x82, 0xA0, 0x0A],
      Array("訪問看護の事例。\n".utf8),
    ]
    for text in edits {
      try project.write("content/cases/b.md", text)
      let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["cases/b.md"])
      #expect(
        reloaded.diagnostics == ProjectLoader(root: project.root).load().diagnostics, "after writing \(text)")
    }
  }

  /// Inline Markdown with findings of its own, a file shown on two pages, an answer key that
  /// learner text links to, and edits to three files in turn.
  static func patchedProgramme() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" xml:lang="ja" id="p">
      <title>研修</title>
      <purpose>[資料](missing.md) と &lt;b&gt;太字&lt;/b&gt;</purpose>
      <course id="c" date="2026-07-04" start="09:00">
        <title>1日目</title>
        <session id="lec" kind="lecture" duration="PT30M"><title>講義</title><content src="intro.md"/></session>
        <session id="gw" kind="groupwork" duration="PT30M">
          <title>グループワーク</title>
          <groups size="5"/>
          <case id="a" title="事例A" src="case.md"><answer-key src="key.md"/></case>
          <case id="b" title="事例B" src="./cases/b.md"/>
        </session>
        <session id="lec2" kind="lecture" duration="PT30M"><title>講義2</title><content src="intro.md"/></session>
      </course>
    </programme>
    """
  }

  @Test func contentEdits_inTurn_equalAColdLoadEachTime_andClearWhatTheyFixed() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("curricula/p.xml", Self.patchedProgramme())
    try project.write("content/intro.md", "講義の本文。\n")
    try project.write("content/case.md", "80代の男性。\n")
    try project.write("content/key.md", "解答の要点。\n")
    try project.write("content/cases/b.md", "訪問看護の事例。\n")
    let cache = DefinitionCache()
    let first = ProjectLoader(root: project.root).load(cache: cache)
    let codes = ["markdown-link-missing", "markdown-raw-html"]
    #expect(codes.allSatisfy { !first.diagnostics($0).isEmpty }, "the inline purpose's findings")
    let edits: [(file: String, text: [UInt8])] = [
      ("intro.md", Array("[鍵](key.md) と ![](nothere.png)\n".utf8)),
      ("cases/b.md", Array("山田花子様 090-1234-5678\n".utf8)),
      ("intro.md", Array("講義の本文。\n".utf8)),
      ("cases/b.md", Array("# 事例B\n\n<i>斜体</i> [壊れた](../none.md)\n".utf8)),
      ("case.md", Array("事例".utf8) + [0x82, 0xA0, 0x0A]),
      ("cases/b.md", Array("訪問看護の事例。\n".utf8)),
      ("case.md", Array("80代の男性。\n".utf8)),
    ]
    for (round, edit) in edits.enumerated() {
      try project.write("content/\(edit.file)", edit.text)
      let reloaded = ProjectLoader(root: project.root).load(cache: cache, editedContent: [edit.file])
      let cold = ProjectLoader(root: project.root).load()
      #expect(reloaded.diagnostics == cold.diagnostics, "round \(round): \(edit.file)")
      switch round {
      case 0:
        #expect(!reloaded.diagnostics("markdown-link-facilitator").isEmpty)
        #expect(!reloaded.diagnostics("markdown-image-missing").isEmpty)
      case 1: #expect(!reloaded.diagnostics("possible-personal-data").isEmpty)
      case 2:
        #expect(reloaded.diagnostics("markdown-link-facilitator").isEmpty)
        #expect(reloaded.diagnostics("markdown-image-missing").isEmpty)
      default: break
      }
    }
    // Every finding fixed: what is left is the inline purpose's, as in the first load.
    let last = ProjectLoader(root: project.root).load(cache: cache, editedContent: ["case.md"])
    #expect(last.diagnostics == first.diagnostics)
  }
}
