import Foundation
import Hummingbird
import KenshuCollection
import Logging

/// `kenshu serve --collect`: the HTTP side of response collection, added to the preview
/// router. The contract (paths, bodies, statuses, error codes) is in docs/collect.md.
public struct CollectionEndpoint: Sendable {
  public var collector: ResponseCollector
  public var rateLimiter: RateLimiter
  public var origins: OriginPolicy
  /// Take the client address from `X-Real-IP` / `X-Forwarded-For` (only behind a reverse
  /// proxy that sets them; otherwise clients could choose their own rate-limit key).
  public var trustProxyHeaders: Bool

  public init(
    collector: ResponseCollector, rateLimitPerMinute: Int = 120, origins: OriginPolicy = OriginPolicy(),
    trustProxyHeaders: Bool = false
  ) {
    self.collector = collector
    rateLimiter = RateLimiter(perMinute: rateLimitPerMinute)
    self.origins = origins
    self.trustProxyHeaders = trustProxyHeaders
  }

  static let secFetchSite = HTTPFields.Element.Name("Sec-Fetch-Site")!
  static let realIP = HTTPFields.Element.Name("X-Real-IP")!
  static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!
  static let idempotencyKey = HTTPFields.Element.Name("Idempotency-Key")!
  /// Marks a replayed response, for clients and logs; the body is the original one.
  static let idempotentReplayed = HTTPFields.Element.Name("Idempotent-Replayed")!

  /// Adds `/api/health`, the two POST endpoints, their CORS preflights and a JSON 404 for
  /// other `/api/` paths.
  public func addRoutes(to router: Router<KenshuRequestContext>) {
    let endpoint = self
    router.get("/api/health") { _, _ in
      APIResponse.json(["status": "ok"], status: .ok)
    }
    router.post("/api/surveys/:surveyId/responses") { request, context in
      await endpoint.handle(request, context) { body, idempotency, cors in
        let surveyID = context.parameters.get("surveyId") ?? ""
        guard endpoint.collector.knowsSurvey(surveyID) else {
          return APIError.unknownSurvey.response(headers: cors)
        }
        guard let body else { return nil }
        guard let submission = try? JSONDecoder().decode(SurveySubmission.self, from: body) else {
          return APIError.malformedJSON.response(headers: cors)
        }
        return endpoint.respond(
          await endpoint.collector.submitResponse(surveyID: surveyID, submission, idempotency: idempotency),
          cors: cors)
      }
    }
    router.post("/api/modules/:moduleId/completions") { request, context in
      await endpoint.handle(request, context) { body, idempotency, cors in
        let moduleID = context.parameters.get("moduleId") ?? ""
        guard endpoint.collector.knowsModule(moduleID) else {
          return APIError.unknownModule.response(headers: cors)
        }
        guard let body else { return nil }
        guard let submission = try? JSONDecoder().decode(CompletionSubmission.self, from: body) else {
          return APIError.malformedJSON.response(headers: cors)
        }
        return endpoint.respond(
          await endpoint.collector.submitCompletion(moduleID: moduleID, submission, idempotency: idempotency),
          cors: cors,
          unknown: .unknownModule)
      }
    }
    for path in ["/api/surveys/:surveyId/responses", "/api/modules/:moduleId/completions"] {
      router.on(RouterPath(path), method: .options) { request, _ in endpoint.preflight(request) }
    }
    router.post("/api/**") { _, _ in APIError.notFound.response() }
  }

