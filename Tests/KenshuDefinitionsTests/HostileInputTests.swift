import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// Definitions are written by hand and may come from anywhere: malformed or malicious XML must
/// end in a located error, never a crash, a hang, a file read outside the project or a network
/// access.
@Suite struct HostileInputTests {
  /// Loads one file of `Fixtures/hostile/` the way `kenshu validate` does.
  private func loadHostile(_ name: String) throws -> LoadResult {
    try Fixture.load([name], project: "hostile")
  }

  /// The run failed with at least one error that names the file and a line.
  private func expectLocatedError(_ result: LoadResult, file: String, code: String? = nil) {
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(!errors.isEmpty, "no error for \(file)")
    for error in errors {
      #expect(error.location.file == file)
      #expect(error.location.line >= 1, "unlocated: \(error.formatted)")
    }
    if let code {
      #expect(errors.contains { $0.code == code }, "expected \(code), got \(errors.map(\.code))")
    }
  }

  @Test(arguments: [
    ("xxe-system-entity.xml", "xml-doctype"),
    ("xxe-system-entity-utf16.xml", "xml-doctype"),
    ("xxe-parameter-entity.xml", "xml-doctype"),
    ("xxe-external-dtd.xml", "xml-doctype"),
    ("billion-laughs.xml", "xml-doctype"),
    ("invalid-utf8.xml", "xml-encoding"),
    ("truncated.xml", "xml-syntax"),
    ("utf16-bom-utf8-declaration.xml", "xml-encoding"),
    ("shift-jis-declaration-utf8-bytes.xml", "xml-encoding"),
    ("empty.xml", "xml-empty"),
    ("bom-only.xml", "xml-empty"),
    ("wrong-namespace.xml", "wrong-namespace"),
    ("unknown-root.xml", "unknown-root"),
  ])
  func test_hostileFile_endsInOneLocatedError(file: String, code: String) throws {
    let result = try loadHostile(file)
    expectLocatedError(result, file: file, code: code)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.formatted))")
    #expect(result.project.programmes.isEmpty)
  }

  @Test func test_xxe_neverReadsTheTargetFile() throws {
    for file in ["xxe-system-entity.xml", "xxe-system-entity-utf16.xml", "xxe-parameter-entity.xml"] {
      let text = try loadHostile(file).everyText
      #expect(!text.contains("root:"), "content of /etc/passwd leaked through \(file)")
    }
  }

  @Test func test_xxe_withSecretFileInsideTheProject_neverIncludesIt() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let secret = "SECRET-\(UUID().uuidString)"
    let target = try project.write("content/secret.md", secret)
    try project.write(
      "curricula/xxe.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE programme [<!ENTITY s SYSTEM "\(target.absoluteString)">]>
      <programme xmlns="urn:kenshu:1" id="xxe"><title>&s;</title>
        <course id="day1"><title>&s;</title>
          <session id="s1" kind="lecture" duration="PT30M"><title>&s;</title></session>
        </course>
      </programme>
      """)
    let result = project.load(["curricula/xxe.xml"])
    expectLocatedError(result, file: "curricula/xxe.xml", code: "xml-doctype")
    #expect(result.diagnostics("xml-doctype").first?.location.line == 2)
    #expect(!result.everyText.contains(secret))
  }

  @Test(arguments: ["UTF-8", "UTF-16"])
  func test_externalDTD_isNeverFetched(encoding: String) throws {
    let listener = try #require(LoopbackListener())
    let project = try TemporaryProject()
    defer { project.remove() }
    let url = "http://127.0.0.1:\(listener.port)"
    let text = """
      <?xml version="1.0" encoding="\(encoding)"?>
      <!DOCTYPE programme SYSTEM "\(url)/x.dtd">
      <programme xmlns="urn:kenshu:1" id="dtd"><title>&remote;</title>
        <course id="day1"><title>1日目</title>
          <session id="s1" kind="lecture" duration="PT30M"><title>講義</title></session>
        </course>
      </programme>
      """
    // UTF-16 slips past the byte screening and reaches libxml2, whose own defences must hold.
    let bytes: [UInt8] =
      encoding == "UTF-8"
      ? Array(text.utf8) : [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    try project.write("dtd.xml", bytes)
    let result = project.load(["dtd.xml"])
    expectLocatedError(result, file: "dtd.xml", code: "xml-doctype")
    #expect(!listener.receivedConnection, "Kenshu connected to \(url)")
  }

  @Test func test_listener_detectsAConnection() throws {
    // Guards the test above: a listener that never sees anything would prove nothing.
    let listener = try #require(LoopbackListener())
    #expect(!listener.receivedConnection)
    #expect(listener.connectOnce())
    let connected = listener.receivedConnection
    #expect(connected)
  }

  @Test func test_quadraticBlowup_isRefusedBeforeExpansion() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let entity = String(repeating: "A", count: 50_000)
    let references = String(repeating: "&a;", count: 50_000)
    try project.write(
      "quadratic.xml",
      """
      <?xml version="1.0"?>
      <!DOCTYPE programme [<!ENTITY a "\(entity)">]>
      <programme xmlns="urn:kenshu:1" id="q"><title>\(references)</title></programme>
      """)
    let result = project.load(["quadratic.xml"])
    expectLocatedError(result, file: "quadratic.xml", code: "xml-doctype")
    #expect(!result.everyText.contains(String(repeating: "A", count: 1000)))
  }

  @Test func test_tenThousandDeepNesting_isRefused() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    let depth = 10_000
    try project.write(
      "deep.xml",
      "<?xml version=\"1.0\"?>\n<programme xmlns=\"urn:kenshu:1\" id=\"deep\">\n"
        + String(repeating: "<course>", count: depth) + String(repeating: "</course>", count: depth)
        + "\n</programme>\n")
    let result = project.load(["deep.xml"])
    expectLocatedError(result, file: "deep.xml", code: "xml-too-deep")
    #expect(result.diagnostics("xml-too-deep").first?.location.line == 3)
  }

  @Test func test_invalidUTF8_pointsAtTheBadBytes() throws {
    let result = try loadHostile("invalid-utf8.xml")
    let error = try #require(result.diagnostics("xml-encoding").first)
    #expect(error.location.line == 3)
    #expect(error.hint?.contains("UTF-8") == true)
  }

  @Test func test_truncatedFile_saysItMayBeTruncated() throws {
    let result = try loadHostile("truncated.xml")
    let error = try #require(result.diagnostics("xml-syntax").first)
    #expect(error.location.line >= 7)
    #expect(error.hint?.contains("truncated") == true)
  }

  @Test func test_hostileFiles_doNotStopTheOtherFilesFromLoading() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("bad.xml", "<programme xmlns=\"urn:kenshu:1\"")
    try project.write(
      "good.xml",
      """
      <programme xmlns="urn:kenshu:1" id="good"><title>良い</title>
        <course id="day1" start="13:00"><title>1日目</title>
          <session id="s1" kind="lecture" duration="PT30M"><title>講義</title></session>
        </course>
      </programme>
      """)
    let result = project.load(["bad.xml", "good.xml"])
    #expect(result.project.programmes.map(\.id) == ["good"])
    #expect(result.diagnostics.contains { $0.location.file == "bad.xml" && $0.severity == .error })
  }
}
