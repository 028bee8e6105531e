import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuCollection
import KenshuModel
import Testing

@testable import KenshuServer

/// Every response of `kenshu serve` carries the security headers: pages, assets, the
/// live-reload script, status, API answers and rejections, not-found and wrong-method errors.
@Suite struct SecurityHeadersTests {
  func makeSite(marked: Bool = true) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-headers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("private"), withIntermediateDirectories: true)
    try Data("<!doctype html><html><body>トップ</body></html>".utf8).write(
      to: root.appendingPathComponent("index.html"))
    try Data("a,b\n".utf8).write(to: root.appendingPathComponent("private/tokens-day1.csv"))
    if marked {
      try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    }
    return root
  }

  func expectHeaders(_ response: TestResponse, _ what: String, connectOrigin: String? = nil) {
    #expect(
      response.headers[.contentSecurityPolicy] == ContentSecurityPolicy.header(connectOrigin: connectOrigin),
      "\(what)")
    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(what)")
    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(what)")
    for (name, value) in ContentSecurityPolicy.securityHeaders(connectOrigin: connectOrigin) {
      let field = HTTPFields.Element.Name(name)!
      #expect(response.headers[field] == value, "\(what): \(name)")
    }
  }

  @Test func test_everyRoute_andEveryError_carriesTheHeaders() async throws {
    let root = try makeSite()
    let store = try SQLiteResponseStore(path: root.appendingPathComponent("db.sqlite").path)
    let survey = Survey(
      id: "s", title: "アンケート", items: [SurveyItem(id: "q1", type: .likert, text: "満足", required: true)])
    let collector = ResponseCollector(
      catalog: CollectionCatalog(surveys: [survey], modules: []), store: store)
    let endpoint = CollectionEndpoint(
      collector: collector, rateLimitPerMinute: 0, origins: OriginPolicy(allowedOrigins: []))
    let origin = "https://collect.example.org"
    let server = PreviewServer(siteRoot: root, collection: endpoint, connectOrigin: origin)
    let app = Application(router: server.router())
    try await app.test(.router) { client in
      let requests: [(String, HTTPRequest.Method, String?)] = [
        ("/", .get, nil), ("/index.html", .get, nil), ("/missing.html", .get, nil),
        ("/../etc/passwd", .get, nil), ("/_kenshu/live-reload.js", .get, nil), ("/_kenshu/status", .get, nil),
        ("/api/health", .get, nil), ("/api/surveys/s/responses", .post, #"{"answers":{"q1":4}}"#),
        ("/api/surveys/s/responses", .post, "not json"), ("/api/surveys/none/responses", .post, "{}"),
        ("/api/surveys/s/responses", .get, nil), ("/index.html", .delete, nil), ("/nowhere", .put, "x"),
      ]
      for (path, method, body) in requests {
        try await client.execute(
          uri: path, method: method, headers: [.contentType: "application/json"],
          body: body.map { ByteBuffer(string: $0) }
        ) { response in
          expectHeaders(response, "\(method) \(path) → \(response.status.code)", connectOrigin: origin)
        }
      }
    }
    await store.close()
  }

  @Test func test_aFolderKenshuDidNotBuild_isNeverServed() async throws {
    let root = try makeSite(marked: false)
    let server = PreviewServer(siteRoot: root)
    try await Application(router: server.router()).test(.router) { client in
      for path in ["/", "/index.html", "/private/tokens-day1.csv"] {
        try await client.execute(uri: path, method: .get) { response in
          #expect(response.status == .notFound, "\(path)")
          expectHeaders(response, path)
        }
      }
    }
    await #expect(throws: PreviewServerError.self) { try await server.run() }
  }

  @Test func test_placeholder_isAMarkedSite_withThePolicy() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-placeholder-\(UUID().uuidString)")
    try BuildErrorPlaceholder.write(into: folder)
    #expect(SiteFiles(root: folder).isKenshuSite)
    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.contains(ContentSecurityPolicy.metaTag()))
  }
}
