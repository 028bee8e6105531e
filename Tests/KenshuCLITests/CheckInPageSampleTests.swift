import Foundation
import Testing

/// The shipped sample project's reception page (issue 15): `kenshu build` publishes
/// `checkin/index.html` in both editions, with none of the sample roster's people on it, and
/// no learner page links to it.
@Suite struct CheckInPageSampleTests {
  @Test func test_sampleBuild_hasTheCheckInPage_inBothEditions_withoutAnyoneOnIt() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = folder.appendingPathComponent("project")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for name in ["kenshu.xml", "curricula", "content", "rosters"] {
      try FileManager.default.copyItem(
        at: KenshuBinary.repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
    }
    #expect(try KenshuBinary.run(["build"], in: root).status == 0)
    #expect(try KenshuBinary.run(["build", "--edition", "facilitator"], in: root).status == 0)

    // Every name, reading, id and address on the sample rosters.
    var personal: Set<String> = []
    let rosters = root.appendingPathComponent("rosters")
    for file in try FileManager.default.contentsOfDirectory(atPath: rosters.path) where file.hasSuffix(".xml")
    {
      let text = try String(contentsOf: rosters.appendingPathComponent(file), encoding: .utf8)
      for attribute in ["id", "name", "kana", "email"] {
        let each = try NSRegularExpression(pattern: #"<person [^>]*?\b\#(attribute)="([^"]+)""#)
        for match in each.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
          if let range = Range(match.range(at: 1), in: text) { personal.insert(String(text[range])) }
        }
      }
    }
    #expect(personal.count > 100)
    for site in ["site", "private/facilitator-site"] {
      let page = try String(
        contentsOf: root.appendingPathComponent(site + "/checkin/index.html"), encoding: .utf8)
      #expect(page.contains(#"data-programme="tashokushu-2026" data-course="tashokushu-2026-day1""#))
      // Short ids (p001) only as a whole value; names, readings and addresses anywhere.
      let found = personal.filter { value in
        value.count > 4 ? page.contains(value) : page.contains("\"\(value)\"") || page.contains(">\(value)<")
      }
      #expect(found.isEmpty, "\(site): \(found.sorted().prefix(5))")
    }
    let learner = root.appendingPathComponent("site")
    for path in try FileManager.default.subpathsOfDirectory(atPath: learner.path)
    where path.hasSuffix(".html") && path != "checkin/index.html" {
      let text = try String(contentsOf: learner.appendingPathComponent(path), encoding: .utf8)
      #expect(!text.contains("checkin/index.html"), "\(path) links the reception page")
    }
  }
}
