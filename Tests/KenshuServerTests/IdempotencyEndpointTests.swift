import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuCollection
import KenshuModel
import Testing

@testable import KenshuServer

/// `Idempotency-Key` on the collection API: a retry gets the original response and stores
/// nothing; the key with another body is 422; the key while its first request is still being
/// processed is 409; a malformed key is 400.
@Suite struct IdempotencyEndpointTests {
  /// A store that takes its time to insert, so that a second request arrives while the first
  /// one is still being processed.
  final class SlowStore: ResponseStore {
    let inner: SQLiteResponseStore
    let delay: Duration
    init(_ inner: SQLiteResponseStore, delay: Duration) {
      self.inner = inner
      self.delay = delay
    }
    func insert(
      _ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?, anonymous: Bool
    ) async throws -> StoreWrite {
      try await Task.sleep(for: delay)
      return try await inner.insert(
        response, tokenHash: tokenHash, idempotency: idempotency, anonymous: anonymous)
    }
    func insert(_ completion: StoredCompletion, tokenHash: String?, idempotency: IdempotencyRecord?)
      async throws -> StoreWrite
    {
      try await Task.sleep(for: delay)
      return try await inner.insert(completion, tokenHash: tokenHash, idempotency: idempotency)
    }
    func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord? {
      try await inner.idempotencyRecord(scope: scope, key: key)
    }
    func insert(_ idempotency: IdempotencyRecord) async throws -> IdempotencyRecord? {
      try await Task.sleep(for: delay)
      return try await inner.insert(idempotency)
    }
    func participant(holdingToken tokenHash: String) async throws -> String? {
      try await inner.participant(holdingToken: tokenHash)
    }
    func responses(surveyID: String) async throws -> [StoredResponse] {
      try await inner.responses(surveyID: surveyID)
    }
    func completions(moduleID: String) async throws -> [StoredCompletion] {
      try await inner.completions(moduleID: moduleID)
    }
    func counts() async throws -> StoreCounts { try await inner.counts() }
    func addTokens(_ tokens: [TokenRecord]) async throws -> [String] { try await inner.addTokens(tokens) }
    func close() async { await inner.close() }
  }

  struct Fixture {
    var app: Application<RouterResponder<KenshuRequestContext>>
    var store: SQLiteResponseStore
  }

  func fixture(delay: Duration = .zero, origins: [String] = []) throws -> Fixture {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-idem-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    let store = try SQLiteResponseStore(path: root.appendingPathComponent("private/responses.sqlite").path)
    let collector = ResponseCollector(
      catalog: CollectionCatalog(
        surveys: [CollectionEndpointTests.survey], modules: [CollectionEndpointTests.module]),
      store: delay == .zero ? store : SlowStore(store, delay: delay))
    let endpoint = CollectionEndpoint(
      collector: collector, rateLimitPerMinute: 0, origins: OriginPolicy(allowedOrigins: origins))
    return Fixture(
      app: Application(router: PreviewServer(siteRoot: root, collection: endpoint).router()), store: store)
  }

  static let path = CollectionEndpointTests.path
  static let answers = #"{"participant":"r0001","answers":{"q1":4,"q9":"よかった"}}"#

