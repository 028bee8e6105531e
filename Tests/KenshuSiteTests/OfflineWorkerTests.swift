import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The site's offline worker (sw.js, issue 14): what it keeps, its version, who registers it.
@Suite struct OfflineWorkerTests {
  static func version(_ script: String) -> String? {
    script.firstMatch(of: /var VERSION = "([0-9a-f]{16})";/).map { String($0.1) }
  }

  @Test func theSiteHasAWorkerAtItsRoot_keepingEachModuleWhole_registeredByEveryPage() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    project.surveys = [Survey(id: "eval", title: "アンケート", items: [])]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    let worker = SampleProject.read(site, "sw.js")
    #expect(Self.version(worker) != nil, "a 16-digit build version")
    let manifest = try #require(worker.firstMatch(of: /var MANIFEST = (\{.*\});/).map { String($0.1) })
    let expected = OfflineWorker.json(
      core: OfflineWorker.coreAssets,
      modules: [
        "safety": ModulePagesTests.pages.map { ModulePagesTests.folder + $0 } + OfflineWorker.moduleAssets
      ])
    #expect(manifest == expected)
    // It never answers a POST or the API, and keys carry no query (a survey link's ?t=).
    #expect(worker.contains(#"request.method !== "GET""#))
    #expect(worker.contains(#"absolute("api/")"#))
    #expect(worker.contains(#"u.search = "";"#))
    for page in ["index.html", "surveys/eval/index.html", "search/index.html"]
      + ModulePagesTests.pages.map({ ModulePagesTests.folder + $0 })
    {
      let html = SampleProject.read(site, page)
      #expect(html.contains(#"assets/offline.js" defer></script>"#), "\(page)")
    }
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/offline.js").path))
  }

  @Test func theVersionChangesWithTheAssetsAndModules_notWithPageText() throws {
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    let files = ["assets/kenshu.css": Data("a{}".utf8), "assets/module.js": Data("1".utf8)]
    let first = try #require(OfflineWorker.script(for: project, files: files))
    #expect(
      try #require(OfflineWorker.script(for: project, files: files)) == first,
      "the same build, the same worker")
    var otherPage = files
    otherPage["index.html"] = Data("<p>new text</p>".utf8)
    #expect(OfflineWorker.script(for: project, files: otherPage) == first, "page text is network first")
    var otherAsset = files
    otherAsset["assets/kenshu.css"] = Data("b{}".utf8)
    let changed = try #require(OfflineWorker.script(for: project, files: otherAsset))
    #expect(Self.version(changed) != Self.version(first), "a changed asset is a new worker (old caches go)")
    var fewer = project
    fewer.modules = []
    #expect(
      Self.version(try #require(OfflineWorker.script(for: fewer, files: files))) != Self.version(first))
  }

  @Test func aPackagedModule_hasNoWorker() throws {
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    let files = try #require(
      ModuleFiles.render(moduleID: "safety", project: project, projectRoot: SampleProject.root))
    #expect(files.files[OfflineWorker.path] == nil)
    #expect(files.files["assets/offline.js"] == nil)
    for (path, data) in files.files where path.hasSuffix(".html") {
      #expect(!String(decoding: data, as: UTF8.self).contains("offline.js"), "\(path)")
    }
  }
}
