import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// Reception's check-in page (`checkin/index.html`, issue 15): in both editions of a project
/// whose programme has a roster, with nobody's personal data, under the site's CSP with its
/// script loaded from a file, in the page's language; linked from the facilitator edition's
/// programme page only.
@Suite struct CheckInPageTests {
  static let people = [
    Person(
      id: "zz-trainee-01", name: "髙橋 﨑子", kana: "たかはし さきこ", profession: .nurse,
      organisation: "訪問看護ステーション秘密", email: "secret.takahashi@example.jp"),
    Person(
      id: "zz-staff-02", name: "進行 一郎", kana: "しんこう いちろう", profession: .doctor, roles: [.facilitator],
      email: "secret.staff@example.jp"),
  ]

  /// The sample project with a roster for its programme, and a course title that needs escaping.
  static func project(language: String = "ja", roster: Bool = true) -> Project {
    var project = SampleProject.make()
    project.settings.language = language
    if roster {
      project.rosters = [Roster(id: "renkei-roster", people: people)]
      project.programmes[0].roster = "renkei-roster"
    }
    project.programmes[0].courses[0].title = #"1日目 <b>"退院"</b> & 支援"#
    return project
  }

  func build(_ project: Project, _ edition: SiteEdition) throws -> URL {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    let report = try SiteBuilder(
      projectRoot: SampleProject.root, options: BuildOptions(output: site, edition: edition)
    ).build(project)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    return site
  }

  @Test func bothEditions_haveThePage_withItsScriptAndTheCoursesToChoose() throws {
    for edition in [SiteEdition.learner, .facilitator] {
      let site = try build(Self.project(), edition)
      let page = SampleProject.read(site, SiteRoutes.checkIn)
      #expect(page.contains("<h1>受付</h1>"), "\(edition)")
      #expect(page.contains(#"<script src="../assets/checkin.js" defer></script>"#))
      #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/checkin.js").path))
      #expect(
        page.contains(
          #"<option value="renkei2026/day1" data-programme="renkei2026" data-course="day1">"#))
      #expect(page.contains(#"<label for="checkin-code">受付コード</label>"#))
      #expect(page.contains(#"id="checkin-result" class="checkin-result" role="status" aria-live="polite""#))
    }
  }

  @Test func thePage_holdsNoPersonalData() throws {
    for edition in [SiteEdition.learner, .facilitator] {
      let page = SampleProject.read(try build(Self.project(), edition), SiteRoutes.checkIn)
      #expect(!page.isEmpty)
      for person in Self.people {
        for value in [
          person.id, person.name, person.kana ?? "", person.email ?? "", person.organisation ?? "",
        ]
        where !value.isEmpty {
          #expect(!page.contains(value), "\(edition): \(value)")
        }
      }
      #expect(!page.contains("renkei-roster"), "not even the roster's id")
    }
  }

  @Test func thePage_escapesTitles_andRunsNoInlineScript_underTheSitesCSP() throws {
    let page = SampleProject.read(try build(Self.project(), .learner), SiteRoutes.checkIn)
    #expect(page.contains("1日目 &lt;b&gt;&quot;退院&quot;&lt;/b&gt; &amp; 支援"))
    #expect(!page.contains("<b>\"退院\"</b>"))
    #expect(
      page.contains(
        #"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';"#))
    // Every script element loads a file: none has a body, none an event attribute.
    let scripts = page.components(separatedBy: "<script").dropFirst()
    #expect(scripts.count == 3)
    for script in scripts { #expect(script.hasPrefix(" src=\"") && script.contains("></script>")) }
    #expect(page.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
  }

  @Test func thePage_isInTheSitesLanguage() throws {
    let japanese = SampleProject.read(try build(Self.project(), .learner), SiteRoutes.checkIn)
    #expect(japanese.contains(#"<html lang="ja""#))
    #expect(japanese.contains("受付する"))
    let english = SampleProject.read(try build(Self.project(language: "en"), .learner), SiteRoutes.checkIn)
    #expect(english.contains(#"<html lang="en""#))
    #expect(english.contains("<h1>Check-in</h1>"))
    #expect(english.contains(">Check in</button>"))
    #expect(!english.contains("受付する"))
  }

  @Test func onlyTheFacilitatorEditionLinksIt_fromTheProgrammePage() throws {
    let learner = try build(Self.project(), .learner)
    for (path, data) in SampleProject.files(learner)
    where path.hasSuffix(".html") && path != SiteRoutes.checkIn {
      #expect(!String(decoding: data, as: UTF8.self).contains("checkin/index.html"), "\(path) links it")
    }
    let facilitator = try build(Self.project(), .facilitator)
    let programme = SampleProject.read(facilitator, SiteRoutes.programme("renkei2026"))
    #expect(programme.contains(#"<a href="../../checkin/index.html">当日の受付ページ"#))
    #expect(!SampleProject.read(facilitator, SiteRoutes.home).contains("checkin/"), "not from the navigation")
  }

  @Test func aProjectWithoutARosteredProgramme_hasNoCheckInPage() throws {
    let site = try build(Self.project(roster: false), .facilitator)
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(SiteRoutes.checkIn).path))
    #expect(!SampleProject.read(site, SiteRoutes.programme("renkei2026")).contains("checkin/"))
    // A programme naming a roster the project does not have has no desk either.
    var dangling = Self.project(roster: false)
    dangling.programmes[0].roster = "missing"
    #expect(!SitePlan(project: dangling).pages.contains { $0.kind == .checkIn })
  }
}
