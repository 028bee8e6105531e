import Foundation
import Testing

/// Personal data never lands in a site folder, whatever it is called or however the path
/// reaches it, and `serve` never serves a folder it did not build.
@Suite struct PrivateOutputCommandTests {
  /// A fresh `kenshu init` project with a small roster CSV beside it.
  func makeProject() throws -> URL {
    let folder = try makeTemporaryFolder()
    let created = try KenshuBinary.run(["init", "project"], in: folder)
    #expect(created.status == 0, "\(created.stderr)")
    let project = folder.appendingPathComponent("project")
    var text = "番号,氏名,職種,所属\r\n"
    let professions = ["医師", "看護師", "薬剤師", "ケアマネジャー", "介護福祉士", "行政職員"]
    for index in 1...12 {
      text += "p\(index),氏名\(index),\(professions[index % 6]),所属\(index % 4)\r\n"
    }
    try Data(text.utf8).write(to: project.appendingPathComponent("roster.csv"))
    return project
  }

  func groups(out: String, in project: URL) throws -> KenshuBinary.Run {
    try KenshuBinary.run(
      ["groups", "--roster", "roster.csv", "--size", "4", "--format", "csv", "--out", out], in: project)
  }

  @Test func test_afterBuildOutputPublic_groupsIntoPublic_isRefused() throws {
    let project = try makeProject()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    let build = try KenshuBinary.run(["build", "--output", "public"], in: project)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(
      FileManager.default.fileExists(atPath: project.appendingPathComponent("public/.kenshu-site").path))
    for out in ["public/x.csv", "public/content/deep/x.csv", "./public/../public/x.csv"] {
      let refused = try groups(out: out, in: project)
      #expect(refused.status != 0, "\(out)")
      #expect(refused.stderr.contains("refusing to write personal data"), "\(refused.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("public/x.csv").path))
    let evaluate = try KenshuBinary.run(
      ["evaluate", "--survey", "my-training-eval", "--out", "public/report"], in: project)
    #expect(evaluate.status != 0)
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("public/report").path))
    let allowed = try groups(out: "private/x.csv", in: project)
    #expect(allowed.status == 0, "\(allowed.stderr)")
  }

  @Test func test_aSymlinkToTheSite_isRefused() throws {
    let project = try makeProject()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    #expect(try KenshuBinary.run(["build"], in: project).status == 0)
    try FileManager.default.createSymbolicLink(
      atPath: project.appendingPathComponent("innocent").path, withDestinationPath: "site")
    let refused = try groups(out: "innocent/groups.csv", in: project)
    #expect(refused.status != 0)
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("site/groups.csv").path))
  }

  @Test func test_rosterImportIntoSite_isRefused_evenBeforeTheFirstBuild() throws {
    let project = try makeProject()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    let refused = try KenshuBinary.run(
      ["roster", "import", "roster.csv", "--out", "site/r.xml"], in: project)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("refusing to write personal data"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("site/r.xml").path))
  }

  @Test func test_serveIntoTheProjectFolder_servesNothing() throws {
    let project = try makeProject()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent("private"), withIntermediateDirectories: true)
    try Data("participant,token\r\np1,SECRET\r\n".utf8).write(
      to: project.appendingPathComponent("private/tokens-day1.csv"))
    let process = Process()
    process.executableURL = try KenshuBinary.url
    process.environment = KenshuBinary.englishEnvironment
    process.arguments = ["serve", "--output", ".", "--port", "0", "--no-watch"]
    process.currentDirectoryURL = project
    let errors = project.appendingPathComponent("serve-stderr")
    try Data().write(to: errors)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    let stillServing = process.isRunning
    if stillServing { process.terminate() }
    process.waitUntilExit()
    let stderr = try String(contentsOf: errors, encoding: .utf8)
    #expect(!stillServing, "serve kept running on a folder it refused: \(stderr)")
    #expect(process.terminationStatus != 0)
    #expect(!stderr.contains("serving http"), "\(stderr)")
  }

  @Test func test_validate_reportsAContentLinkLeavingTheFolder() throws {
    let project = try makeProject()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent("content/x"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: project.appendingPathComponent("content/x/leak.txt").path,
      withDestinationPath: "../../private/responses.sqlite")
    let run = try KenshuBinary.run(["validate"], in: project)
    #expect(run.status == 1)
    #expect(run.stderr.contains("content/x/leak.txt: error:"), "\(run.stderr)")
    let build = try KenshuBinary.run(["build"], in: project)
    #expect(build.status != 0)
    #expect(
      !FileManager.default.fileExists(atPath: project.appendingPathComponent("site/content/x/leak.txt").path))
  }
}

/// `kenshu serve` sends the same policy as the pages: with a `collect-url` on another origin,
/// the header allows it as the pages' `<meta>` does (both policies apply in the browser).
@Suite struct ServeHeaderCommandTests {
  @Test func test_serve_headerAllowsTheProjectsCollectOrigin() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try KenshuBinary.run(["init", "p"], in: folder).status == 0)
    let project = folder.appendingPathComponent("p")
    let settings = project.appendingPathComponent("kenshu.xml")
    let text = try String(contentsOf: settings, encoding: .utf8)
      .replacingOccurrences(
        of: "<site xmlns=\"urn:kenshu:1\"",
        with: "<site xmlns=\"urn:kenshu:1\" collect-url=\"https://collect.example.org/\"")
    try Data(text.utf8).write(to: settings)
    let process = Process()
    process.executableURL = try KenshuBinary.url
    process.environment = KenshuBinary.englishEnvironment
    process.arguments = ["serve", "--port", "0", "--no-watch"]
    process.currentDirectoryURL = project
    let errors = folder.appendingPathComponent("serve-stderr")
    try Data().write(to: errors)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    var url: String?
    let deadline = Date().addingTimeInterval(30)
    while url == nil && process.isRunning && Date() < deadline {
      usleep(50_000)
      let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      url = stderr.firstMatch(of: #/serving (http://\S+/)/#).map { String($0.1) }
    }
    let base = try #require(url, "serve did not start")
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    curl.arguments = ["-s", "-D", "-", "-o", "/dev/null", base]
    let headersFile = folder.appendingPathComponent("headers")
    try Data().write(to: headersFile)
    curl.standardOutput = try FileHandle(forWritingTo: headersFile)
    try curl.run()
    curl.waitUntilExit()
    let headers = try String(contentsOf: headersFile, encoding: .utf8).lowercased()
    #expect(headers.contains("content-security-policy: default-src 'self'"), "\(headers)")
    #expect(headers.contains("connect-src 'self' https://collect.example.org;"), "\(headers)")
    #expect(headers.contains("frame-ancestors 'none'"))
    #expect(headers.contains("x-content-type-options: nosniff"))
    #expect(headers.contains("x-frame-options: deny"))
    let page = try String(contentsOf: project.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(page.contains("connect-src 'self' https://collect.example.org;"))
  }
}
