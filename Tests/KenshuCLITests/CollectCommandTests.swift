import Foundation
import Testing

/// `roster tokens`, `responses count` and `responses export` as an organiser runs them; the
/// HTTP side is specified in KenshuServerTests.
@Suite struct CollectCommandTests {
  /// A fresh `kenshu init` project with a two-person roster.
  func project() throws -> URL {
    let folder = try makeTemporaryFolder()
    let initRun = try KenshuBinary.run(["init"], in: folder)
    #expect(initRun.status == 0, "\(initRun.stderr)")
    try Data(
      "ID,氏名,職種,メールアドレス\r\nr0001,山田 花子,看護師,hanako@example.jp\r\nr0002,佐藤 一郎,薬剤師,\r\n".utf8
    ).write(to: folder.appendingPathComponent("people.csv"))
    return folder
  }

  @Test func test_rosterTokens_writesSecretsToPrivate_andHashesToTheDatabase() throws {
    let folder = try project()
    let run = try KenshuBinary.run(
      ["roster", "tokens", "people.csv", "--survey", "my-training-eval"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let csv = try String(
      contentsOf: folder.appendingPathComponent("private/tokens-my-training-eval.csv"), encoding: .utf8)
    let lines = csv.split(whereSeparator: \.isNewline)
    #expect(lines.count == 3)
    #expect(lines.first?.hasSuffix("participant,name,email,token") == true)
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").last?.count == 26 })
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("private/responses.sqlite").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("private/.gitignore").path))
    // The plain tokens are nowhere in the database.
    let database =
      try Data(contentsOf: folder.appendingPathComponent("private/responses.sqlite"))
      + ((try? Data(contentsOf: folder.appendingPathComponent("private/responses.sqlite-wal"))) ?? Data())
    for line in lines.dropFirst() {
      let token = String(line.split(separator: ",").last ?? "")
      #expect(database.range(of: Data(token.utf8)) == nil)
    }
    let unknown = try KenshuBinary.run(["roster", "tokens", "people.csv", "--survey", "nope"], in: folder)
    #expect(unknown.status == 2)
  }

  @Test func test_rosterTokens_slips_arePrintablePagesInPrivateWithEachPersonsLinkAndCode() throws {
    let folder = try project()
    let noSite = try KenshuBinary.run(
      ["roster", "tokens", "people.csv", "--survey", "my-training-eval", "--slips"], in: folder)
    #expect(noSite.status != 0, "the slips need the site's address")
    let run = try KenshuBinary.run(
      [
        "roster", "tokens", "people.csv", "--survey", "my-training-eval", "--slips", "--site-url",
        "https://kenshu.example.org/",
      ], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let csv = try String(
      contentsOf: folder.appendingPathComponent("private/tokens-my-training-eval.csv"), encoding: .utf8)
    let html = try String(
      contentsOf: folder.appendingPathComponent("private/token-slips-my-training-eval.html"), encoding: .utf8)
    for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let link = "https://kenshu.example.org/surveys/my-training-eval/?t=\(cells[3])<"
      #expect(html.contains(link), "\(cells[0])'s link")
      #expect(!html.contains("p=\(cells[0])"), "the link names nobody")
      #expect(html.contains(cells[1]), "\(cells[0])'s name")
    }
    #expect(html.components(separatedBy: "<svg ").count == 3, "a QR code per person")
    #expect(!html.contains("<script"))
    let module = try KenshuBinary.run(
      ["roster", "tokens", "people.csv", "--module", "x", "--slips", "--site-url", "https://a.example/"],
      in: folder)
    #expect(module.status == 2)
  }

  @Test func test_responses_countAndExport_onAnEmptyDatabase() throws {
    let folder = try project()
    let count = try KenshuBinary.run(["responses", "count", "--format", "json"], in: folder)
    #expect(count.status == 0, "\(count.stderr)")
    #expect(count.stdout.contains("\"responses\" : {"))
    let export = try KenshuBinary.run(["responses", "export", "my-training-eval"], in: folder)
    #expect(export.status == 0, "\(export.stderr)")
    let csv = try Data(contentsOf: folder.appendingPathComponent("private/responses-my-training-eval.csv"))
    #expect(csv == Data("\u{FEFF}participant,q1,q2,q3,q4\r\n".utf8))
    let intoSite = try KenshuBinary.run(
      ["responses", "export", "my-training-eval", "--out", "site/x.csv"], in: folder)
    #expect(intoSite.status == 2, "personal data never goes into site/")
    let badDatabase = try KenshuBinary.run(["responses", "count", "--database", "mysql://x"], in: folder)
    #expect(badDatabase.status == 2)
  }

  @Test func test_build_acceptsACollectURL_andRejectsOthers() throws {
    let folder = try project()
    #expect(
      try KenshuBinary.run(["build", "--collect-url", "https://kenshu.example.org/"], in: folder).status == 0)
    #expect(try KenshuBinary.run(["build", "--collect-url", "/"], in: folder).status == 0)
    #expect(try KenshuBinary.run(["build", "--collect-url", "javascript:alert(1)"], in: folder).status == 2)
    #expect(
      try KenshuBinary.run(["serve", "--database", "sqlite:x.sqlite"], in: folder).status == 2,
      "needs --collect")
  }
}
