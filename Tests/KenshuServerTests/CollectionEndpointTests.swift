import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuCollection
import KenshuModel
import Testing

@testable import KenshuServer

/// The collection API as a browser or a script sees it: every documented status.
@Suite struct CollectionEndpointTests {
  static let survey = Survey(
    id: "day1-eval", title: "1日目アンケート",
    items: [
      SurveyItem(id: "q1", type: .likert, text: "満足しましたか", required: true),
      SurveyItem(id: "q9", type: .text, text: "ご意見", maxLength: 2000),
    ])
  static let module = SelfStudyModule(
    id: "acp-basics", title: "ACP", quiz: Quiz(passMark: 80, questions: []), collectCompletion: true)
  static let silentModule = SelfStudyModule(id: "quiet", title: "記録しない", collectCompletion: false)

  struct Fixture {
    var app: Application<RouterResponder<KenshuRequestContext>>
    var store: SQLiteResponseStore
  }

  func fixture(rateLimit: Int = 0, origins: [String] = [], bodyBytes: Int = 8 * 1024) throws -> Fixture {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-collect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data("<!doctype html><html><body>トップ</body></html>".utf8).write(
      to: root.appendingPathComponent("index.html"))
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    let store = try SQLiteResponseStore(path: root.appendingPathComponent("private/responses.sqlite").path)
    let collector = ResponseCollector(
      catalog: CollectionCatalog(surveys: [Self.survey], modules: [Self.module, Self.silentModule]),
      store: store,
      limits: SubmissionLimits(bodyBytes: bodyBytes))
    let endpoint = CollectionEndpoint(
      collector: collector, rateLimitPerMinute: rateLimit, origins: OriginPolicy(allowedOrigins: origins))
    let server = PreviewServer(siteRoot: root, collection: endpoint)
    return Fixture(app: Application(router: server.router()), store: store)
  }

  static let json: HTTPFields = [.contentType: "application/json"]
  static let path = "/api/surveys/day1-eval/responses"

  func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

