import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The survey page is an accessible form whose field names and values are the columns and
/// values of Kenshu's own response CSV (issue 6).
@Suite struct SurveyFormTests {
  static let evaluation = Survey(
    id: "eval", title: "研修アンケート <b>",
    items: [
      SurveyItem(id: "profession", type: .profession, text: "職種", required: true),
      SurveyItem(id: "sat", type: .likert, text: "満足度 <i>x</i>", required: true, scale: "satisfaction5"),
      SurveyItem(id: "own", type: .likert, text: "自前の尺度", scale: "yn3"),
      SurveyItem(id: "plain", type: .likert, text: "尺度の指定なし"),
      SurveyItem(id: "conf", type: .likert, text: "自信", scale: "confidence5", retrospective: true),
      SurveyItem(
        id: "years", type: .single, text: "経験年数",
        options: [SurveyOption(label: "3年未満"), SurveyOption(label: "3年以上 \"A&B\"")], allowOther: true),
      SurveyItem(
        id: "help", type: .multiple, text: "役立つもの",
        options: [SurveyOption(label: "研修会"), SurveyOption(label: "連絡票")], allowOther: true),
      SurveyItem(id: "contacts", type: .numeric, text: "人数", minimum: 0, maximum: 30),
      SurveyItem(id: "comment", type: .text, text: "ご意見", maxLength: 400),
    ])
  static let test = Survey(
    id: "pre", title: "事前テスト", kind: .preTest,
    items: [
      SurveyItem(
        id: "k1", type: .single, text: "正しいものは", required: true,
        options: [SurveyOption(label: "誤りA"), SurveyOption(label: "KEY-OPTION", correct: true)])
    ])

  static func build(_ surveys: [Survey], settings: SiteSettings = SiteSettings(title: "研修")) throws -> URL {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var evaluation = surveys
    if let index = evaluation.firstIndex(where: { $0.id == "eval" }) {
      evaluation[index].scales = [LikertScale(id: "yn3", labels: ["いいえ", "どちらとも", "はい"])]
    }
    let project = Project(settings: settings, surveys: evaluation)
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    return site
  }

  let html: String
  let testHTML: String

  init() throws {
    let site = try Self.build([Self.evaluation, Self.test])
    html = SampleProject.read(site, "surveys/eval/index.html")
    testHTML = SampleProject.read(site, "surveys/pre/index.html")
  }