  static func headers(key: String?) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let key { headers[HTTPFields.Element.Name("Idempotency-Key")!] = key }
    return headers
  }

  func errorCode(_ response: TestResponse) -> String? { CollectionEndpointTests().errorCode(response) }

  @Test func repeat_getsTheOriginalResponse_andStoresOneRow() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      let key = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""
      let first = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: key), body: ByteBuffer(string: Self.answers)
      )
      #expect(first.status == .created)
      #expect(first.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == nil)
      for _ in 0..<3 {
        let again = try await client.execute(
          uri: Self.path, method: .post, headers: Self.headers(key: key),
          body: ByteBuffer(string: Self.answers))
        #expect(again.status == .created)
        #expect(String(buffer: again.body) == String(buffer: first.body))
        #expect(again.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == "true")
      }
      // The bare form of the same key is the same key.
      let bare = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "8e03978e-40d5-43e8-bc93-6894a57f9324"),
        body: ByteBuffer(string: Self.answers))
      #expect(String(buffer: bare.body) == String(buffer: first.body))
      // Without a key, or with another key, the same answers are a new response.
      _ = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: nil), body: ByteBuffer(string: Self.answers)
      )
      _ = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "other"),
        body: ByteBuffer(string: Self.answers))
    }
    let stored = try await fixture.store.responses(surveyID: "day1-eval")
    #expect(stored.count == 3)
  }

  @Test func sameKeyWithAnotherBody_is422_andStoresNothing() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k1"),
        body: ByteBuffer(string: Self.answers)
      ) { #expect($0.status == .created) }
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k1"),
        body: ByteBuffer(string: #"{"participant":"r0001","answers":{"q1":2}}"#)
      ) {
        #expect($0.status == .unprocessableContent)
        #expect(errorCode($0) == "idempotency-key-reused")
        #expect($0.headers[.contentType]?.hasPrefix("application/json") == true)
      }
      // The key is per survey (or module): the same key on a completion is a new key.
      try await client.execute(
        uri: "/api/modules/acp-basics/completions", method: .post, headers: Self.headers(key: "k1"),
        body: ByteBuffer(string: #"{"participant":"r0001","score":90}"#)
      ) { #expect($0.status == .created) }
      try await client.execute(
        uri: "/api/modules/acp-basics/completions", method: .post, headers: Self.headers(key: "k1"),
        body: ByteBuffer(string: #"{"participant":"r0001","score":95}"#)
      ) { #expect($0.status == .unprocessableContent) }
    }
    #expect(
      try await fixture.store.counts()
        == StoreCounts(responses: ["day1-eval": 1], completions: ["acp-basics": 1]))
  }

  @Test func invalidAnswers_keepNoKey_soAFixedRetryIsStored() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k2"),
        body: ByteBuffer(string: #"{"answers":{"q1":9}}"#)
      ) { #expect($0.status == .unprocessableContent && errorCode($0) == "invalid-answers") }
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k2"),
        body: ByteBuffer(string: Self.answers)
      ) { #expect($0.status == .created) }
    }
    #expect(try await fixture.store.responses(surveyID: "day1-eval").count == 1)
  }

  @Test(arguments: [
    "", "\"\"", "with space", "é-non-ascii", "\"a\\\"b\"", String(repeating: "k", count: 256),
  ])
  func malformedKey_is400(key: String) async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: key), body: ByteBuffer(string: Self.answers)
      ) {
        #expect($0.status == .badRequest)
        #expect(errorCode($0) == "bad-idempotency-key")
      }
    }
    #expect(try await fixture.store.counts().responses.isEmpty)
  }

  @Test func longestKey_isAccepted() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: String(repeating: "k", count: 255)),
        body: ByteBuffer(string: Self.answers)
      ) { #expect($0.status == .created) }
    }
  }

  @Test func twoSimultaneousRequestsWithOneKey_storeExactlyOneRow() async throws {
    let fixture = try fixture(delay: .milliseconds(400))
    try await fixture.app.test(.router) { client in
      async let first = client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "same"),
        body: ByteBuffer(string: Self.answers))
      async let second = client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "same"),
        body: ByteBuffer(string: Self.answers))
      let statuses = try await [first.status, second.status].sorted { $0.code < $1.code }
      #expect(statuses == [.created, .conflict])
      let conflict = try await [first, second].first { $0.status == .conflict }
      #expect(conflict.map(errorCode) == "idempotency-key-in-use")
      // Once the first finished, a retry gets its response.
      let created = try await [first, second].first { $0.status == .created }
      let retry = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "same"),
        body: ByteBuffer(string: Self.answers))
      #expect(retry.status == .created)
      #expect(String(buffer: retry.body) == created.map { String(buffer: $0.body) })
    }
    #expect(try await fixture.store.responses(surveyID: "day1-eval").count == 1)
  }

  @Test func corsPreflight_allowsTheIdempotencyKeyHeader() async throws {
    let fixture = try fixture(origins: ["https://site.example.org"])
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .options, headers: [.origin: "https://site.example.org"]
      ) {
        #expect($0.status == .noContent)
        #expect($0.headers[.accessControlAllowHeaders] == "Content-Type, Idempotency-Key")
      }
    }
  }
}
