import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// Regressions for the problems found reviewing the sample site (issue 3).
@Suite struct SiteReviewFixTests {
  static let content = """
    # 概要

    ### 深い見出し[^1]

    ## 手順

    [^1]: 注記
    """

  static func project() -> Project {
    let groupWork = GroupWorkSpec(
      size: 6,
      cases: [
        GroupCase(
          id: "a", title: "事例A：退院", body: MarkdownBlock(.inline("# 事例A：退院\n\n本文\n\n## 経過")),
          answerKey: MarkdownBlock(.inline("## 手順\n\n鍵")))
      ],
      phases: [GroupPhase(title: "個人ワーク", minutes: 10), GroupPhase(title: "討議", minutes: 40)])
    let sessions = [
      Session(
        id: "s1", kind: .lecture, title: "講義", durationMinutes: 30, instructors: ["i1"],
        content: MarkdownBlock(.inline(content)), facilitatorNotes: [MarkdownBlock(.inline("## 手順\n\nメモ"))]),
      Session(
        id: "gw", kind: .groupwork, title: "GW", durationMinutes: 60,
        facilitators: ["f-qualified", "f-unqualified"], content: MarkdownBlock(.inline(content)),
        facilitatorNotes: [MarkdownBlock(.inline("## 手順\n\nメモ"))], groupWork: groupWork),
    ]
    let course = Course(
      id: "d1", title: "1日目", date: "2026-07-04", start: ClockTime(hour: 11, minute: 20), mode: "onsite",
      sessions: sessions)
    let roster = Roster(
      id: "staff",
      people: [
        Person(
          id: "i1", name: "講師 一郎", profession: .doctor, organisation: "ORG-SECRET", roles: [.instructor],
          email: "i1@example.jp"),
        Person(
          id: "f-qualified", name: "有資格 花子", profession: .nurse, organisation: "ORG-SECRET",
          roles: [.facilitator], email: "f@example.jp",
          qualifications: [Qualification(subject: "p", role: .facilitator)]),
        Person(id: "f-unqualified", name: "未修了 次郎", profession: .careManager, roles: [.facilitator]),
      ])
    return Project(
      settings: SiteSettings(title: "研修"),
      programmes: [Programme(id: "p", title: "研修", courses: [course])], rosters: [roster])
  }

  let site: URL

