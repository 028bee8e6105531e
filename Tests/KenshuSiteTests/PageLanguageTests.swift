import Foundation
import KenshuModel
import KenshuSite
import Testing

/// Every page's `lang` and interface words follow its content's language: a Japanese site's
/// English programme has English pages, and an English site's Japanese programme Japanese ones.
@Suite struct PageLanguageTests {
  private func build(siteLanguage: String, programmeLanguage: String) throws -> URL {
    var project = SampleProject.make()
    project.settings.language = siteLanguage
    project.programmes[0].language = "ja"
    var english = project.programmes[0]
    english.id = "english"
    english.language = programmeLanguage
    english.title = "Interprofessional training"
    project.programmes.append(english)
    let site = SampleProject.temporaryFolder()
    let report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    return site
  }

  @Test func test_japaneseSite_englishProgramme_hasEnglishPages() throws {
    let site = try build(siteLanguage: "ja", programmeLanguage: "en")
    defer { try? FileManager.default.removeItem(at: site) }
    let english = SampleProject.read(site, "programmes/english/index.html")
    #expect(english.contains(#"<html lang="en""#))
    #expect(english.contains("Add to calendar (.ics)"))
    #expect(!english.contains("カレンダーに追加"))
    let timetable = SampleProject.read(site, "programmes/english/day1/index.html")
    #expect(timetable.contains(#"<html lang="en""#))
    #expect(timetable.contains("Timetable"))
    let japanese = SampleProject.read(site, "programmes/renkei2026/index.html")
    #expect(japanese.contains(#"<html lang="ja""#))
    #expect(japanese.contains("カレンダーに追加"))
    // The home page is the site's: Japanese, with the English programme's card marked.
    let home = SampleProject.read(site, "index.html")
    #expect(home.contains(#"<html lang="ja""#))
    #expect(home.contains(#"<li class="card" lang="en">"#))
    #expect(home.components(separatedBy: #"lang="en""#).count == 2)
  }

  @Test func test_undeclaredLanguage_isTheSites() throws {
    var project = SampleProject.make()
    project.settings.language = "en"
    let site = SampleProject.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    #expect(SampleProject.read(site, "programmes/renkei2026/index.html").contains(#"<html lang="en""#))
    #expect(!SampleProject.read(site, "index.html").contains(#"<li class="card" lang="#))
  }

  @Test func test_englishSite_japaneseProgramme_hasJapanesePages() throws {
    let site = try build(siteLanguage: "en", programmeLanguage: "en")
    defer { try? FileManager.default.removeItem(at: site) }
    // renkei2026 says xml:lang="ja".
    let japanese = SampleProject.read(site, "programmes/renkei2026/index.html")
    #expect(japanese.contains(#"<html lang="ja""#))
    #expect(japanese.contains("カレンダーに追加"))
    let home = SampleProject.read(site, "index.html")
    #expect(home.contains(#"<html lang="en""#))
    #expect(home.contains("Programmes"))
    #expect(home.contains(#"<li class="card" lang="ja">"#))
  }

  /// An English site whose English programme has one session written in Japanese
  /// (`<content xml:lang="ja">`): the page stays English, the content is marked Japanese.
  @Test func test_englishProgramme_japaneseContent_isMarkedJapanese() throws {
    var project = SampleProject.make()
    project.settings.language = "en"
    project.programmes[0].language = "en"
    let course = project.programmes[0].courses[0]
    let index = try #require(course.sessions.firstIndex { $0.content != nil })
    project.programmes[0].courses[0].sessions[index].content?.language = "ja"
    let site = SampleProject.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    let report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    let page = { (session: Session) in
      SampleProject.read(
        site, "programmes/\(project.programmes[0].id)/\(course.id)/sessions/\(session.id).html")
    }
    let japanese = page(course.sessions[index])
    #expect(japanese.contains(#"<html lang="en""#))
    #expect(japanese.contains("<div lang=\"ja\">"))
    #expect(japanese.components(separatedBy: "<div lang=\"ja\">").count == 2)
    let handout = SampleProject.read(
      site, "programmes/\(project.programmes[0].id)/\(course.id)/handout/index.html")
    #expect(handout.components(separatedBy: "<div lang=\"ja\">").count == 2)
  }

  /// A Japanese programme with one English session (`<session xml:lang="en">`, its content
  /// English too, as the loader gives it): the session's page is English — `lang`, interface
  /// words — with the programme's and course's titles above it marked Japanese; the session's
  /// entries on the Japanese timetable, handout and neighbouring session pages are marked English.
  /// `programme` "" is a programme without `xml:lang` (in the site's language): its titles
  /// above the English session must be marked Japanese all the same (review finding).
  @Test(arguments: ["ja", ""])
  func test_japaneseProgramme_englishSession_hasAnEnglishPage_andIsMarkedWhereListed(
    programme language: String
  )
    throws
  {
    var project = SampleProject.make()
    project.settings.language = "ja"
    project.programmes[0].language = language
    let course = project.programmes[0].courses[0]
    let index = try #require(course.sessions.firstIndex { $0.id == "lecture1" })
    project.programmes[0].courses[0].sessions[index].language = "en"
    project.programmes[0].courses[0].sessions[index].title = "Discharge planning"
    project.programmes[0].courses[0].sessions[index].content?.language = "en"
    let site = SampleProject.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    let report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      project)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    let programme = "programmes/\(project.programmes[0].id)/\(course.id)"
    let english = SampleProject.read(site, "\(programme)/sessions/lecture1.html")
    #expect(english.contains(#"<html lang="en""#))
    #expect(english.contains(">Objectives<"))
    #expect(!english.contains(">到達目標<"))
    #expect(english.contains(#" lang="ja">1日目 退院支援</a>"#))
    #expect(!english.contains("<div lang="))
    // The next page is Japanese, with a link back to the English session marked.
    let next = SampleProject.read(site, "\(programme)/sessions/gw1.html")
    #expect(next.contains(#"<html lang="ja""#))
    #expect(next.contains(#"<span lang="en">Discharge planning</span>"#))
    let timetable = SampleProject.read(site, "\(programme)/index.html")
    #expect(timetable.contains(#"<html lang="ja""#))
    #expect(timetable.contains(#"sessions/lecture1.html" lang="en">Discharge planning</a>"#))
    #expect(timetable.components(separatedBy: #"lang="en""#).count == 2)
    let handout = SampleProject.read(site, "\(programme)/handout/index.html")
    #expect(handout.contains(#"<th scope="row" lang="en">Discharge planning</th>"#))
    #expect(handout.contains(#"<span lang="en">Discharge planning</span></h2>"#))
    #expect(handout.components(separatedBy: "<div lang=\"en\">").count == 2)
  }
}
