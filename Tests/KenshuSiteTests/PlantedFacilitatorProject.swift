import Foundation
import KenshuModel

@testable import KenshuSite

/// A copy of the fixture project with a unique marker planted in every kind of
/// facilitator-only material — facilitator notes (file and inline), answer keys (file, inline
/// and a non-Markdown file), phase prompts — and in files only that material links to (a PDF,
/// an image, a text file, a folder). The markers are lower-case ASCII, as the search index
/// writes its words, so one case-insensitive search of the bytes finds them anywhere.
struct PlantedFacilitatorProject {
  let root: URL
  var project: Project

  /// Marker → where it was planted.
  static let planted: [String: String] = [
    "zqxnotefile": "a facilitator note file",
    "zqxinlinenote": "an inline facilitator note",
    "zqxanswerkey": "an answer key file",
    "zqxinlinekey": "an inline answer key",
    "zqxmarkdownkey": "an answer key in a .markdown file",
    "zqxprompt": "a phase prompt",
    "zqxanswerpdf": "a PDF linked from an answer key",
    "zqxnoteimage": "an image shown in a facilitator note",
    "zqxkeytext": "a text file linked from a note, by its percent-encoded name",
    "zqxfolder": "a file in a folder a note links to",
  ]
  /// Files only facilitator material links to or reads (relative to `content/`).
  static let facilitatorOnlyFiles = [
    "day1/keys/answer.pdf", "day1/img/note-only.png", "day1/keys/解答.txt", "day1/keys/key.markdown",
    "day1/answers/a.txt",
  ]
  /// Files learner pages need or nothing mentions: copied in both editions.
  static let sharedFiles = ["day1/img/flow.svg", "day1/unlinked.txt"]

  init() throws {
    root = try RebuildTests.copyOfProject()
    let content = root.appendingPathComponent("content/day1")
    func write(_ relative: String, _ text: String) throws {
      let url = content.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    func append(_ relative: String, _ text: String) throws {
      let url = content.appendingPathComponent(relative)
      try write(relative, (try String(contentsOf: url, encoding: .utf8)) + text)
    }
    try append(
      "notes.md",
      """

      zqxnotefile を確認。![解答の図](img/note-only.png) [解答シート](keys/%E8%A7%A3%E7%AD%94.txt)
      [答案一式](answers/) 流れは ![流れ](img/flow.svg) のとおり。

      """)
    try append("case-a-key.md", "\nzqxanswerkey [模範解答](keys/answer.pdf)\n")
    try write("keys/answer.pdf", "%PDF-1.4 zqxanswerpdf")
    try write("img/note-only.png", "PNG zqxnoteimage")
    try write("keys/解答.txt", "zqxkeytext")
    try write("keys/key.markdown", "zqxmarkdownkey")
    try write("answers/a.txt", "zqxfolder")
    try write("unlinked.txt", "誰も参照しないファイル")

    var project = SampleProject.make()
    var sessions = project.programmes[0].courses[0].sessions
    sessions[1].facilitatorNotes = [MarkdownBlock(.inline("zqxinlinenote: 質問が出たら板書する"))]
    var groupWork = try require(sessions[3].groupWork)
    groupWork.phases[1].prompts = ["zqxprompt: 全員が話したか確認"]
    groupWork.cases += [
      GroupCase(
        id: "b", title: "事例B", body: MarkdownBlock(.inline("事例Bの本文")),
        answerKey: MarkdownBlock(.inline("zqxinlinekey: 要点"))),
      GroupCase(
        id: "c", title: "事例C", body: MarkdownBlock(.inline("事例Cの本文")),
        answerKey: MarkdownBlock(.file("day1/keys/key.markdown"))),
    ]
    sessions[3].groupWork = groupWork
    project.programmes[0].courses[0].sessions = sessions
    self.project = project
  }

  /// A site of this project in a fresh folder next to the project.
  func build(_ edition: SiteEdition, name: String? = nil) throws -> (site: URL, report: BuildReport) {
    let site = root.deletingLastPathComponent().appendingPathComponent(name ?? "site-\(edition.rawValue)")
    let report = try SiteBuilder(projectRoot: root, options: BuildOptions(output: site, edition: edition))
      .build(project)
    return (site, report)
  }

  /// Every file of a site (hidden ones too), by relative path.
  static func files(of site: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for relative in try FileManager.default.subpathsOfDirectory(atPath: site.path) {
      var isFolder: ObjCBool = false
      let url = site.appendingPathComponent(relative)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }

  /// The planted markers found in `data`, whatever their case.
  static func markers(in data: Data) -> Set<String> {
    let text = String(decoding: data, as: UTF8.self).lowercased()
    return Set(planted.keys.filter { text.contains($0) })
  }
}

/// `try #require` outside a test function.
private func require<T>(_ value: T?) throws -> T {
  guard let value else { throw CocoaError(.coderValueNotFound) }
  return value
}
