import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// Controls that need JavaScript stay hidden without it (and `hidden` really hides), with a line
/// saying why; legends wrap inside their fieldsets.
@Suite struct ModuleScriptlessControlsTests {
  let site: URL

  init() throws {
    site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.settings.collectURL = "https://kenshu.example.org/"
    project.modules = [SampleModule.make(collectCompletion: true)]
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
  }

  func page(_ name: String) -> String { SampleProject.read(site, ModulePagesTests.folder + name) }

  /// Every `<button …>` start tag in `html`.
  func buttonTags(_ html: String) -> [String] {
    html.components(separatedBy: "<button").dropFirst().map {
      "<button" + ($0.split(separator: ">").first ?? "") + ">"
    }
  }

  /// Printed handouts and facilitator pages carry page numbers (issue 16).
  @Test func printedPages_areNumbered() {
    let css = SampleProject.read(site, "assets/kenshu.css")
    #expect(css.contains("@bottom-center { content: counter(page) \" / \" counter(pages);"))
  }

  @Test func hiddenAttribute_beatsClassDisplayRules() {
    let css = SampleProject.read(site, "assets/kenshu.css")
    #expect(css.contains("[hidden] { display: none !important; }"))
    // The rule that used to win over `hidden` is still there, so the guard is needed.
    #expect(css.contains(".button {\n  display: inline-block;"))
  }

  @Test(arguments: ModulePagesTests.pages)
  func everyButtonOnAModulePage_startsHidden(page name: String) {
    // Every button on a module page (採点する, もう一度解く, 回答する, この注意を閉じる, 進み具合を消去する,
    // 印刷する) needs module.js; it reveals them when they apply.
    for tag in buttonTags(page(name)) {
      #expect(tag.hasSuffix(" hidden>"), "\(name): \(tag)")
    }
  }

  @Test func buttonsThatNeedAState_areNotRevealedWithTheScript() {
    // module.js reveals [data-requires-script] at once; もう一度解く and 印刷する wait for an
    // attempt or a pass, so they must not carry that marker.
    let quiz = buttonTags(page("quiz.html"))
    #expect(quiz.contains { $0.contains("data-retry") && !$0.contains("data-requires-script") })
    let certificate = buttonTags(page("certificate.html"))
    #expect(certificate.contains { $0.contains("data-print") && !$0.contains("data-requires-script") })
    #expect(quiz.contains { $0.contains(#"type="submit""#) && $0.contains("data-requires-script") })
  }

  @Test func pagesWithScriptOnlyControls_sayWhyWithoutScript() {
    #expect(
      page("quiz.html").contains(
        "<noscript><p class=\"notice notice--warning\" data-noscript-note>採点には JavaScript が必要です。"))
    #expect(page("scenario-s1.html").contains("data-noscript-note>回答には JavaScript が必要です。"))
    #expect(
      page("certificate.html").contains("data-noscript-note>氏名と修了日の記入、合格の確認と「印刷する」ボタンには JavaScript が必要です。"))
    #expect(
      page("lesson-l1.html").contains(
        "<noscript><p data-noscript-note>（この注意を閉じるには JavaScript が必要です。）</p></noscript>"))
    // The overview's progress box already says so in place of the progress.
    #expect(page("index.html").contains("進み具合の記録には JavaScript が必要です。"))
  }

  @Test func nameFieldsThatOnlyTheScriptReads_startHidden() {
    #expect(page("quiz.html").contains(#"<p data-requires-script hidden><label for="participant-name">"#))
    #expect(
      page("certificate.html").contains(#"<p data-requires-script hidden><label for="certificate-name">"#))
  }

  @Test func legends_wrapInsideTheirFieldsets() {
    let css = SampleProject.read(site, "assets/module.css")
    #expect(
      css.contains(
        "fieldset > legend {\n  float: left; width: 100%; max-inline-size: 100%; white-space: normal;"))
    #expect(css.contains("fieldset > legend + * { clear: both; }"))
    #expect(
      SampleProject.read(site, "assets/kenshu.css").contains(
        "legend { white-space: normal; max-inline-size: 100%;"))
  }
}
