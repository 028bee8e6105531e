import Foundation
import KenshuModel
import Testing

@testable import KenshuDefinitions

/// `ProjectLoader.load(cache:contentEditsOnly:)`, which the preview server reloads with.
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
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, contentEditsOnly: true)
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
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, contentEditsOnly: true)
    #expect(!reloaded.diagnostics("possible-personal-data").isEmpty)
    #expect(reloaded.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
  }

  @Test func removedContentFile_isReportedWhenTheCallerSaysSo() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cache = DefinitionCache()
    _ = ProjectLoader(root: project.root).load(cache: cache)
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/case.md"))
    // A removal is not an edit: the caller passes contentEditsOnly: false and every check runs.
    let reloaded = ProjectLoader(root: project.root).load(cache: cache, contentEditsOnly: false)
    #expect(reloaded.diagnostics.hasErrors)
    #expect(reloaded.diagnostics == ProjectLoader(root: project.root).load().diagnostics)
  }
}
