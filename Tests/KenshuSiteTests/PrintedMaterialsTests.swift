import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuSite

/// Printed materials for the day (issue 16): the handout carries each group work's roles, phases
/// with minutes and cases (never prompts or answer keys), and every printed page of a programme
/// its title and edition.
@Suite struct PrintedMaterialsTests {
  let learner: URL
  let facilitator: URL

  init() throws {
    let folder = SampleProject.temporaryFolder()
    learner = folder.appendingPathComponent("site")
    facilitator = folder.appendingPathComponent("facilitator-site")
    let project = SampleProject.make(title: "<script>alert('x')</script>研修")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: learner)).build(
      project)
    _ = try SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: facilitator, edition: .facilitator)
    ).build(project)
  }

  static let handout = "programmes/renkei2026/day1/handout/index.html"

  @Test(arguments: [true, false])
  func handout_holdsTheGroupWorksLearnerParts(facilitatorEdition: Bool) {
    let page = SampleProject.read(facilitatorEdition ? facilitator : learner, Self.handout)
    #expect(page.contains(#"<h3 id="s-gw1-gw">グループワーク</h3>"#))
    #expect(page.contains("1グループの人数: 6"))
    #expect(page.contains("<strong>司会</strong>：全員が発言できるよう進める"))
    // Phases with minutes and their clock times from the session's start (13:30 + 15 + 45 + 10).
    #expect(page.contains("<strong>個人ワーク</strong> <span class=\"meta\">10分 · 14:40–14:50</span>"))
    #expect(page.contains("<strong>全体共有</strong> <span class=\"meta\">10分"))
    // The case, with an id of its own session's, and its body.
    #expect(page.contains(#"<h5 id="s-gw1-case-a">"#))
    #expect(page.contains("誤嚥性肺炎で入院し、自宅への退院を希望している"))
    #expect(page.contains("退院前に誰が何を確認しますか？"))
    // Never facilitator-only text, whichever edition the handout is built in.
    #expect(!page.contains("SECRET-PROMPT") && !page.contains("SECRET-ANSWER-KEY"))
    #expect(!page.contains("answer-key"))
  }

  static let pack = "facilitator/programmes/renkei2026/day1/pack/index.html"

  /// The printed timetables' clock times stay on one line on a phone too (the shared
  /// `timetable__time` cell: at 390 px the handout broke `13:30–13:40` between its digits).
  @Test func printedTimetables_keepEachTimeRangeOnOneLine() {
    for page in [SampleProject.read(learner, Self.handout), SampleProject.read(facilitator, Self.pack)] {
      #expect(page.contains(#"<tr><td class="timetable__time">13:30–13:45</td>"#))
      #expect(!page.contains("<tr><td>13:30–"))
    }
  }

  @Test func facilitatorPack_holdsNotesPromptsCasesAndAnswerKeys() {
    let page = SampleProject.read(facilitator, Self.pack)
    #expect(page.contains("ファシリテーター用資料（印刷用）"))
    #expect(page.contains(#"<table class="timetable">"#))
    #expect(page.contains(#"<h2 id="s-gw1">14:40–15:40 グループワーク：退院前カンファレンス</h2>"#))
    #expect(page.contains("SECRET-PROMPT: 付箋に書き出すよう促す"))
    #expect(page.contains("SECRET-ANSWER-KEY") && page.contains("解答のポイント（ファシリテーター用）"))
    #expect(page.contains(#"<h5 id="s-gw1-case-a">"#))
    #expect(page.contains("退院前に誰が何を確認しますか？"))
    #expect(page.contains("facilitator-banner"))
    // Reached from the facilitator notes and the course's timetable of the facilitator edition.
    #expect(
      SampleProject.read(facilitator, "facilitator/index.html").contains(
        "programmes/renkei2026/day1/pack/index.html"))
    #expect(
      SampleProject.read(facilitator, "programmes/renkei2026/day1/index.html").contains("pack/index.html"))
  }

  @Test func learnerEdition_hasNoFacilitatorPack_norALinkToOne() {
    #expect(!FileManager.default.fileExists(atPath: learner.appendingPathComponent(Self.pack).path))
    #expect(!SampleProject.read(learner, "programmes/renkei2026/day1/index.html").contains("pack/index.html"))
  }

  @Test func printedPages_carryTheProgrammeAndItsEdition_inAnEscapedString() {
    let css = SampleProject.read(learner, "assets/settings.css")
    #expect(
      css.contains(
        #"@page kenshu-renkei2026 { @top-right { content: "\3c script\3e alert('x')\3c /script\3e 研修 · 1.0 版（2026-06-01）"; "#
      ))
    #expect(css.contains("@media print { .print-renkei2026 { page: kenshu-renkei2026; } }"))
    #expect(!css.contains("<script"))
    for path in [
      Self.handout, "programmes/renkei2026/day1/index.html", "programmes/renkei2026/day1/sessions/gw1.html",
    ] {
      #expect(SampleProject.read(learner, path).contains("print-renkei2026\">"), "\(path)")
    }
    // Pages of no programme stay on the plain page.
    #expect(!SampleProject.read(learner, "glossary/index.html").contains("print-renkei2026"))
  }

  @Test func cssString_escapesWhatCouldEndTheStringOrTheRule() {
    #expect(PrintedEdition.cssString(#"a"b\c;}{<>"#) == #""a\22 b\5c c\3b \7d \7b \3c \3e ""#)
    #expect(PrintedEdition.cssString("改\n行") == #""改\a 行""#)
    #expect(PrintedEdition.label(title: "研修", edition: nil) == "研修")
    #expect(PrintedEdition.label(title: "研修", edition: Edition(version: "2", date: nil)) == "研修 · 2 版")
  }
}

