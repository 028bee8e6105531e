import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

struct InjectedFailure: Error {}

@Suite struct SiteWriterTests {
  @Test func secondBuild_rewritesNothingWhenNothingChanged() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    let project = SampleProject.make()
    let first = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    #expect(first.unchanged == 0)
    #expect(first.written == first.files)
    let second = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    #expect(second.written == 0)
    #expect(second.unchanged == second.files)
  }

  @Test func changedTitle_rewritesOnlyThePagesShowingIt() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    let builder = SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site))
    _ = try builder.build(project)
    project.programmes[0].courses[0].sessions[1].title = "退院支援の基本（改訂）"
    let report = try builder.build(project)
    #expect(report.written > 0)
    #expect(report.written < report.files / 2)
    #expect(SampleProject.read(site, "programmes/renkei2026/day1/sessions/lecture1.html").contains("（改訂）"))
  }

  @Test func failedWrite_leavesThePreviousSiteUntouched() throws {
    let folder = SampleProject.temporaryFolder()
    let site = folder.appendingPathComponent("site")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      SampleProject.make())
    let before = SampleProject.read(site, "programmes/renkei2026/index.html")

    var failing = SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site))
    failing.beforeWrite = { path in if path.hasPrefix("programmes/") { throw InjectedFailure() } }
    #expect(throws: InjectedFailure.self) { try failing.build(SampleProject.make(title: "新しい題名")) }

    #expect(SampleProject.read(site, "programmes/renkei2026/index.html") == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
  }

  @Test func projectErrors_keepThePreviousSiteAndAreReported() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    let builder = SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site))
    _ = try builder.build(SampleProject.make())
    var broken = SampleProject.make(title: "壊れた版")
    broken.programmes[0].courses[0].sessions[1].content = MarkdownBlock(.file("day1/missing.md"))
    let report = try builder.build(broken)
    #expect(!report.published)
    #expect(report.diagnostics.map(\.code).contains("site-content-missing"))
    #expect(!SampleProject.read(site, "index.html").contains("壊れた版"))
  }

  @Test func existingFolderNotBuiltByKenshu_isNeverReplaced() throws {
    let folder = SampleProject.temporaryFolder()
    try Data("precious".utf8).write(to: folder.appendingPathComponent("thesis.docx"))
    let builder = SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: folder))
    #expect(throws: SiteWriteError.self) { try builder.build(SampleProject.make()) }
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("thesis.docx").path))
  }

  @Test func inPlaceRebuild_writesOnlyChangedFiles() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    let builder = SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: site, writeMode: .inPlace))
    _ = try builder.build(project)
    let before = SampleProject.files(site)
    project.glossary[0].definition = "変更した定義"
    let report = try builder.build(project)
    // The sample project overrides the glossary template with a fixed page, so only the search
    // index (which holds the definition) changes: the glossary's fragment and some chunks.
    let after = SampleProject.files(site)
    let changed = Set(after.keys.filter { after[$0] != before[$0] })
    #expect(!changed.isEmpty && changed.allSatisfy { $0.hasPrefix("search/") }, "\(changed)")
    #expect(changed.filter { $0.hasPrefix("search/doc/") }.count == 1)
    #expect(report.written == changed.count)
    #expect(report.unchanged == report.files - report.written)
  }
}
