import Foundation
import KenshuModel
import KenshuXML
import Testing

@testable import KenshuSite

/// Nothing under `content/` reaches the site from outside it, and nothing copied can run
/// script on the site's origin.
@Suite struct ContentBoundaryTests {
  /// A copy of the sample project in a temporary folder, with a `private/` beside `content/`.
  func makeProject() throws -> URL {
    let root = SampleProject.temporaryFolder().appendingPathComponent("project")
    try FileManager.default.copyItem(at: SampleProject.root, to: root)
    let secrets = root.appendingPathComponent("private")
    try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
    try Data("SQLite format 3 SECRET-RESPONSES".utf8).write(
      to: secrets.appendingPathComponent("responses.sqlite"))
    return root
  }

  func build(_ root: URL) throws -> (BuildReport, URL) {
    let site = root.appendingPathComponent("site")
    let report = try SiteBuilder(projectRoot: root, options: BuildOptions(output: site)).build(
      SampleProject.make())
    return (report, site)
  }

  func svgFixture(_ name: String) -> URL {
    Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Fixtures/svg")!
  }

  @Test func test_linksLeavingContent_areRefused_located_andNeverCopied() throws {
    let root = try makeProject()
    let content = root.appendingPathComponent("content")
    let manager = FileManager.default
    try manager.createDirectory(at: content.appendingPathComponent("x"), withIntermediateDirectories: true)
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("x/leak.txt").path,
      withDestinationPath: "../../private/responses.sqlite")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("passwd.png").path, withDestinationPath: "/etc/passwd")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("secrets").path, withDestinationPath: "../private")
    try manager.createSymbolicLink(
      atPath: content.appendingPathComponent("gone.pdf").path, withDestinationPath: "../private/missing.pdf")
    let (report, site) = try build(root)
    #expect(!report.published)
    let refused = report.diagnostics.filter { $0.code == "content-link-outside" }.map(\.location.file)
    #expect(
      Set(refused) == ["content/x/leak.txt", "content/passwd.png", "content/secrets", "content/gone.pdf"])
    #expect(!manager.fileExists(atPath: site.path), "nothing published")
    // The same answer for validate: one policy.
    let scan = ContentFilePolicy.scan(root: content)
    #expect(Set(scan.diagnostics.map(\.location.file)) == Set(refused))
    #expect(!scan.files.contains { $0.relativePath.hasPrefix("x/") || $0.relativePath.hasPrefix("secrets") })
  }

  @Test func test_linksInsideContent_arePublishedAsTheirTarget() throws {
    let root = try makeProject()
    let content = root.appendingPathComponent("content")
    try Data("図".utf8).write(to: content.appendingPathComponent("day1/figure.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("same.txt").path, withDestinationPath: "day1/figure.txt")
    let (report, site) = try build(root)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    #expect(SampleProject.read(site, "content/same.txt") == "図")
  }

  @Test(arguments: [
    "page.html", "page.HTM", "app.js", "mod.mjs", "doc.xhtml", "data.xml", "t.xslt", "a.svgz",
  ])
  func test_activeFiles_areRefused(name: String) throws {
    let root = try makeProject()
    try Data("<script>alert(document.cookie)</script>".utf8).write(
      to: root.appendingPathComponent("content/day1/\(name)"))
    let (report, site) = try build(root)
    #expect(!report.published)
    let refusal = try #require(report.diagnostics.first { $0.code == "content-active-file" })
    #expect(refusal.location.file == "content/day1/\(name)")
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/day1/\(name)").path))
  }

  @Test func test_inertSVG_isPublished() throws {
    let root = try makeProject()
    try FileManager.default.copyItem(
      at: svgFixture("inert"), to: root.appendingPathComponent("content/day1/diagram.svg"))
    let (report, site) = try build(root)
    #expect(report.published, "\(report.diagnostics.map(\.formatted))")
    #expect(SampleProject.read(site, "content/day1/diagram.svg").contains("連携図"))
  }

  @Test(arguments: [
    "script", "handler", "foreign", "external-use", "external-link", "css-url", "css-import", "animate",
    "stylesheet-pi", "doctype", "namespaced-script", "broken",
  ])
  func test_activeSVG_isRefused_atItsLine(name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: svgFixture(name)))
    let problems = SVGInspection.problems(in: bytes, path: "content/\(name).svg")
    #expect(!problems.isEmpty)
    #expect(problems.allSatisfy { $0.code == "content-svg-active" && $0.severity == .error })
    #expect(problems.allSatisfy { $0.location.file == "content/\(name).svg" })
    #expect(problems.contains { $0.location.line >= 1 }, "\(problems.map(\.formatted))")

    let root = try makeProject()
    try FileManager.default.copyItem(
      at: svgFixture(name), to: root.appendingPathComponent("content/day1/\(name).svg"))
    let (report, site) = try build(root)
    #expect(!report.published)
    #expect(report.diagnostics.contains { $0.code == "content-svg-active" })
    #expect(
      !FileManager.default.fileExists(atPath: site.appendingPathComponent("content/day1/\(name).svg").path))
  }

  @Test func test_everyPage_carriesThePolicy_andNoInlineScript() throws {
    let root = try makeProject()
    let (report, site) = try build(root)
    #expect(report.published)
    // Exactly the one definition, byte for byte, on every page.
    let meta = ContentSecurityPolicy.metaTag()
    let enumerator = try #require(FileManager.default.enumerator(atPath: site.path))
    var pages = 0
    for case let path as String in enumerator where path.hasSuffix(".html") {
      pages += 1
      let html = SampleProject.read(site, path)
      #expect(html.contains(meta), "\(path)")
      #expect(InlineScript.find(in: html) == nil, "\(path): \(InlineScript.find(in: html) ?? "")")
    }
    #expect(pages >= 5)
  }
}

/// Inline script in HTML: a `<script>` element with content or without `src`, or an event
/// handler attribute. Crude but strict: used to check pages Kenshu writes.
enum InlineScript {
  static func find(in html: String) -> String? {
    let lower = html.lowercased()
    var rest = Substring(lower)
    while let open = rest.range(of: "<script") {
      let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
      let tag = rest[open.lowerBound..<tagEnd]
      let after = rest[tagEnd...].dropFirst()
      if !tag.contains(" src=") || !after.hasPrefix("</script>") { return String(tag) }
      rest = after
    }
    // ` onload=`, ` onclick=` …: an attribute name starting with "on" after white space, inside a tag.
    let handler = try? Regex(#"<[a-z][^>]*\son[a-z]+\s*="#)
    if let handler, let match = lower.firstMatch(of: handler) { return String(lower[match.range]) }
    return nil
  }
}