  init() throws {
    site = SampleProject.temporaryFolder().appendingPathComponent("site")
    // The facilitator edition: these regressions concern both views.
    _ = try SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: site, edition: .facilitator)
    ).build(Self.project())
  }

  func page(_ path: String) -> String { SampleProject.read(site, path) }

  static func headingLevels(_ html: String) -> [Int] {
    html.matches(of: /<h([1-6])[ >]/).compactMap { Int($0.1) }
  }

  static func ids(_ html: String) -> [String] {
    html.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
  }

  @Test func headingLevels_neverSkipOnAnyPage() throws {
    let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter {
      $0.hasSuffix(".html")
    }
    #expect(pages.count > 5)
    for path in pages {
      let levels = Self.headingLevels(page(path))
      for (previous, next) in zip(levels, levels.dropFirst()) {
        #expect(next <= previous + 1, "h\(next) follows h\(previous) in \(path)")
      }
    }
  }

  @Test func ids_areUniqueOnEveryPageEvenWithSeveralDocuments() throws {
    let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter {
      $0.hasSuffix(".html")
    }
    for path in pages {
      let ids = Self.ids(page(path))
      #expect(Set(ids).count == ids.count, "duplicate ids in \(path): \(ids)")
    }
    // The same Markdown twice in the handout: prefixed per session, links follow.
    let handout = page("programmes/p/d1/handout/index.html")
    #expect(handout.contains("<h3 id=\"s-s1-h-概要\">"))
    #expect(handout.contains("<h3 id=\"s-gw-h-概要\">"))
    #expect(handout.contains("href=\"#s-gw-fn-1\""))
    // Every in-page link (footnotes and their back-references) still finds its target.
    let targets = Set(Self.ids(handout))
    let anchors = handout.matches(of: /href="#([^"]+)"/).map { String($0.1) }
    #expect(anchors.count >= 4)
    for anchor in anchors { #expect(targets.contains(anchor), "#\(anchor) has no target") }
  }

  @Test func markdownHeadings_nestUnderThePageHeadings() {
    let learner = page("programmes/p/d1/sessions/s1.html")
    // `#` → h2 under the page's h1; `###` directly after it → h3, not h4; `##` → h3.
    #expect(learner.contains("<h2 id=\"h-概要\">概要</h2>"))
    #expect(learner.contains("<h3 id=\"h-深い見出し\">"))
    #expect(learner.contains("<h3 id=\"h-手順\">手順</h3>"))
  }

  @Test func placement_ranksLevelsAndNeverDescendsMoreThanOne() {
    #expect(HeadingPlacement.placedLevels([1, 3, 2], base: 2) == [2, 3, 3])
    #expect(HeadingPlacement.placedLevels([3, 1], base: 2) == [2, 2])
    #expect(HeadingPlacement.placedLevels([2, 4, 6], base: 5) == [5, 6, 6])
    #expect(HeadingPlacement.placedLevels([], base: 2) == [])
  }

  @Test func caseBody_startingWithTheCaseTitle_showsItOnce() {
    let html = page("programmes/p/d1/sessions/gw.html")
    #expect(html.components(separatedBy: "事例A：退院").count - 1 == 1)
    #expect(html.contains("<h5 id=\"case-a-h-経過\">経過</h5>"))
  }

  @Test func leadingHeading_repeatingAShortenedTitle_countsAsTheTitle() {
    #expect(HeadingPlacement.sameTitle("事例1：Ａさん（80代男性）", "事例1：Aさん（80代男性）の退院支援"))
    #expect(HeadingPlacement.sameTitle("事例 A", "事例A"))
    #expect(!HeadingPlacement.sameTitle("事例1", "事例1：Aさん"))
    #expect(!HeadingPlacement.sameTitle("本人の状況", "事例1：Aさん"))
  }

  @Test func groupWorkPhases_showTheirOwnClockTimes() {
    // gw starts at 11:50, after the 30-minute lecture from 11:20.
    for path in ["programmes/p/d1/sessions/gw.html", "facilitator/programmes/p/d1/sessions/gw.html"] {
      let html = page(path)
      #expect(html.contains("10分 · 11:50–12:00"), "\(path)")
      #expect(html.contains("40分 · 12:00–12:40"), "\(path)")
      #expect(!html.contains("分 · 11:50–12:50"), "\(path)")
    }
    #expect(page("facilitator/index.html").contains("<strong>12:00–12:40</strong>"))
  }

  @Test func courseMode_isShownInWords() {
    #expect(page("programmes/p/d1/index.html").contains(" · 会場</p>"))
    #expect(page("programmes/p/index.html").contains(" · 会場</p>"))
    #expect(!page("programmes/p/d1/index.html").contains("onsite"))
  }

  @Test func timetableMinutes_doNotWrap() {
    let html = page("programmes/p/d1/index.html")
    #expect(html.contains("<td class=\"timetable__minutes\" data-unit=\"分\">30</td>"))
    #expect(page("assets/kenshu.css").contains(".timetable__minutes { white-space: nowrap;"))
    // At 320 px rows become cards instead of four squeezed columns.
    #expect(html.contains("<table class=\"timetable timetable--stacked\">"))
    #expect(page("assets/kenshu.css").contains("@media (max-width: 36rem)"))
  }

  @Test func sessionPeople_areQualifiedFacilitatorsByNameOnly() {
    let html = page("programmes/p/d1/sessions/gw.html")
    #expect(html.contains("ファシリテーター: 有資格 花子"))
    #expect(!html.contains("未修了 次郎"))
    #expect(page("programmes/p/d1/sessions/s1.html").contains("講師: 講師 一郎"))
    for path in ["programmes/p/d1/sessions/gw.html", "programmes/p/d1/sessions/s1.html"] {
      #expect(!page(path).contains("ORG-SECRET"))
      #expect(!page(path).contains("@example.jp"))
    }
  }

  @Test func withoutRecordedQualifications_everyFacilitatorIsListed() throws {
    var project = Self.project()
    for index in project.rosters[0].people.indices { project.rosters[0].people[index].qualifications = [] }
    let other = SampleProject.temporaryFolder().appendingPathComponent("site")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: other)).build(project)
    #expect(SampleProject.read(other, "programmes/p/d1/sessions/gw.html").contains("有資格 花子、未修了 次郎"))
  }
}