  /// The checks every POST shares, in order: origin (403), rate limit (429), then the
  /// handler's look-up of the target (404) before the body is read, content type (415), size
  /// (413), `Idempotency-Key` syntax (400); the handler is called twice: first without a body
  /// to look up the target, then with the body and the key (with the body's fingerprint).
  func handle(
    _ request: Request, _ context: KenshuRequestContext,
    _ handler: (_ body: Data?, _ idempotency: IdempotencyRequest?, _ cors: HTTPFields) async -> Response?
  ) async -> Response {
    var cors: HTTPFields = [:]
    switch origins.decide(
      origin: request.headers[.origin], secFetchSite: request.headers[Self.secFetchSite],
      host: request.head.authority)
    {
    case .rejected:
      collector.logger.info("post refused: cross-origin")
      return APIError.crossOrigin.response()
    case .allowedCrossOrigin(let origin):
      cors = [.accessControlAllowOrigin: origin, .vary: "Origin"]
    case .sameOrigin, .noOrigin:
      break
    }
    if let wait = await rateLimiter.admit(clientAddress(request, context)) {
      return APIError.rateLimited(retryAfter: wait).response(headers: cors)
    }
    if let early = await handler(nil, nil, cors) { return early }
    let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(
      in: .whitespaces
    )
    .lowercased()
    guard type == "application/json" else { return APIError.unsupportedMediaType.response(headers: cors) }
    let limit = collector.limits.bodyBytes
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
      return APIError.payloadTooLarge.response(headers: cors)
    }
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: limit)
    } catch {
      return APIError.payloadTooLarge.response(headers: cors)
    }
    let body = Data(buffer.readableBytesView)
    var idempotency: IdempotencyRequest?
    let keyValues = request.headers[values: Self.idempotencyKey]
    if !keyValues.isEmpty {
      guard keyValues.count == 1, let key = IdempotencyRequest.key(fromHeader: keyValues[0]) else {
        return APIError.badIdempotencyKey.response(headers: cors)
      }
      idempotency = IdempotencyRequest(key: key, fingerprint: IdempotencyRequest.fingerprint(of: body))
    }
    return await handler(body, idempotency, cors)
      ?? APIError.malformedJSON.response(headers: cors)
  }

  func respond(_ outcome: CollectOutcome, cors: HTTPFields, unknown: APIError = .unknownSurvey) -> Response {
    switch outcome {
    case .stored(let id):
      Response(
        status: .created, headers: Self.jsonHeaders(cors, replayed: false),
        body: ResponseBody(byteBuffer: ByteBuffer(string: CollectOutcome.storedBody(id: id))))
    case .unknownTarget: unknown.response(headers: cors)
    case .invalid(let problems): APIError.invalid(problems).response(headers: cors)
    case .tokenRefused(.used): APIError.tokenUsed.response(headers: cors)
    case .tokenRefused(.missing): APIError.tokenMissing.response(headers: cors)
    case .tokenRefused: APIError.tokenInvalid.response(headers: cors)
    case .storageFailed: APIError.storageFailed.response(headers: cors)
    case .replayed(let status, let body):
      // The original response, byte for byte; only the CORS headers are this request's.
      Response(
        status: HTTPResponse.Status(code: status), headers: Self.jsonHeaders(cors, replayed: true),
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    case .idempotencyKeyReused: APIError.idempotencyKeyReused.response(headers: cors)
    case .idempotencyKeyInUse: APIError.idempotencyKeyInUse.response(headers: cors)
    }
  }

  static func jsonHeaders(_ cors: HTTPFields, replayed: Bool) -> HTTPFields {
    var headers = APIResponse.jsonHeaders
    headers.append(contentsOf: cors)
    if replayed { headers[idempotentReplayed] = "true" }
    return headers
  }

  /// CORS preflight: allowed only for configured other origins.
  func preflight(_ request: Request) -> Response {
    guard
      case .allowedCrossOrigin(let origin) = origins.decide(
        origin: request.headers[.origin], secFetchSite: nil, host: request.head.authority)
    else { return APIError.crossOrigin.response() }
    return Response(
      status: .noContent,
      headers: [
        .accessControlAllowOrigin: origin, .accessControlAllowMethods: "POST",
        .accessControlAllowHeaders: "Content-Type, Idempotency-Key", .accessControlMaxAge: "600",
        .vary: "Origin",
      ])
  }

  func clientAddress(_ request: Request, _ context: KenshuRequestContext) -> String {
    if trustProxyHeaders {
      if let real = request.headers[Self.realIP], !real.isEmpty { return real }
      if let forwarded = request.headers[Self.forwardedFor],
        let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
      {
        return last
      }
    }
    return context.peerAddress ?? "unknown"
  }
}
