import Foundation
import Testing

@testable import KenshuModel

/// Personal-data outputs are refused anywhere inside a site folder, whatever it is called and
/// however the path reaches it.
@Suite struct PrivateOutputGuardTests {
  /// A project folder with a built site `public/` (marked) and the default `site/` not built.
  func makeProject() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-guard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("public/content"), withIntermediateDirectories: true)
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent("public/\(SiteMarker.fileName)"))
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("private"), withIntermediateDirectories: true)
    return root
  }

  func guardian(_ root: URL) -> PrivateOutputGuard {
    PrivateOutputGuard(siteOutputs: [root.appendingPathComponent("site")])
  }

  @Test func test_insideAMarkedSite_atAnyDepth_isRefused() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(at: root) }
    for path in ["public/x.csv", "public/content/deep/new/x.csv", "public", "public/./a/../b.csv"] {
      #expect(guardian(root).refusal(for: root.appendingPathComponent(path)) != nil, "\(path)")
    }
    #expect(guardian(root).refusal(for: root.appendingPathComponent("private/groups.csv")) == nil)
    #expect(guardian(root).refusal(for: root.appendingPathComponent("public-notes/x.csv")) == nil)
  }

  @Test func test_theConfiguredSite_isRefusedBeforeItsFirstBuild() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(guardian(root).refusal(for: root.appendingPathComponent("site/r.xml")) != nil)
    #expect(guardian(root).refusal(for: root.appendingPathComponent("site")) != nil)
  }

  @Test func test_symbolicLinks_toASite_areResolved() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(at: root) }
    let manager = FileManager.default
    // A link to the site folder, a link to a folder inside it, and a dangling link whose
    // target would be created inside it.
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("private/out").path, withDestinationPath: "../public")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("to-content").path, withDestinationPath: "public/content")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("private/report.csv").path, withDestinationPath: "../public/r.csv")
    for path in ["private/out/groups.csv", "to-content/x/y.csv", "private/report.csv"] {
      #expect(guardian(root).refusal(for: root.appendingPathComponent(path)) != nil, "\(path)")
    }
  }

  @Test func test_refusal_namesThePathAndTheSite() throws {
    let root = try makeProject()
    defer { try? FileManager.default.removeItem(at: root) }
    let refusal = try #require(guardian(root).refusal(for: root.appendingPathComponent("public/x.csv")))
    #expect(refusal.description.contains("public/x.csv"))
    #expect(refusal.site.hasSuffix("/public"))
  }
}

/// One policy text for every page and header.
@Suite struct ContentSecurityPolicyTests {
  @Test func test_sha256_matchesTheStandardVectors() {
    func hex(_ text: String) -> String {
      SHA256Digest.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
    #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(hex(String(repeating: "a", count: 1000)).count == 64)
  }

  @Test func test_policy_allowsNoInlineScript_andTheHeaderForbidsFraming() {
    let policy = ContentSecurityPolicy.policy()
    #expect(policy.contains("script-src 'self';"))
    #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
    #expect(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"))
    #expect(ContentSecurityPolicy.header().hasPrefix(policy))
    #expect(ContentSecurityPolicy.header().hasSuffix("frame-ancestors 'none'"))
    #expect(
      ContentSecurityPolicy.policy(connectOrigin: "https://c.example.org").contains(
        "connect-src 'self' https://c.example.org;"))
    let names = ContentSecurityPolicy.securityHeaders().map(\.name)
    #expect(
      names == ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"])
  }
}

/// The policy text goes into attributes unescaped: nothing but plain origins and digests in it.
@Suite struct ContentSecurityPolicyOriginTests {
  @Test(arguments: [
    "https://c.example.org\" onload=\"x", "https://c.example.org; script-src *", "javascript:alert(1)",
    "https://", "https://a b",
  ])
  func test_anOriginThatIsNotPlain_isLeftOut(origin: String) {
    #expect(ContentSecurityPolicy.policy(connectOrigin: origin) == ContentSecurityPolicy.policy())
    #expect(!ContentSecurityPolicy.metaTag(connectOrigin: origin).contains("onload"))
  }

  @Test func test_plainOrigins_withPorts_areKept() {
    #expect(
      ContentSecurityPolicy.policy(connectOrigin: "http://127.0.0.1:8080").contains(
        "'self' http://127.0.0.1:8080;"))
    #expect(ContentSecurityPolicy.policy(styleHashes: ["a\"b"]) == ContentSecurityPolicy.policy())
  }
}