  @Test func likert_isARadioGroupInAFieldsetWithTheScaleLabelsAndPointValues() {
    #expect(
      html.contains("<fieldset class=\"survey-item\" id=\"q-sat\" data-item=\"sat\" data-type=\"likert\""))
    #expect(html.contains("<legend><span class=\"survey-item__number\">2.</span> 満足度 &lt;i&gt;x&lt;/i&gt;"))
    #expect(
      html.contains(
        "<input type=\"radio\" id=\"q-sat-1\" name=\"sat\" value=\"1\" required><label for=\"q-sat-1\">不満</label>"
      ))
    #expect(html.contains("name=\"sat\" value=\"5\" required><label for=\"q-sat-5\">満足</label>"))
    // A scale the survey defines itself.
    #expect(html.contains("name=\"own\" value=\"3\"><label for=\"q-own-3\">はい</label>"))
    // No scale named: the built-in agree5, as `kenshu evaluate` reads it.
    #expect(html.contains("name=\"plain\" value=\"5\"><label for=\"q-plain-5\">そう思う</label>"))
  }

  @Test func retrospectiveItem_hasBeforeAndNowGroupsNamedLikeTheCSVColumns() {
    #expect(html.contains("data-retrospective=\"true\""))
    #expect(html.contains("<fieldset class=\"survey-subgroup\"><legend>研修前</legend>"))
    #expect(html.contains("<fieldset class=\"survey-subgroup\"><legend>現在</legend>"))
    #expect(html.contains("name=\"conf.before\" value=\"1\""))
    #expect(html.contains("name=\"conf.now\" value=\"5\""))
  }

  @Test func choiceItems_useRadiosOrCheckboxesWithOptionLabelsAndOther() {
    #expect(html.contains("type=\"radio\" id=\"q-years-1\" name=\"years\" value=\"3年未満\""))
    #expect(html.contains("value=\"3年以上 &quot;A&amp;B&quot;\""))
    #expect(html.contains("type=\"checkbox\" id=\"q-help-2\" name=\"help\" value=\"連絡票\""))
    #expect(html.contains("id=\"q-help-other\" name=\"help\" value=\"\" data-other=\"true\""))
    #expect(html.contains("<label class=\"visually-hidden\" for=\"q-years-other-text\">その他の内容</label>"))
    #expect(html.contains("data-other-text=\"years\""))
  }

  @Test func profession_offersTheSharedVocabularyByJapaneseLabel() {
    for profession in Profession.allCases {
      #expect(html.contains("name=\"profession\" value=\"\(profession.japaneseLabel)\""), "\(profession)")
    }
  }

  @Test func numericAndTextItems_carryTheirBounds() {
    #expect(
      html.contains(
        "<input type=\"number\" id=\"q-contacts-input\" name=\"contacts\" inputmode=\"decimal\" step=\"any\" min=\"0\" max=\"30\""
      ))
    #expect(html.contains("<p class=\"meta\" id=\"q-contacts-hint\">0〜30</p>"))
    #expect(html.contains("<textarea id=\"q-comment-input\" name=\"comment\" rows=\"4\" maxlength=\"400\""))
  }

  /// Answers left waiting are re-sent when any page of the site is opened, not only the form.
  @Test func everyPage_loadsTheOutbox() throws {
    let site = try Self.build([Self.evaluation])
    for path in [SiteRoutes.home, SiteRoutes.glossary, SiteRoutes.search] {
      #expect(SampleProject.read(site, path).contains("assets/outbox.js\" defer></script>"), "\(path)")
    }
  }

  /// The answer code (one-time token) from the slip: typed or filled in from the link; never
  /// in the draft, never autocompleted, and worded for each refusal.
  @Test func answerCode_isACollapsedFieldLeftOutOfTheDraft() {
    #expect(html.contains(#"<details class="survey-field survey-code" id="survey-code">"#))
    #expect(
      html.contains(
        #"<input type="text" id="answer-code" name="token" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" data-no-draft"#
      ))
    #expect(html.contains("data-msg-token-required=\"このアンケートには回答コードが必要です。"))
    #expect(html.contains("data-msg-bad-token=\"回答コードが正しくないか"))
    #expect(html.contains("data-msg-token-used=\"この回答コードはすでに使われています"))
  }

  @Test func surveyForm_isSearchableByItsQuestions_withoutTheAnswerKey() throws {
    let site = try Self.build([Self.evaluation, Self.test])
    let index = SampleProject.searchIndex(site)
    #expect(index.contains(#""u":"surveys/eval/index.html""#))
    #expect(index.contains("経験年数"))
    // The options are shown, so they are searchable; which one is correct is nowhere.
    #expect(index.contains("KEY-OPTION"))
    #expect(!index.contains("correct"))
  }

  @Test func outboxStatus_isWordedInTheFormsAttributes() {
    #expect(html.contains("data-msg-queued=\"送信待ち："))
    #expect(html.contains("data-msg-sent-later=\"送信済み："))
    #expect(html.contains("data-msg-rejected=\"サーバーが回答を受け付けませんでした（%s）"))
    #expect(html.contains("data-msg-discard=\"この回答をこの端末から削除\""))
  }

  @Test func requiredItems_areMarkedInWordsAndWithTheAttribute() {
    #expect(html.contains("職種 <span class=\"required\">（必須）</span>"))
    #expect(html.contains("data-required=\"true\""))
    #expect(!html.contains("自前の尺度 <span class=\"required\">"))
  }

  @Test func form_worksOfflineFromAScriptFileWithAParticipantField() {
    #expect(html.contains("<script src=\"../../assets/survey.js\" defer></script>"))
    // The outbox runs first: survey.js queues through it (deferred scripts run in order).
    #expect(
      html.contains(
        "<script src=\"../../assets/outbox.js\" defer></script>\n<script src=\"../../assets/survey.js\" defer></script>"
      ))
    #expect(html.contains("<input type=\"text\" id=\"participant\" name=\"participant\""))
    #expect(
      html.contains(
        "<div class=\"survey-result\" id=\"survey-result\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\">"
      )
    )
    #expect(html.contains("<noscript>"))
    // Enabled by the script: without it there is nothing to submit to.
    #expect(html.contains("<button type=\"submit\" class=\"button\" disabled>"))
    #expect(!html.contains("data-collect-url"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("<h1>研修アンケート &lt;b&gt;</h1>"))
  }

  @Test func knowledgeTest_formHasNoAnswerKey() {
    #expect(testHTML.contains("value=\"KEY-OPTION\""))
    #expect(!testHTML.contains("correct"))
    #expect(testHTML.contains("正答はこのページには表示されません"))
  }

  @Test func collectURL_isAnAttributeAndItsOriginIsAllowedByTheCSP() throws {
    let site = try Self.build(
      [Self.evaluation], settings: SiteSettings(title: "研修", collectURL: "https://kenshu.example.org/x"))
    let page = SampleProject.read(site, "surveys/eval/index.html")
    #expect(page.contains("data-collect-url=\"https://kenshu.example.org/x/\""))
    #expect(page.contains("connect-src 'self' https://kenshu.example.org;"))
  }

  @Test func sameOriginCollectPath_needsNoCSPChange() throws {
    let site = try Self.build([Self.evaluation], settings: SiteSettings(title: "研修", collectURL: "/"))
    let page = SampleProject.read(site, "surveys/eval/index.html")
    #expect(page.contains("data-collect-url=\"/\""))
    #expect(page.contains("connect-src 'self';"))
  }

  @Test func englishSites_getEnglishFormWordsButKeepTheJapaneseValues() throws {
    let site = try Self.build([Self.evaluation], settings: SiteSettings(title: "Training", language: "en"))
    let page = SampleProject.read(site, "surveys/eval/index.html")
    #expect(page.contains("<span class=\"required\">(required)</span>"))
    #expect(page.contains("<legend>Before the training</legend>"))
    #expect(page.contains("value=\"看護師\" required><label for=\"q-profession-5\">看護師 (Nurse)</label>"))
    #expect(page.contains(">Save my answers</button>"))
  }

  @Test func hostileCollectURL_neverReachesTheCSP() {
    let project = Project(settings: SiteSettings(collectURL: "https://a.example;script-src *"))
    let renderer = PageRenderer(
      project: project, content: ContentStore(contentRoot: SampleProject.root),
      theme: .load(projectRoot: SampleProject.root),
      options: BuildOptions(output: SampleProject.temporaryFolder()))
    #expect(renderer.collectOrigin == nil)
  }
}

extension Theme {
  fileprivate static func load(projectRoot: URL) -> Theme {
    var diagnostics: [Diagnostic] = []
    return Theme.load(projectRoot: projectRoot, diagnostics: &diagnostics)
  }
}

/// An anonymous survey's form asks for no participant id and says why.
@Suite struct AnonymousSurveyFormTests {
  @Test func anonymousSurvey_hasNoParticipantField_andSaysItIsAnonymous() throws {
    var anonymous = SurveyFormTests.test
    anonymous.id = "anon"
    anonymous.anonymous = true
    let site = try SurveyFormTests.build([anonymous, SurveyFormTests.test])
    let html = SampleProject.read(site, "surveys/anon/index.html")
    #expect(!html.contains(#"id="participant""#))
    #expect(html.contains(#"class="meta survey-anonymous""#) && html.contains("このアンケートは匿名です"))
    #expect(html.contains(#"id="answer-code""#), "the answer code is still asked for")
    let named = SampleProject.read(site, "surveys/pre/index.html")
    #expect(named.contains(#"id="participant""#) && !named.contains("survey-anonymous"))
  }
}
