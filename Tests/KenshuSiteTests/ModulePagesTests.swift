import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

@Suite struct ModulePagesTests {
  let site: URL
  let report: BuildReport
  static let folder = "modules/safety/"
  static let pages = [
    "index.html", "lesson-l1.html", "lesson-l2.html", "scenario-s1.html", "quiz.html", "certificate.html",
  ]

  init() throws {
    site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
  }

  func page(_ name: String) -> String { SampleProject.read(site, Self.folder + name) }

  @Test func modulePages_arePlannedInLearningOrder() {
    let module = SampleModule.make()
    #expect(SiteRoutes.modulePages(module).map(\.path) == Self.pages.map { Self.folder + $0 })
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
  }

  @Test func everyModulePage_showsTheConsultationDesksAndLoadsModuleScript() {
    for name in Self.pages {
      let html = page(name)
      #expect(html.contains(#"<aside class="consultation""#), "\(name)")
      for desk in ["事業所の管理者", "県の相談窓口", "警察相談専用電話"] { #expect(html.contains(desk), "\(name): \(desk)") }
      #expect(html.contains(#"href="tel:%239110""#), "\(name)")
      #expect(html.contains(#"<script src="../../assets/module.js" defer></script>"#), "\(name)")
      // Completions go through the outbox, which also re-sends survey answers left waiting.
      #expect(html.contains(#"<script src="../../assets/outbox.js" defer></script>"#), "\(name)")
      #expect(html.contains("../../assets/module.css"), "\(name)")
    }
  }

  @Test func contentWarning_comesBeforeTheContent() throws {
    for name in Self.pages {
      let html = page(name)
      let warning = try #require(html.range(of: "暴力の場面が含まれます。"), "\(name)")
      let pager = try #require(html.range(of: #"<nav class="pager""#), "\(name)")
      #expect(warning.lowerBound < pager.lowerBound, "\(name)")
    }
    let lesson = page("lesson-l1.html")
    #expect(
      try #require(lesson.range(of: "暴力の場面")).lowerBound < #require(lesson.range(of: "身体的暴力と")).lowerBound)
  }

  @Test func facilitatorOnlyContent_isAbsentFromModulePages() {
    for name in Self.pages {
      let html = page(name)
      #expect(!html.contains("SECRET-PROMPT"), "\(name)")
      #expect(!html.contains("facilitator-banner"), "\(name)")
      #expect(!html.contains("noindex"), "\(name)")
    }
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("facilitator/modules").path))
  }

  @Test func xmlText_isEscapedOnModulePages() {
    #expect(page("quiz.html").contains("精神的暴力は？ &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!page("quiz.html").contains("<script>alert(1)"))
    #expect(page("lesson-l2.html").contains("兆候 &lt;b&gt;太字&lt;/b&gt;"))
    #expect(page("quiz.html").contains("正解 &amp; 解説"))
  }

  @Test func quiz_withoutScript_showsEveryAnswerInDetails() {
    let html = page("quiz.html")
    #expect(html.components(separatedBy: #"<details class="answer">"#).count - 1 == 2)
    #expect(html.contains("<strong>正解:</strong> 脅す"))
    #expect(html.contains("<strong>正解:</strong> 誤り"))
    #expect(html.contains("3つに分けて考えます。"))
    #expect(
      html.contains(#"<button type="submit" class="button button--primary" data-requires-script hidden>"#))
    #expect(html.contains(#"<legend><span class="question__number">問1</span>"#))
    #expect(html.contains(#"data-shuffle="true""#))
    #expect(html.contains("自己学習のための確認テストです。合格ラインは 80% です。"))
  }

  @Test func scenario_isARadioGroupWithALiveFeedbackRegion() {
    let html = page("scenario-s1.html")
    #expect(html.contains("<fieldset>\n<legend>"))
    #expect(
      html.contains(#"<input type="radio" name="choice" id="scenario-s1-b" value="b" data-correct="true">"#))
    #expect(html.contains(#"<div class="feedback" role="status" data-feedback></div>"#))
    // Recommended or not is written, never shown by colour alone.
    #expect(html.contains("✓ 推奨される対応"))
    #expect(html.contains("△ より良い対応があります"))
  }

  @Test func overview_showsFactsProgressAndStartLink() {
    let html = page("index.html")
    #expect(html.contains("<dd>30分</dd>"))
    #expect(html.contains("<li>看護師</li>"))
    #expect(html.contains("1 (令和元年5月1日（2019年5月1日）)"))
    #expect(html.contains("data-reset-progress hidden"))
    #expect(html.contains(#"<a class="button button--primary" href="lesson-l1.html">学習を始める</a>"#))
  }

  @Test func certificate_isSelfDeclaredUnlessConfigured() throws {
    #expect(page("certificate.html").contains(#"<p class="certificate__stamp" data-self-declared>自己申告</p>"#))
    // Not collected by a server: nothing can say the organiser verified it.
    #expect(!page("certificate.html").contains("data-verified"))
    #expect(page("certificate.html").contains("みなと市 健康福祉部"))
    let other = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.modules = [SampleModule.make(selfDeclared: false)]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: other)).build(project)
    #expect(!SampleProject.read(other, Self.folder + "certificate.html").contains("自己申告"))
  }

  @Test func completions_arePostedOnlyWhenTheModuleAndSiteAllowIt() throws {
    #expect(!page("quiz.html").contains("data-collect-url"))
    let other = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.settings.collectURL = "https://kenshu.example.org/"
    project.modules = [SampleModule.make(collectCompletion: true)]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: other)).build(project)
    #expect(
      SampleProject.read(other, Self.folder + "quiz.html").contains(
        #"data-collect-url="https://kenshu.example.org/api/modules/safety/completions""#))
    // The certificate carries the "verified by the organiser" stamp, hidden until module.js
    // has seen the server store a passing completion; the self-declared stamp can be hidden.
    let certificate = SampleProject.read(other, Self.folder + "certificate.html")
    #expect(certificate.contains(#"data-verified hidden>主催者確認済み</p>"#))
    #expect(certificate.contains("主催者のサーバーに記録されました"))
    #expect(certificate.contains(#"data-self-declared>自己申告"#))
  }

  /// Every learner page of a module is searchable, the quiz by its questions and choices
  /// (never by an answer's feedback, which the page hides until answered).
  @Test func everyModulePage_isInTheSearchIndex() {
    let index = SampleProject.searchIndex(site)
    for name in Self.pages {
      #expect(index.contains(#""u":"modules/safety/\#(name)""#), "\(name)")
    }
    #expect(index.contains(#""u":"index.html""#), "the home page")
    let module = SampleModule.make()
    let feedback = (module.quiz?.questions ?? []).compactMap(\.feedback).filter { !$0.isEmpty }
    for text in feedback { #expect(!index.contains(text), "\(text)") }
  }

  @Test func packagedPages_haveNoSiteNavigation() throws {
    var project = SampleProject.make()
    project.modules = [SampleModule.make()]
    var preTest = Survey(id: "safety-pre", title: "事前テスト", kind: .preTest, items: [])
    preTest.module = "safety"
    project.surveys.append(preTest)
    let files = try #require(
      ModuleFiles.render(moduleID: "safety", project: project, projectRoot: SampleProject.root))
    let overview = String(decoding: try #require(files.files["modules/safety/index.html"]), as: UTF8.self)
    #expect(!overview.contains("site-nav"))
    #expect(!overview.contains(#"href="../../index.html""#))
    #expect(overview.contains(#"data-package="scorm""#))
    #expect(files.files["assets/module.js"] != nil)
    // No collection server inside an LMS: no outbox in the package.
    #expect(!overview.contains("outbox.js"))
    // The site's survey pages are not in the package: no link to them (a 404 in the LMS).
    #expect(!overview.contains("surveys/"))
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    #expect(SampleProject.read(site, Self.folder + "index.html").contains("../../surveys/safety-pre/"))
    #expect(files.startPage == "modules/safety/index.html")
  }
}
