import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// The preview server's fast rebuild keeps the learner edition exactly what a full build
/// writes: edits that change which `content/` files only facilitator material uses take the
/// full build; others still patch.
@Suite struct LearnerEditionPatchTests {
  typealias Built = ContentPatchTests.Built
  static let lecture = ContentPatchTests.lecture
  static let groupWork = ContentPatchTests.groupWork

  /// The site after the edits equals a full learner build of the edited project, file for file
  /// (the file list included).
  func expectFullBuildResult(_ built: Built) throws {
    let fresh = built.root.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
    let report = try SiteBuilder(projectRoot: built.root, options: BuildOptions(output: fresh)).build(
      built.project)
    #expect(report.published)
    let expected = try PlantedFacilitatorProject.files(of: fresh)
    let actual = try PlantedFacilitatorProject.files(of: built.site)
    #expect(Set(actual.keys) == Set(expected.keys))
    for (path, data) in expected { #expect(actual[path] == data, "\(path) differs from a full build") }
  }

  func write(_ built: Built, _ relative: String, _ text: String) throws {
    try Data(text.utf8).write(to: built.root.appendingPathComponent("content/" + relative))
  }

  @Test func noteEdit_keepingItsLinks_patchesAndPublishesNothingOfIt() throws {
    let built = try Built(edition: .learner)
    try built.append("\nzqxnotefile 追加のメモ\n", to: "day1/notes.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/notes.md"])
    #expect(report.published)
    #expect(!built.written.all.contains(Self.lecture), "a full build was made")
    for (path, data) in try PlantedFacilitatorProject.files(of: built.site) {
      #expect(PlantedFacilitatorProject.markers(in: data).isEmpty, "\(path)")
    }
    try expectFullBuildResult(built)
  }

  @Test func noteNowLinkingAFile_takesItOutOfTheLearnerSite() throws {
    let built = try Built(edition: .learner) { root in
      try Data("zqxkeytext".utf8).write(to: root.appendingPathComponent("content/day1/sheet.txt"))
    }
    #expect(
      FileManager.default.fileExists(atPath: built.site.appendingPathComponent("content/day1/sheet.txt").path)
    )
    try built.append("\n[解答シート](sheet.txt)\n", to: "day1/notes.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/notes.md"])
    #expect(report.published)
    #expect(
      !FileManager.default.fileExists(
        atPath: built.site.appendingPathComponent("content/day1/sheet.txt").path))
    try expectFullBuildResult(built)
  }

  @Test func learnerTextDroppingItsLinkToAFileANoteShows_takesTheFileOut() throws {
    let built = try Built(edition: .learner) { root in
      let notes = root.appendingPathComponent("content/day1/notes.md")
      try (String(contentsOf: notes, encoding: .utf8) + "\n![流れ](img/flow.svg)\n").write(
        to: notes, atomically: true, encoding: .utf8)
    }
    let image = built.site.appendingPathComponent("content/day1/img/flow.svg")
    #expect(FileManager.default.fileExists(atPath: image.path))
    try write(built, "day1/discharge.md", "# 退院支援\n\n図は省略。\n")
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(report.published)
    #expect(!FileManager.default.fileExists(atPath: image.path))
    try expectFullBuildResult(built)
  }

  @Test func learnerTextEdit_notTouchingThoseLinks_stillPatches() throws {
    let built = try Built(edition: .learner) { root in
      let notes = root.appendingPathComponent("content/day1/notes.md")
      try (String(contentsOf: notes, encoding: .utf8) + "\n![流れ](img/flow.svg)\n").write(
        to: notes, atomically: true, encoding: .utf8)
    }
    try built.append("\n追記：看取りの準備\n", to: "day1/discharge.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/discharge.md"])
    #expect(report.published)
    #expect(!built.written.all.contains(Self.groupWork), "a full build was made")
    #expect(SampleProject.read(built.site, Self.lecture).contains("看取りの準備"))
    try expectFullBuildResult(built)
  }

  @Test func unreadableNote_isReportedLikeAFullBuild() throws {
    let built = try Built(edition: .learner)
    try Data([0xFF, 0xFE, 0x00, 0x80]).write(to: built.root.appendingPathComponent("content/day1/notes.md"))
    let report = try built.builder.build(built.project, changedContent: ["day1/notes.md"])
    #expect(!report.published)
    #expect(report.diagnostics.contains { $0.code == "site-content-encoding" })
  }

  @Test func facilitatorEdition_patchesNoteEdits_withTheNewNote() throws {
    let built = try Built(edition: .facilitator)
    try built.append("\nzqxnotefile\n", to: "day1/notes.md")
    let report = try built.builder.build(built.project, changedContent: ["day1/notes.md"])
    #expect(report.published)
    #expect(!built.written.all.contains(Self.lecture))
    #expect(SampleProject.searchIndex(built.site).contains("zqxnotefile"))
    #expect(SampleProject.read(built.site, "facilitator/index.html").contains("zqxnotefile"))
  }
}
