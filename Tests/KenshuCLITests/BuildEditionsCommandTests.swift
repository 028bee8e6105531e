import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kenshu build` publishes the learner edition only; `--edition facilitator` (and `--zip`)
/// write everything to `private/`, never into a site; `publish-facilitator` publishes both;
/// `kenshu serve` previews both editions, the facilitator one on loopback.
@Suite struct BuildEditionsCommandTests {
  static let markers = ["zqxclikey", "zqxcliprompt", "zqxclinote"]

  /// `kenshu init` with a marker in an answer key, a phase prompt and a facilitator note.
  func project() throws -> URL {
    let folder = try makeTemporaryFolder()
    #expect(try KenshuBinary.run(["init", "p"], in: folder).status == 0)
    let root = folder.appendingPathComponent("p")
    let programme = root.appendingPathComponent("curricula/my-training.xml")
    var xml = try String(contentsOf: programme, encoding: .utf8)
    xml = xml.replacingOccurrences(
      of: #"<case id="case1" title="退院を控えたAさん" src="my-training/case.md"/>"#,
      with:
        #"<case id="case1" title="退院を控えたAさん" src="my-training/case.md"><answer-key>zqxclikey 妻の不安を聞く</answer-key></case>"#
    )
    xml = xml.replacingOccurrences(of: "まず一人で考えを書き出しましょう。", with: "zqxcliprompt 書き出す")
    xml = xml.replacingOccurrences(of: "各グループに一人ずつ入り", with: "zqxclinote 各グループに一人ずつ入り")
    try xml.write(to: programme, atomically: true, encoding: .utf8)
    return root
  }

  /// Markers found in any file under `folder` (case-insensitive, as the search index lower-cases).
  func markers(under folder: URL) throws -> Set<String> {
    var found: Set<String> = []
    for relative in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
      else {
        continue
      }
      let text = String(decoding: data, as: UTF8.self).lowercased()
      found.formUnion(Self.markers.filter { text.contains($0) })
    }
    return found
  }

  func exists(_ root: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
  }

  @Test func build_writesTheLearnerEditionOnly() throws {
    let root = try project()
    let run = try KenshuBinary.run(["build"], in: root)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("learner edition"))
    #expect(exists(root, "site/index.html"))
    #expect(!exists(root, "site/facilitator"))
    #expect(!exists(root, "private/facilitator-site"))
    #expect(try markers(under: root.appendingPathComponent("site")).isEmpty)
  }

  @Test func facilitatorEdition_goesToPrivate_withItsZip() throws {
    let root = try project()
    let run = try KenshuBinary.run(["build", "--edition", "facilitator", "--zip"], in: root)
    #expect(run.status == 0, "\(run.stderr)")
    let site = root.appendingPathComponent("private/facilitator-site")
    #expect(exists(site, "facilitator/index.html"))
    #expect(exists(site, "facilitator/programmes/my-training/day1/sessions/gw1.html"))
    #expect(try markers(under: site) == Set(Self.markers))
    let zip = try Data(contentsOf: root.appendingPathComponent("private/facilitator-site.zip"))
    #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let names = String(decoding: zip, as: UTF8.self)
    #expect(names.contains("facilitator-site/facilitator/index.html"))
    #expect(names.contains("facilitator-site/index.html"))
    #expect(!names.contains(".kenshu-site"))
    #expect(!exists(root, "site"), "the public site is not touched")
  }

  @Test func facilitatorEdition_isRefusedInsideASite() throws {
    let root = try project()
    #expect(try KenshuBinary.run(["build"], in: root).status == 0)
    for arguments in [
      ["--output", "site"], ["--output", "site/staff"], ["--zip-file", "site/staff.zip"],
    ] {
      let run = try KenshuBinary.run(
        ["build", "--edition", "facilitator", "--format", "json"] + arguments, in: root)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.stdout.contains("\"code\" : \"site-facilitator-output\""), "\(arguments): \(run.stdout)")
    }
    #expect(!exists(root, "site/staff"))
    #expect(!exists(root, "site/staff.zip"))
    #expect(!exists(root, "site/facilitator"))
    #expect(try markers(under: root.appendingPathComponent("site")).isEmpty)
  }

  @Test func publishFacilitatorSetting_validatesAndPublishesBoth() throws {
    let root = try project()
    let settings = root.appendingPathComponent("kenshu.xml")
    let xml = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(
      of: "<site ", with: "<site publish-facilitator=\"true\" ")
    try xml.write(to: settings, atomically: true, encoding: .utf8)
    let validate = try KenshuBinary.run(["validate", "--strict"], in: root)
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(try KenshuBinary.run(["build"], in: root).status == 0)
    #expect(exists(root, "site/facilitator/index.html"))
    #expect(try markers(under: root.appendingPathComponent("site")) == Set(Self.markers))
  }

  @Test func serve_previewsBothEditions_theFacilitatorOneApart() throws {
    let root = try project()
    let server = try ServeProcess(arguments: ["serve", "--port", "0", "--no-watch"], in: root, listeners: 2)
    defer { server.stop() }
    let learner = try #require(server.urls.first { !$0.facilitator })
    let facilitator = try #require(server.urls.first { $0.facilitator })
    #expect(facilitator.host == "127.0.0.1")
    #expect(learner.port != facilitator.port)
    let home = try HTTPGet.fetch(host: learner.host, port: learner.port, path: "/")
    #expect(home.status == 200)
    #expect(!home.body.contains("facilitator/"))
    #expect(
      try HTTPGet.fetch(host: learner.host, port: learner.port, path: "/facilitator/index.html").status == 404
    )
    let notes = try HTTPGet.fetch(
      host: facilitator.host, port: facilitator.port, path: "/facilitator/index.html")
    #expect(notes.status == 200)
    #expect(notes.body.contains("zqxclinote"))
    let gw = try HTTPGet.fetch(
      host: facilitator.host, port: facilitator.port,
      path: "/facilitator/programmes/my-training/day1/sessions/gw1.html")
    #expect(gw.body.contains("zqxclikey"))
    #expect(gw.body.contains("zqxcliprompt"))
  }

  @Test func serve_withoutFacilitator_buildsAndServesTheLearnerSiteOnly() throws {
    let root = try project()
    let server = try ServeProcess(
      arguments: ["serve", "--port", "0", "--no-watch", "--no-facilitator"], in: root, listeners: 1)
    defer { server.stop() }
    #expect(server.urls.count == 1)
    #expect(!exists(root, "private/facilitator-site"))
  }
}

/// `kenshu serve` running in the background, with the addresses it printed.
final class ServeProcess {
  struct Listener {
    var host: String
    var port: Int
    var facilitator: Bool
  }

  let process = Process()
  private(set) var urls: [Listener] = []
  /// Where serve's stdout and stderr go.
  let log: URL

  /// What serve printed so far.
  var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  init(arguments: [String], in folder: URL, listeners: Int) throws {
    let log = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
    self.log = log
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = try KenshuBinary.url
    process.environment = KenshuBinary.englishEnvironment
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardError = handle
    process.standardOutput = handle
    try process.run()
    let deadline = Date().addingTimeInterval(90)
    while Date() < deadline, process.isRunning {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      urls = text.split(separator: "\n").compactMap(Self.listener)
      if urls.count >= listeners { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    try handle.close()
    if urls.count < listeners {
      stop()
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      throw CocoaError(
        .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(text)"])
    }
    // Leave time for a third listener that should not come.
    Thread.sleep(forTimeInterval: 0.3)
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    urls = text.split(separator: "\n").compactMap(Self.listener)
  }

  /// `serving http://127.0.0.1:8080/ …` / `serving the facilitator edition at http://…/ …`.
  static func listener(_ line: Substring) -> Listener? {
    guard line.hasPrefix("serving "), let start = line.range(of: "http://") else { return nil }
    let rest = line[start.upperBound...]
    guard let slash = rest.firstIndex(of: "/"), let colon = rest[..<slash].lastIndex(of: ":"),
      let port = Int(rest[rest.index(after: colon)..<slash])
    else { return nil }
    return Listener(
      host: String(rest[..<colon]), port: port, facilitator: line.contains("facilitator edition"))
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}

/// A plain HTTP/1.1 GET over a socket, for loopback tests.
enum HTTPGet {
  static func fetch(host: String, port: Int, path: String) throws -> (status: Int, body: String) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw POSIXError(.EINVAL) }
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    let request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n"
    _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { break }
      response.append(contentsOf: buffer[0..<count])
    }
    let text = String(decoding: response, as: UTF8.self)
    let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
    let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    return (status, body)
  }
}
