import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

@Suite struct SiteBuildTests {
  /// The learner edition (the default) and the facilitator edition of the same project.
  let site: URL
  let facilitatorSite: URL
  let report: BuildReport
  let facilitatorReport: BuildReport

  init() throws {
    let folder = SampleProject.temporaryFolder()
    site = folder.appendingPathComponent("site")
    facilitatorSite = folder.appendingPathComponent("facilitator-site")
    let project = SampleProject.make(title: "<script>alert('x')</script>研修")
    report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    facilitatorReport = try SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: facilitatorSite, edition: .facilitator)
    ).build(project)
  }

  func page(_ path: String) -> String { SampleProject.read(site, path) }

  static let learnerPaths = [
    "index.html", "programmes/renkei2026/index.html", "programmes/renkei2026/day1/index.html",
    "programmes/renkei2026/day1/sessions/gw1.html", "glossary/index.html", "search/index.html",
    "search/search-index.js", "search/t0.js", "search/doc/0.js", "programmes/renkei2026/renkei2026.ics",
    "programmes/renkei2026/day1/handout/index.html", "surveys/day1-eval/index.html", "assets/kenshu.css",
    "assets/search.js", "assets/settings.css", "content/day1/img/flow.svg",
  ]
  static let facilitatorPaths = [
    "facilitator/programmes/renkei2026/day1/sessions/gw1.html", "facilitator/index.html",
  ]

  @Test func build_publishesEveryPlannedPage() {
    for report in [report, facilitatorReport] {
      #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
      #expect(report.published)
    }
    for path in Self.learnerPaths {
      #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
    }
    for path in Self.learnerPaths + Self.facilitatorPaths {
      #expect(
        FileManager.default.fileExists(atPath: facilitatorSite.appendingPathComponent(path).path), "\(path)")
    }
    for path in Self.facilitatorPaths {
      #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
    }
  }

  @Test func xmlText_isEscapedEverywhere() {
    for path in [
      "index.html", "programmes/renkei2026/index.html", "programmes/renkei2026/day1/sessions/gw1.html",
    ] {
      let html = page(path)
      #expect(!html.contains("<script>alert"), "\(path)")
    }
    #expect(
      page("programmes/renkei2026/index.html").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;研修"))
  }

  @Test func facilitatorContent_isAbsentFromLearnerPages() throws {
    let learnerPages = try FileManager.default.subpathsOfDirectory(atPath: site.path)
      .filter { $0.hasSuffix(".html") || $0.hasSuffix(".js") || $0.hasSuffix(".ics") }
      .filter { !$0.hasPrefix("facilitator/") }
    #expect(learnerPages.count > 5)
    for path in learnerPages {
      let text = page(path)
      for secret in ["SECRET-FACILITATOR-NOTE", "SECRET-ANSWER-KEY", "SECRET-PROMPT"] {
        #expect(!text.contains(secret), "\(secret) in \(path)")
      }
    }
    let facilitator = SampleProject.read(
      facilitatorSite, "facilitator/programmes/renkei2026/day1/sessions/gw1.html")
    #expect(facilitator.contains("SECRET-FACILITATOR-NOTE"))
    #expect(facilitator.contains("SECRET-ANSWER-KEY"))
    #expect(facilitator.contains("SECRET-PROMPT"))
    #expect(SampleProject.read(facilitatorSite, "facilitator/index.html").contains("SECRET-FACILITATOR-NOTE"))
  }

  @Test func facilitatorView_showsPhaseClockTimes() {
    // gw1 starts after 15 + 45 + 10 minutes from 13:30, at 14:40.
    let html = SampleProject.read(facilitatorSite, "facilitator/programmes/renkei2026/day1/sessions/gw1.html")
    #expect(html.contains("14:40–14:50"))
    #expect(html.contains("14:50–15:30"))
  }

  @Test func timetable_showsClockTimesAndLinksActivities() {
    let html = page("programmes/renkei2026/day1/index.html")
    #expect(html.contains("<time datetime=\"13:30\">13:30</time>–<time datetime=\"13:45\">13:45</time>"))
    #expect(html.contains("<time datetime=\"15:40\">15:40</time>–<time datetime=\"15:50\">15:50</time>"))
    #expect(html.contains("href=\"../../../surveys/day1-eval/index.html\""))
    #expect(html.contains("href=\"../../../programmes/renkei2026/day1/sessions/lecture1.html\""))
  }

  @Test func sessionPage_rendersMarkdownWithRubyAndRewrittenImages() {
    let html = page("programmes/renkei2026/day1/sessions/lecture1.html")
    #expect(html.contains("<ruby>退院<rp>(</rp><rt>たいいん</rt><rp>)</rp></ruby>"))
    #expect(html.contains("src=\"../../../../content/day1/img/flow.svg\""))
    #expect(html.contains("<html lang=\"ja\""))
    #expect(html.contains("Content-Security-Policy"))
  }

  @Test func projectTemplates_overrideBuiltInOnes() {
    #expect(page("glossary/index.html").contains("PROJECT-GLOSSARY-OVERRIDE"))
    #expect(!page("index.html").contains("PROJECT-GLOSSARY-OVERRIDE"))
  }

  @Test func html_hasNoInlineScriptsOrStyles() throws {
    let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter {
      $0.hasSuffix(".html")
    }
    for path in pages {
      let html = page(path)
      #expect(!html.contains("<script>"), "\(path)")
      #expect(!html.contains(" style=\""), "\(path)")
      #expect(!html.contains(" onclick="), "\(path)")
    }
  }

  @Test func searchIndex_findsJapaneseWordsByBigrams() throws {
    let manifest = page(SiteRoutes.searchManifest)
    #expect(manifest.hasPrefix("window.KENSHU_SEARCH_INDEX={\"n\":"))
    let chunk = page("search/t0.js")
    #expect(chunk.hasPrefix("KENSHU_SEARCH_CHUNK(\"search/t0.js\",{"))
    let index = SampleProject.searchIndex(site)
    #expect(index.contains("\"退院\":[0,\""))
    #expect(!index.contains("SECRET"))
  }
}
