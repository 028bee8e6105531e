import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

@Suite struct RebuildTests {
  /// A writable copy of the fixture project, so a test can edit its content.
  static func copyOfProject() throws -> URL {
    let copy = SampleProject.temporaryFolder().appendingPathComponent("project")
    try FileManager.default.copyItem(at: SampleProject.root, to: copy)
    return copy
  }

  @Test func editedContentFile_reRendersOnlyThePagesShowingIt() throws {
    let root = try Self.copyOfProject()
    let site = root.deletingLastPathComponent().appendingPathComponent("site")
    let builder = SiteBuilder(
      projectRoot: root, options: BuildOptions(output: site, writeMode: .inPlace, edition: .facilitator))
    let project = SampleProject.make()
    _ = try builder.build(project)
    let before = SampleProject.files(site)
    let file = root.appendingPathComponent("content/day1/discharge.md")
    try (String(contentsOf: file, encoding: .utf8) + "\n追記：看取りの準備\n").write(
      to: file, atomically: true, encoding: .utf8)
    let report = try builder.build(project)
    // The learner and facilitator session pages, the handout and files of the search index.
    let after = SampleProject.files(site)
    let changed = Set(after.keys.filter { after[$0] != before[$0] })
    #expect(
      Set(changed.filter { !$0.hasPrefix("search/") })
        == Set([
          "programmes/renkei2026/day1/sessions/lecture1.html",
          "facilitator/programmes/renkei2026/day1/sessions/lecture1.html",
          "programmes/renkei2026/day1/handout/index.html",
        ]))
    #expect(changed.contains { $0.hasPrefix("search/doc/") })
    #expect(report.written == changed.count)
    #expect(SampleProject.read(site, "programmes/renkei2026/day1/sessions/lecture1.html").contains("看取りの準備"))
    #expect(SampleProject.read(site, "programmes/renkei2026/day1/handout/index.html").contains("看取りの準備"))
  }

  @Test func englishProjects_getEnglishInterfaceAndLang() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.settings.language = "en"
    // Pages follow their programme's language (loaded from XML, an undeclared one is the site's).
    project.programmes[0].language = "en"
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    let html = SampleProject.read(site, "programmes/renkei2026/day1/index.html")
    #expect(html.contains("<html lang=\"en\""))
    #expect(html.contains("Skip to content"))
    #expect(html.contains("Timetable"))
  }

  @Test func sharedLayoutFrames_stillGiveEachPageItsOwnTitleAndCanonicalURL() throws {
    let site = SampleProject.temporaryFolder().appendingPathComponent("site")
    var project = SampleProject.make()
    project.programmes[0].courses[0].sessions[1].title = "講義 <b>&</b>"
    let options = BuildOptions(output: site, baseURL: "https://example.org/kenshu")
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: options).build(project)
    let lecture = SampleProject.read(site, "programmes/renkei2026/day1/sessions/lecture1.html")
    let groupWork = SampleProject.read(site, "programmes/renkei2026/day1/sessions/gw1.html")
    #expect(lecture.contains("<title>講義 &lt;b&gt;&amp;&lt;/b&gt; | 1日目 退院支援 | 研修サイト</title>"))
    #expect(groupWork.contains("<title>グループワーク：退院前カンファレンス | 1日目 退院支援 | 研修サイト</title>"))
    #expect(
      groupWork.contains(
        "<link rel=\"canonical\" href=\"https://example.org/kenshu/programmes/renkei2026/day1/sessions/gw1.html\">"
      ))
    #expect(!lecture.contains("\u{E000}"))
  }

  @Test func accentColour_goesToAStylesheetAndBadValuesAreRefused() {
    var diagnostics: [Diagnostic] = []
    let css = SettingsStylesheet.css(for: SiteSettings(accentColour: "#1f6f8b"), diagnostics: &diagnostics)
    #expect(css.contains("--accent: #1f6f8b"))
    #expect(diagnostics.isEmpty)
    let injected = SettingsStylesheet.css(
      for: SiteSettings(accentColour: "red} body{display:none"), diagnostics: &diagnostics)
    #expect(!injected.contains("display:none"))
    #expect(diagnostics.map(\.code) == ["site-accent-invalid"])
  }

  @Test(arguments: ["#1d5e3a", "#0b2545", "#1f6f8b", "#000", "#7cc4dd", "#c0392b"])
  func accentColour_inDarkModeKeepsItsHueAndReadsOnTheDarkBackground(accent: String) throws {
    var diagnostics: [Diagnostic] = []
    let css = SettingsStylesheet.css(for: SiteSettings(accentColour: accent), diagnostics: &diagnostics)
    let line = try #require(css.split(separator: "\n").first { $0.contains("prefers-color-scheme: dark") })
    let value = try #require(line.split(separator: "--accent: ").last?.prefix(7))
    let dark = try #require(SettingsStylesheet.hexColour(String(value)))
    for surface in SettingsStylesheet.darkSurfaces {
      #expect(SettingsStylesheet.contrast(dark, surface) >= 7, "\(accent) → \(value)")
    }
    // Lightened towards white, never shifted in hue: each channel moves by the same share.
    let original = try #require(SettingsStylesheet.hexColour(accent))
    #expect(dark.0 >= original.0 && dark.1 >= original.1 && dark.2 >= original.2)
  }
}
