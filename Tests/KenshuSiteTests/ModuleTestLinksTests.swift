import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// A module's pre/post knowledge tests are linked from its overview, so participants can reach
/// them (their survey pages are linked from nowhere else).
@Suite struct ModuleTestLinksTests {
  @Test func overview_linksPreTestBeforePostTest() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    project.surveys += [
      Survey(id: "safety-post", title: "学習後テスト", kind: .postTest, module: "safety", pairedWith: "safety-pre"),
      Survey(id: "safety-pre", title: "学習前テスト", kind: .preTest, module: "safety", pairedWith: "safety-post"),
      Survey(id: "other-eval", title: "アンケート", kind: .evaluation, module: "safety"),
    ]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    let html = SampleProject.read(site, "modules/safety/index.html")
    let pre = try #require(html.range(of: #"href="../../surveys/safety-pre/index.html""#))
    let post = try #require(html.range(of: #"href="../../surveys/safety-post/index.html""#))
    #expect(pre.lowerBound < post.lowerBound)
    #expect(!html.contains("surveys/other-eval/"))
  }

  @Test func overview_withoutTests_hasNoTestSection() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    #expect(!SampleProject.read(site, "modules/safety/index.html").contains("module-tests"))
  }
}
