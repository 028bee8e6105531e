import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuModel
import Testing

@testable import KenshuCollection
@testable import KenshuServer

/// The collection API's shared checks as middleware: one read of the catalogue per POST (it
/// was three, through a handler called twice), in the documented order, with the CORS headers
/// of an allowed origin on every answer.
@Suite struct CollectionMiddlewareTests {
  struct Fixture {
    var app: Application<RouterResponder<KenshuRequestContext>>
    var collector: ResponseCollector
  }

  func fixture(rateLimit: Int = 0, origins: [String] = []) throws -> Fixture {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-collect-middleware-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    let store = try SQLiteResponseStore(path: root.appendingPathComponent("responses.sqlite").path)
    let collector = ResponseCollector(
      catalog: CollectionCatalog(
        surveys: [CollectionEndpointTests.survey], modules: [CollectionEndpointTests.module]),
      store: store)
    let endpoint = CollectionEndpoint(
      collector: collector, rateLimitPerMinute: rateLimit, origins: OriginPolicy(allowedOrigins: origins))
    return Fixture(
      app: Application(router: PreviewServer(siteRoot: root, collection: endpoint).router()),
      collector: collector)
  }

  static let json: HTTPFields = [.contentType: "application/json"]
  static let answers = ByteBuffer(string: #"{"participant":"r0001","answers":{"q1":4}}"#)

  @Test func eachPost_readsTheCatalogueOnce() async throws {
    let fixture = try fixture()
    let posts: [(uri: String, headers: HTTPFields, body: String, status: HTTPResponse.Status)] = [
      (
        "/api/surveys/day1-eval/responses", Self.json, #"{"participant":"r0001","answers":{"q1":4}}"#,
        .created
      ),
      ("/api/surveys/day1-eval/responses", Self.json, #"{"answers":{"q1":9}}"#, .unprocessableContent),
      ("/api/surveys/day1-eval/responses", Self.json, "not json", .badRequest),
      ("/api/surveys/day1-eval/responses", [.contentType: "text/plain"], "{}", .unsupportedMediaType),
      ("/api/surveys/nope/responses", Self.json, "{}", .notFound),
      ("/api/modules/acp-basics/completions", Self.json, #"{"participant":"r0001","score":90}"#, .created),
    ]
    try await fixture.app.test(.router) { client in
      for post in posts {
        let before = fixture.collector.catalogReads
        try await client.execute(
          uri: post.uri, method: .post, headers: post.headers, body: ByteBuffer(string: post.body)
        ) { response in
          #expect(response.status == post.status, "\(post.uri) \(post.body)")
        }
        #expect(fixture.collector.catalogReads - before == 1, "\(post.uri) \(post.body)")
      }
    }
  }

  @Test func refusedOrigin_andRateLimit_comeBeforeTheCatalogue() async throws {
    let fixture = try fixture(rateLimit: 1)
    try await fixture.app.test(.router) { client in
      let before = fixture.collector.catalogReads
      try await client.execute(
        uri: "/api/surveys/day1-eval/responses", method: .post,
        headers: [.contentType: "application/json", .origin: "https://evil.example"], body: Self.answers
      ) { #expect($0.status == .forbidden) }
      #expect(fixture.collector.catalogReads == before)
      // The refused post was not counted: the first admitted one is.
      try await client.execute(
        uri: "/api/surveys/day1-eval/responses", method: .post, headers: Self.json, body: Self.answers
      ) { #expect($0.status == .created) }
      let admitted = fixture.collector.catalogReads
      try await client.execute(
        uri: "/api/surveys/day1-eval/responses", method: .post, headers: Self.json, body: Self.answers
      ) { #expect($0.status == .tooManyRequests) }
      #expect(fixture.collector.catalogReads == admitted)
    }
  }

  @Test func unknownTarget_isAnsweredBeforeTheBodyIsJudged() async throws {
    try await fixture().app.test(.router) { client in
      try await client.execute(
        uri: "/api/surveys/nope/responses", method: .post, headers: [.contentType: "text/plain"],
        body: ByteBuffer(string: "x")
      ) { #expect($0.status == .notFound) }
      try await client.execute(
        uri: "/api/modules/nope/completions", method: .post, headers: [.contentType: "text/plain"],
        body: ByteBuffer(string: "x")
      ) { #expect($0.status == .notFound) }
    }
  }

  @Test func allowedOrigin_getsCORSOnEveryAnswer() async throws {
    let fixture = try fixture(origins: ["https://site.example"])
    let headers: HTTPFields = [.contentType: "application/json", .origin: "https://site.example"]
    try await fixture.app.test(.router) { client in
      for (uri, type, status) in [
        ("/api/surveys/day1-eval/responses", "application/json", HTTPResponse.Status.created),
        ("/api/surveys/nope/responses", "application/json", .notFound),
        ("/api/surveys/day1-eval/responses", "text/plain", .unsupportedMediaType),
      ] {
        var sent = headers
        sent[.contentType] = type
        try await client.execute(uri: uri, method: .post, headers: sent, body: Self.answers) { response in
          #expect(response.status == status)
          #expect(response.headers[.accessControlAllowOrigin] == "https://site.example", "\(uri) \(type)")
          #expect(response.headers[values: .accessControlAllowOrigin].count == 1)
        }
      }
    }
  }
}
