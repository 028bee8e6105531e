import Foundation
import KenshuModel
import KenshuXML
import Testing
import ZIPFoundation

@testable import KenshuExport

/// The SCORM 1.2 schemas ship in ../shared/schemas/scorm12 beside the repository.
let scorm12Schema = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("shared/schemas/scorm12/scorm12-all.xsd")

/// A module with Markdown in a temporary project folder, an id that is not an XML name and a
/// title longer than SCORM allows.
func scormProject() throws -> (Project, URL) {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kenshu-scorm-\(UUID().uuidString)")
  try FileManager.default.createDirectory(
    at: root.appendingPathComponent("content/m/img"), withIntermediateDirectories: true)
  try Data("# 種類\n\n![図](img/flow.svg)\n".utf8).write(to: root.appendingPathComponent("content/m/types.md"))
  try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
    to: root.appendingPathComponent("content/m/img/flow.svg"))
  let module = SelfStudyModule(
    id: "2026.安全", title: "訪問時の安全確保 & <基礎> " + String(repeating: "長", count: 250),
    consultation: [ConsultationDesk(kind: .police, name: "警察相談専用電話", phone: "#9110")],
    lessons: [Lesson(id: "types", title: "種類", body: MarkdownBlock(.file("m/types.md")))],
    quiz: Quiz(
      passMark: 70,
      questions: [
        QuizQuestion(
          id: "q1", kind: .single, text: "相談先は？",
          choices: [Choice(id: "a", text: "管理者", correct: true), Choice(id: "b", text: "なし")])
      ]))
  return (Project(settings: SiteSettings(title: "研修"), modules: [module]), root)
}

@Suite struct SCORMPackageTests {
  let package: SCORMPackage

  init() throws {
    let (project, root) = try scormProject()
    package = try #require(SCORMPackage(moduleID: "2026.安全", project: project, projectRoot: root))
  }

  var manifest: String { String(decoding: package.files["imsmanifest.xml"] ?? Data(), as: UTF8.self) }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: scorm12Schema.path), "../shared/schemas not present"))
  func manifest_validatesAgainstTheSCORM12Schemas() throws {
    let validator = try XMLSchemaValidator(contentsOf: scorm12Schema)
    let diagnostics = validator.validate(Array(manifest.utf8), path: "imsmanifest.xml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
  }

  @Test func manifest_keepsTheRulesTheSchemasDoNotCheck() throws {
    #expect(package.diagnostics.isEmpty, "\(package.diagnostics.map(\.formatted))")
    // Identifiers are XML IDs (NCName): the id "2026.安全" starts with a digit and is not ASCII.
    let ids = captures(#"identifier(?:ref)?="([^"]*)""#, in: manifest)
    #expect(!ids.isEmpty)
    for id in ids { #expect(id.wholeMatch(of: /[A-Za-z_][A-Za-z0-9._-]*/) != nil, "\(id)") }
    // Lower-case sco; relative hrefs only.
    #expect(manifest.contains(#"adlcp:scormtype="sco""#))
    for href in captures(#"href="([^"]*)""#, in: manifest) {
      #expect(!href.hasPrefix("/") && !href.contains(":") && !href.contains(".."), "\(href)")
    }
    // Titles at most 200 characters, XML-escaped.
    for title in captures(#"<title>([^<]*)</title>"#, in: manifest) {
      let text = title.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(
        of: "&lt;", with: "<"
      )
      .replacingOccurrences(of: "&gt;", with: ">")
      #expect(text.count <= 200, "\(text.count)")
      #expect(text.hasPrefix("訪問時の安全確保 & <基礎>"))
    }
    #expect(manifest.contains("<adlcp:masteryscore>70</adlcp:masteryscore>"))
  }

  @Test func manifest_listsEveryFileOfThePackage() {
    let listed = Set(captures(#"<file href="([^"]*)"/>"#, in: manifest))
    let packaged = Set(package.files.keys.filter { $0 != "imsmanifest.xml" }.map(SCORMManifest.href))
    #expect(listed == packaged)
    for path in [
      "scorm.html", "scorm/runtime.js", "scorm/launch.css", "assets/kenshu.css", "assets/module.js",
      "assets/module.css", "assets/settings.css", "modules/2026.__/index.html",
      "modules/2026.__/lesson-types.html",
      "modules/2026.__/quiz.html", "content/m/img/flow.svg",
    ] {
      #expect(package.files[path] != nil, "\(path)")
    }
  }

  @Test func zip_holdsTheManifestAtItsRootAndEveryFile() throws {
    let archive = try Archive(data: package.zipData(), accessMode: .read)
    let names = Set(archive.map(\.path))
    #expect(names.contains("imsmanifest.xml"))
    #expect(names == Set(package.files.keys))
    let entry = try #require(archive["modules/2026.__/lesson-types.html"])
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    let lesson = String(decoding: bytes, as: UTF8.self)
    #expect(lesson.contains(#"src="../../content/m/img/flow.svg""#))
    #expect(lesson.contains("警察相談専用電話"))
  }

  @Test func zip_isTheSameForTheSameModule() throws {
    #expect(try package.zipData() == package.zipData())
  }

  @Test func launchPage_startsTheModuleThroughTheRuntime() throws {
    let launch = String(decoding: try #require(package.files["scorm.html"]), as: UTF8.self)
    #expect(launch.contains(#"<script src="scorm/runtime.js" defer></script>"#))
    #expect(launch.contains(#"data-start="modules/2026.__/index.html""#))
    #expect(launch.contains("&amp; &lt;基礎&gt;"))
    // The compact suspend_data records progress by position in these lists.
    #expect(launch.contains(#"data-lesson-ids="types" data-scenario-ids="" data-question-ids="q1">"#))
    let runtime = String(decoding: try #require(package.files["scorm/runtime.js"]), as: UTF8.self)
    for call in [
      "LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish", "cmi.core.score.raw", "window.opener",
      "cmi.core.student_id",
    ] {
      #expect(runtime.contains(call), "\(call)")
    }
  }

  @Test func unknownModule_givesNoPackage() throws {
    let (project, root) = try scormProject()
    #expect(SCORMPackage(moduleID: "nope", project: project, projectRoot: root) == nil)
  }

  func captures(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? Regex(pattern) else { return [] }
    return text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
  }
}