  func errorCode(_ response: TestResponse) -> String? {
    (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: response.body)))?["error"].flatMap
    {
      if case .string(let code) = $0 { return code }
      return nil
    }
  }

  @Test func health() async throws {
    try await fixture().app.test(.router) { client in
      try await client.execute(uri: "/api/health", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
      }
      try await client.execute(uri: "/", method: .get) { response in
        #expect(String(buffer: response.body).contains("トップ"), "the site is still served")
      }
    }
  }

  @Test func withoutWatching_pagesGetNoLiveReloadScript() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-nowatch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data("<!doctype html><html><body>トップ</body></html>".utf8).write(
      to: root.appendingPathComponent("index.html"))
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    let app = Application(router: PreviewServer(siteRoot: root, liveReload: false).router())
    try await app.test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(String(buffer: response.body) == "<!doctype html><html><body>トップ</body></html>")
      }
    }
  }

  @Test func created_returnsTheIdOfTheStoredResponse() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.json,
        body: body(#"{"participant":"r0001","answers":{"q1":4,"q9":"よかった"}}"#)
      ) { response in
        #expect(response.status == .created)
        let id = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))["id"]
        let stored = try await fixture.store.responses(surveyID: "day1-eval")
        #expect(stored.map(\.id) == [id])
        #expect(stored.first?.answers == ["q1": .number(4), "q9": .string("よかった")])
      }
    }
  }

  @Test func injectionStrings_areStoredVerbatim() async throws {
    let fixture = try fixture()
    let texts = [
      "'); DROP TABLE responses; --", "<script>alert(1)</script>", "\"q\" \\ / \u{2028}", "𠮷 ① ㈱\n改行",
    ]
    try await fixture.app.test(.router) { client in
      for text in texts {
        let payload = try JSONEncoder().encode(
          SurveySubmission(answers: ["q1": .number(3), "q9": .string(text)]))
        try await client.execute(
          uri: Self.path, method: .post, headers: Self.json, body: ByteBuffer(bytes: payload)
        ) {
          #expect($0.status == .created)
        }
      }
    }
    let stored = try await fixture.store.responses(surveyID: "day1-eval").compactMap { $0.answers["q9"] }
    #expect(Set(stored) == Set(texts.map(JSONValue.string)))
  }

  @Test func malformedJSON_is400() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      for text in ["{", "[]", #"{"answers": 3}"#, #"{"answers":{"q1":4}, "participant": 5}"#, ""] {
        try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: body(text)) {
          response in
          #expect(response.status == .badRequest, "\(text)")
          #expect(errorCode(response) == "malformed-json")
        }
      }
    }
    #expect(try await fixture.store.counts().responses.isEmpty)
  }

  @Test func wrongContentType_is415() async throws {
    try await fixture().app.test(.router) { client in
      for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
        try await client.execute(
          uri: Self.path, method: .post, headers: [.contentType: type], body: body(#"{"answers":{"q1":4}}"#)
        ) { response in
          #expect(response.status == .unsupportedMediaType)
          #expect(errorCode(response) == "unsupported-media-type")
        }
      }
      try await client.execute(
        uri: Self.path, method: .post, headers: [.contentType: "application/json; charset=utf-8"],
        body: body(#"{"answers":{"q1":4}}"#)
      ) { #expect($0.status == .created) }
    }
  }

  @Test func oversizedBody_is413() async throws {
    let fixture = try fixture(bodyBytes: 1024)
    let big = #"{"answers":{"q1":4,"q9":""# + String(repeating: "x", count: 2000) + #""}}"#
    try await fixture.app.test(.router) { client in
      try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: body(big)) {
        response in
        #expect(response.status == .contentTooLarge)
        #expect(errorCode(response) == "payload-too-large")
      }
    }
    #expect(try await fixture.store.counts().responses.isEmpty)
  }

  @Test func unknownSurveyOrModule_is404() async throws {
    try await fixture().app.test(.router) { client in
      try await client.execute(
        uri: "/api/surveys/nope/responses", method: .post, headers: Self.json, body: body(#"{"answers":{}}"#)
      ) { response in
        #expect(response.status == .notFound)
        #expect(errorCode(response) == "unknown-survey")
      }
      try await client.execute(
        uri: "/api/modules/quiet/completions", method: .post, headers: Self.json,
        body: body(#"{"participant":"r1","score":90}"#)
      ) { response in
        #expect(response.status == .notFound, "modules without collect-completion take none")
        #expect(errorCode(response) == "unknown-module")
      }
      try await client.execute(uri: "/api/other", method: .post, headers: Self.json, body: body("{}")) {
        #expect($0.status == .notFound)
        #expect(errorCode($0) == "not-found")
      }
    }
  }

  @Test func invalidAnswers_is422WithProblems_andNothingStored() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.json, body: body(#"{"answers":{"q1":9,"q2":"x"}}"#)
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(errorCode(response) == "invalid-answers")
        let text = String(buffer: response.body)
        #expect(text.contains("out-of-range") && text.contains("unknown-item"))
      }
    }
    #expect(try await fixture.store.counts().responses.isEmpty)
  }

  @Test func tokens_403Missing403Bad409Used() async throws {
    let fixture = try fixture()
    let token = ParticipantToken.generate()
    _ = try await fixture.store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash(token))
    ])
    @Sendable func payload(_ token: String?) -> ByteBuffer {
      let submission = SurveySubmission(participant: "r0001", token: token, answers: ["q1": .number(5)])
      return ByteBuffer(bytes: (try? JSONEncoder().encode(submission)) ?? Data())
    }
    try await fixture.app.test(.router) { client in
      try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: payload(nil)) {
        #expect($0.status == .forbidden)
        #expect(errorCode($0) == "token-required")
      }
      try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: payload("guess")) {
        #expect($0.status == .forbidden)
        #expect(errorCode($0) == "bad-token")
      }
      try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: payload(token)) {
        #expect($0.status == .created)
      }
      try await client.execute(uri: Self.path, method: .post, headers: Self.json, body: payload(token)) {
        #expect($0.status == .conflict)
        #expect(errorCode($0) == "token-used")
      }
    }
    #expect(try await fixture.store.counts().responses == ["day1-eval": 1])
  }

  @Test func crossOriginPosts_are403_configuredOriginsGetCORS() async throws {
    let fixture = try fixture(origins: ["https://site.example.org"])
    let submission = body(#"{"answers":{"q1":3}}"#)
    try await fixture.app.test(.router) { client in
      var foreign = Self.json
      foreign[.origin] = "https://evil.example"
      try await client.execute(uri: Self.path, method: .post, headers: foreign, body: submission) {
        #expect($0.status == .forbidden)
        #expect(errorCode($0) == "cross-origin")
      }
      var fetchSite = Self.json
      fetchSite[HTTPFields.Element.Name("Sec-Fetch-Site")!] = "cross-site"
      try await client.execute(uri: Self.path, method: .post, headers: fetchSite, body: submission) {
        #expect($0.status == .forbidden)
      }
      var allowed = Self.json
      allowed[.origin] = "https://site.example.org"
      try await client.execute(uri: Self.path, method: .post, headers: allowed, body: submission) {
        #expect($0.status == .created)
        #expect($0.headers[.accessControlAllowOrigin] == "https://site.example.org")
      }
      try await client.execute(
        uri: Self.path, method: .options, headers: [.origin: "https://site.example.org"]
      ) {
        #expect($0.status == .noContent)
        #expect($0.headers[.accessControlAllowMethods] == "POST")
      }
      try await client.execute(uri: Self.path, method: .options, headers: [.origin: "https://evil.example"]) {
        #expect($0.status == .forbidden)
      }
    }
    #expect(try await fixture.store.counts().responses == ["day1-eval": 1])
  }

  @Test func originPolicy_sameOriginByHostHeader() {
    let policy = OriginPolicy(allowedOrigins: ["https://kenshu.example.org/collect/"])
    #expect(
      policy.decide(origin: "http://127.0.0.1:8080", secFetchSite: "same-origin", host: "127.0.0.1:8080")
        == .sameOrigin)
    #expect(
      policy.decide(origin: "https://example.org", secFetchSite: nil, host: "example.org:443") == .sameOrigin)
    #expect(
      policy.decide(origin: "http://127.0.0.1:9999", secFetchSite: nil, host: "127.0.0.1:8080") == .rejected)
    #expect(policy.decide(origin: "null", secFetchSite: nil, host: "127.0.0.1:8080") == .rejected)
    #expect(
      policy.decide(origin: "https://KENSHU.example.org", secFetchSite: nil, host: "127.0.0.1:8080")
        == .allowedCrossOrigin("https://kenshu.example.org"))
    #expect(policy.decide(origin: nil, secFetchSite: nil, host: nil) == .noOrigin, "scripts and curl")
  }

  @Test func rateLimit_is429WithRetryAfter() async throws {
    let fixture = try fixture(rateLimit: 2)
    try await fixture.app.test(.router) { client in
      for expected in [HTTPResponse.Status.created, .created, .tooManyRequests] {
        try await client.execute(
          uri: Self.path, method: .post, headers: Self.json, body: body(#"{"answers":{"q1":1}}"#)
        ) {
          response in
          #expect(response.status == expected)
          if expected == .tooManyRequests {
            #expect(errorCode(response) == "rate-limited")
            #expect(Int(response.headers[.retryAfter] ?? "").map { (1...60).contains($0) } == true)
          }
        }
      }
    }
  }

  @Test func rateLimiter_windowsPerClient() async {
    let limiter = RateLimiter(perMinute: 1)
    let start = Date(timeIntervalSince1970: 1_000_000)
    #expect(await limiter.admit("a", now: start) == nil)
    #expect(await limiter.admit("a", now: start.addingTimeInterval(10)) == 50)
    #expect(await limiter.admit("b", now: start.addingTimeInterval(10)) == nil)
    #expect(await limiter.admit("a", now: start.addingTimeInterval(60)) == nil)
    #expect(await RateLimiter(perMinute: 0).admit("a") == nil, "0 turns it off")
  }

  @Test func completions_201WithServerDecidedPass() async throws {
    let fixture = try fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: "/api/modules/acp-basics/completions", method: .post, headers: Self.json,
        body: body(#"{"participant":"r0001","score":75,"passed":true}"#)
      ) { #expect($0.status == .created) }
      try await client.execute(
        uri: "/api/modules/acp-basics/completions", method: .post, headers: Self.json,
        body: body(#"{"participant":"r0001","score":"full"}"#)
      ) { #expect($0.status == .unprocessableContent) }
    }
    let stored = try await fixture.store.completions(moduleID: "acp-basics")
    #expect(stored.map(\.passed) == [false], "75 is under the pass mark, whatever the client says")
  }

  @Test func errorBodies_neverCarrySQLOrTraces() async throws {
    let fixture = try fixture()
    await fixture.store.close()  // every insert now fails inside the database layer
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.json, body: body(#"{"answers":{"q1":1}}"#)
      ) {
        response in
        #expect(response.status == .serviceUnavailable)
        #expect(errorCode(response) == "storage-unavailable")
        let text = String(buffer: response.body).lowercased()
        #expect(!text.contains("insert") && !text.contains("sqlite") && !text.contains("error:"))
      }
    }
  }
}