/// Two programmes' pages of the same kind and depth: each body selects its own programme's
/// printed page (the layout cache once handed the second the first one's frame).
@Suite struct PrintedEditionPerProgrammeTests {
  @Test func everyProgrammesPages_selectTheirOwnNamedPage() throws {
    var project = SampleProject.make()
    var second = project.programmes[0]
    second.id = "second"
    second.title = "二つ目の研修"
    project.programmes.append(second)
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    let facilitator = SampleProject.temporaryFolder().appendingPathComponent("facilitator-site")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    _ = try SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: facilitator, edition: .facilitator)
    ).build(project)
    for id in ["renkei2026", "second"] {
      for path in ["programmes/\(id)/index.html", "programmes/\(id)/day1/handout/index.html"] {
        #expect(SampleProject.read(site, path).contains("print-\(id)\">"), "\(path)")
      }
      let pack = SampleProject.read(facilitator, "facilitator/programmes/\(id)/day1/pack/index.html")
      #expect(pack.contains("print-\(id)\">"))
    }
    #expect(SampleProject.read(site, "assets/settings.css").contains(#""二つ目の研修 · 1.0 版（2026-06-01）""#))
  }
}

/// The facilitator pack shows a group-work session's seating when `kenshu groups` has written
/// its plan (`private/groups-PROGRAMME-SESSION.csv`); the learner edition never reads it.
@Suite struct FacilitatorPackSeatingTests {
  @Test func pack_showsThePlansTables_perRound() throws {
    let root = try RebuildTests.copyOfProject()
    let plan = GroupSeating.planFile(projectRoot: root, programme: "renkei2026", session: "gw1")
    try FileManager.default.createDirectory(
      at: plan.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(
      """
      round,group,person id,name,profession,organisation,role
      1,1,f1,進行 一郎,看護師,A,facilitator
      1,1,p1,山田 花子,医師,B,participant
      1,1,p2,佐藤 次郎,介護支援専門員,C,participant
      1,2,p3,鈴木 三郎,薬剤師,D,participant
      2,1,p3,鈴木 三郎,薬剤師,D,participant

      """.utf8
    ).write(to: plan)
    let folder = root.deletingLastPathComponent()
    let facilitator = folder.appendingPathComponent("facilitator-site")
    let learner = folder.appendingPathComponent("site")
    _ = try SiteBuilder(projectRoot: root, options: BuildOptions(output: facilitator, edition: .facilitator))
      .build(
        SampleProject.make())
    _ = try SiteBuilder(projectRoot: root, options: BuildOptions(output: learner)).build(SampleProject.make())
    let pack = SampleProject.read(facilitator, PrintedMaterialsTests.pack)
    #expect(pack.contains("<caption>ラウンド 1</caption>") && pack.contains("<caption>ラウンド 2</caption>"))
    #expect(
      pack.contains(
        #"<tr><th scope="row">1</th><td>進行 一郎</td><td>山田 花子（医師）<br>佐藤 次郎（介護支援専門員）<br></td></tr>"#))
    #expect(pack.contains(#"<tr><th scope="row">2</th><td></td><td>鈴木 三郎（薬剤師）<br></td></tr>"#))
    // Nothing of the plan in any learner page.
    for path in [PrintedMaterialsTests.handout, "programmes/renkei2026/day1/sessions/gw1.html"] {
      #expect(!SampleProject.read(learner, path).contains("山田 花子"))
    }
  }

  @Test func aFileWithoutThePlansColumns_isLeftOut() throws {
    let table = Table(file: "x.csv", header: ["名前"], records: [CSVRecord(line: 2, fields: ["山田"])])
    #expect(GroupSeating.tables(table) == nil)
  }
}
