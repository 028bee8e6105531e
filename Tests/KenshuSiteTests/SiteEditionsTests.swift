import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The learner edition has no facilitator page, link, text or file; the facilitator edition has
/// them all; a project can publish both together.
@Suite struct SiteEditionsTests {
  let planted: PlantedFacilitatorProject
  let learner: (site: URL, report: BuildReport)
  let facilitator: (site: URL, report: BuildReport)

  init() throws {
    planted = try PlantedFacilitatorProject()
    learner = try planted.build(.learner)
    facilitator = try planted.build(.facilitator)
  }

  @Test func bothEditions_build() {
    for report in [learner.report, facilitator.report] {
      #expect(report.published)
      #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
    }
    #expect(facilitator.report.pages > learner.report.pages)
  }

  @Test func learnerEdition_holdsNoPlantedTextInAnyFile() throws {
    let files = try PlantedFacilitatorProject.files(of: learner.site)
    #expect(files.count > 20)
    #expect(files.keys.contains(SiteRoutes.searchManifest))
    for (path, data) in files {
      #expect(PlantedFacilitatorProject.markers(in: data).isEmpty, "\(path)")
    }
  }

  @Test func learnerEdition_hasNoFacilitatorPageOrLink() throws {
    let files = try PlantedFacilitatorProject.files(of: learner.site)
    #expect(!files.keys.contains { $0.hasPrefix("facilitator/") || $0.contains("facilitator") })
    for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".ics")
    {
      let text = String(decoding: data, as: UTF8.self)
      #expect(!text.contains("facilitator/"), "\(path) links to a facilitator page")
      #expect(!text.contains("ファシリテーター用"), "\(path) mentions a facilitator page")
      #expect(!text.contains("facilitator-banner"), "\(path)")
    }
  }

  @Test func learnerEdition_leavesOutFilesOnlyFacilitatorMaterialUses() {
    for path in PlantedFacilitatorProject.facilitatorOnlyFiles {
      #expect(!exists(learner.site, "content/" + path), "\(path) was published")
      #expect(exists(facilitator.site, "content/" + path), "\(path) is missing from the facilitator edition")
    }
    for path in PlantedFacilitatorProject.sharedFiles {
      #expect(exists(learner.site, "content/" + path), "\(path)")
      #expect(exists(facilitator.site, "content/" + path), "\(path)")
    }
  }

  @Test func facilitatorEdition_holdsEveryPlantedText() throws {
    let files = try PlantedFacilitatorProject.files(of: facilitator.site)
    var found: Set<String> = []
    for data in files.values { found.formUnion(PlantedFacilitatorProject.markers(in: data)) }
    #expect(found == Set(PlantedFacilitatorProject.planted.keys))
    // Searchable: notes, answer keys and prompts are in the index.
    let index = SampleProject.searchIndex(files: files)
    for marker in [
      "zqxnotefile", "zqxinlinenote", "zqxanswerkey", "zqxinlinekey", "zqxmarkdownkey", "zqxprompt",
    ] {
      #expect(index.contains(marker), "\(marker) is not searchable")
    }
    #expect(index.contains("ファシリテーター用: グループワーク"))
  }

  @Test func facilitatorEdition_leadsToTheFacilitatorPages() {
    let home = SampleProject.read(facilitator.site, "index.html")
    #expect(home.contains("href=\"facilitator/index.html\">ファシリテーター用メモ</a>"))
    let timetable = SampleProject.read(facilitator.site, "programmes/renkei2026/day1/index.html")
    #expect(timetable.contains("href=\"../../../facilitator/index.html\">ファシリテーター用メモ</a>"))
    let lecture = SampleProject.read(facilitator.site, "programmes/renkei2026/day1/sessions/lecture1.html")
    #expect(
      lecture.contains(
        "href=\"../../../../facilitator/programmes/renkei2026/day1/sessions/lecture1.html\">ファシリテーター用ページを見る"
      ))
    // Its learner pages show no facilitator material themselves.
    #expect(PlantedFacilitatorProject.markers(in: Data(lecture.utf8)).isEmpty)
    #expect(exists(facilitator.site, SiteRoutes.facilitatorEditionMarker))
    #expect(!exists(learner.site, SiteRoutes.facilitatorEditionMarker))
  }

  @Test func learnerEdition_searchIndexHasLearnerPagesOnly() throws {
    let learnerIndex = SampleProject.searchIndex(learner.site)
    let facilitatorIndex = SampleProject.searchIndex(facilitator.site)
    #expect(learnerIndex.contains("programmes/renkei2026/day1/sessions/gw1.html"))
    #expect(!learnerIndex.contains("facilitator/"))
    #expect(facilitatorIndex.contains("facilitator/programmes/renkei2026/day1/sessions/gw1.html"))
  }

  @Test func publishFacilitator_putsBothEditionsInTheLearnerOutput() throws {
    var open = planted
    open.project.settings.publishFacilitator = true
    let both = try open.build(.learner, name: "site-open")
    #expect(both.report.published)
    #expect(exists(both.site, "facilitator/index.html"))
    #expect(exists(both.site, "facilitator/programmes/renkei2026/day1/sessions/gw1.html"))
    #expect(exists(both.site, "content/day1/keys/answer.pdf"))
    let files = try PlantedFacilitatorProject.files(of: both.site)
    // The same bytes as the facilitator edition.
    #expect(files == (try PlantedFacilitatorProject.files(of: facilitator.site)))
  }

  @Test func learnerEdition_reportsBrokenFacilitatorMaterial() throws {
    var broken = planted
    broken.project.programmes[0].courses[0].sessions[3].groupWork?.cases[0].answerKey = MarkdownBlock(
      .file("day1/missing-key.md"))
    let result = try broken.build(.learner, name: "site-broken")
    #expect(!result.report.published)
    #expect(result.report.diagnostics.contains { $0.code == "site-content-missing" })
  }

  @Test func learnerPreviewInPlace_overASiteWithFacilitatorPages_keepsNoneOfThem() throws {
    // `kenshu serve` (in place, a new process) over a site/ that still holds facilitator pages.
    let site = facilitator.site
    let report = try SiteBuilder(
      projectRoot: planted.root, options: BuildOptions(output: site, writeMode: .inPlace)
    ).build(planted.project)
    #expect(report.published)
    #expect(report.removed > 0)
    let files = try PlantedFacilitatorProject.files(of: site)
    #expect(files.keys.filter { $0.contains("facilitator") }.isEmpty, "\(files.keys.sorted())")
    for (path, data) in files { #expect(PlantedFacilitatorProject.markers(in: data).isEmpty, "\(path)") }
    #expect(files == (try PlantedFacilitatorProject.files(of: learner.site)))
  }

  func exists(_ site: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
  }
}
