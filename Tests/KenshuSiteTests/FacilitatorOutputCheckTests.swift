import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The facilitator edition never goes into the public site, over a learner site, or inside any
/// built site, however the path is spelled.
@Suite struct FacilitatorOutputCheckTests {
  let root: URL
  let project = SampleProject.make()

  init() throws {
    root = try RebuildTests.copyOfProject()
  }

  func build(_ output: URL, _ edition: SiteEdition, project: Project? = nil) throws -> BuildReport {
    try SiteBuilder(projectRoot: root, options: BuildOptions(output: output, edition: edition))
      .build(project ?? self.project)
  }

  func refused(_ output: URL) -> Bool {
    FacilitatorOutputCheck.problem(destination: output, projectRoot: root)?.code == "site-facilitator-output"
  }

  @Test func projectSiteFolder_andAnythingInIt_isRefused_evenBeforeItExists() {
    #expect(refused(root.appendingPathComponent("site")))
    #expect(refused(root.appendingPathComponent("site/facilitator")))
    #expect(refused(root.appendingPathComponent("private/../site/x")))
  }

  @Test func learnerSiteOfAnyName_andFoldersInside_areRefused() throws {
    let publicFolder = root.appendingPathComponent("public")
    #expect(try build(publicFolder, .learner).published)
    #expect(refused(publicFolder))
    #expect(refused(publicFolder.appendingPathComponent("staff")))
    #expect(refused(publicFolder.appendingPathComponent("a/b/c")))
  }

  @Test func symbolicLinksToASite_areResolved() throws {
    let publicFolder = root.appendingPathComponent("public")
    #expect(try build(publicFolder, .learner).published)
    let link = root.appendingPathComponent("private-looking")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: publicFolder)
    #expect(refused(link))
    #expect(refused(link.appendingPathComponent("fac")))
    let siteLink = root.appendingPathComponent("out")
    try FileManager.default.createSymbolicLink(
      at: siteLink, withDestinationURL: root.appendingPathComponent("site"))
    #expect(refused(siteLink.appendingPathComponent("fac")))
  }

  @Test func defaultPrivateFolder_isAccepted_andRebuilt() throws {
    let output = root.appendingPathComponent(SiteEdition.facilitator.defaultOutput)
    #expect(FacilitatorOutputCheck.problem(destination: output, projectRoot: root) == nil)
    #expect(try build(output, .facilitator).published)
    // A facilitator edition may be replaced by the next one.
    #expect(FacilitatorOutputCheck.problem(destination: output, projectRoot: root) == nil)
    #expect(try build(output, .facilitator).published)
  }

  @Test func zipInsideASite_isRefused() throws {
    let publicFolder = root.appendingPathComponent("public")
    #expect(try build(publicFolder, .learner).published)
    for zip in ["public/staff.zip", "site/staff.zip"] {
      #expect(
        FacilitatorOutputCheck.problem(
          destination: root.appendingPathComponent(zip), isFolder: false, projectRoot: root) != nil, "\(zip)")
    }
    #expect(
      FacilitatorOutputCheck.problem(
        destination: root.appendingPathComponent("private/facilitator-site.zip"), isFolder: false,
        projectRoot: root) == nil)
  }

  @Test func builder_refusesToWriteTheFacilitatorEditionOverTheLearnerSite() throws {
    let site = root.appendingPathComponent("site")
    #expect(try build(site, .learner).published)
    let before = try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted()
    let report = try build(site, .facilitator)
    #expect(!report.published)
    #expect(report.diagnostics.map(\.code) == ["site-facilitator-output"])
    #expect(try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted() == before)
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("facilitator").path))
  }

  @Test func projectPublishingFacilitatorMaterial_mayBuildItIntoSite() throws {
    var open = project
    open.settings.publishFacilitator = true
    let site = root.appendingPathComponent("site")
    #expect(try build(site, .facilitator, project: open).published)
    #expect(
      FileManager.default.fileExists(atPath: site.appendingPathComponent("facilitator/index.html").path))
  }
}
