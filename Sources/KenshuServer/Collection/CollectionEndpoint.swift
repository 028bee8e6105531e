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
  /// Reception's check-in (`POST /api/checkin`), when the project is known.
  public var checkIn: CheckInEndpoint?

  public init(
    collector: ResponseCollector, rateLimitPerMinute: Int = 120, origins: OriginPolicy = OriginPolicy(),
    trustProxyHeaders: Bool = false, checkIn: CheckInEndpoint? = nil
  ) {
    self.collector = collector
    rateLimiter = RateLimiter(perMinute: rateLimitPerMinute)
    self.origins = origins
    self.trustProxyHeaders = trustProxyHeaders
    self.checkIn = checkIn
  }

  /// Marks a replayed response, for clients and logs; the body is the original one.
  static let idempotentReplayed = HTTPFields.Element.Name("Idempotent-Replayed")!

  /// Adds `/api/health`, the POST endpoints (`/api/checkin` with a `checkIn`), their CORS
  /// preflights and a JSON 404 for other `/api/` paths.
  ///
  /// The checks every POST shares are middleware of the POST routes, in the order of
  /// docs/collect.md: origin (403; CORS headers on every later answer), rate limit (429),
  /// the survey or module, from one read of the catalogue (404), before the body is read,
  /// then content type (415), size (413) and `Idempotency-Key` syntax (400). The handler,
  /// called once, decodes the JSON and submits to the target the middleware found. A
  /// check-in names no target: it passes the same checks but that one.
  public func addRoutes(to router: Router<KenshuRequestContext>) {
    let endpoint = self
    router.get("/api/health") { _, _ in
      APIResponse.json(["status": "ok"], status: .ok)
    }
    let origin = CollectionOriginMiddleware(origins: origins, logger: collector.logger)
    let rateLimit = CollectionRateLimitMiddleware(limiter: rateLimiter, trustProxyHeaders: trustProxyHeaders)
    let body = CollectionBodyMiddleware(limit: collector.limits.bodyBytes)
    let posts = router.group("/api")
      .add(middleware: origin)
      .add(middleware: rateLimit)
      .add(middleware: CollectionTargetMiddleware(collector: collector))
      .add(middleware: body)
    posts.post("surveys/:surveyId/responses") { _, context in await endpoint.submit(context.collection) }
    posts.post("modules/:moduleId/completions") { _, context in await endpoint.submit(context.collection) }
    var paths = ["/api/surveys/:surveyId/responses", "/api/modules/:moduleId/completions"]
    if let checkIn {
      router.group("/api/checkin").add(middleware: origin).add(middleware: rateLimit).add(middleware: body)
        .post { _, context in await checkIn.respond(context.collection) }
      paths.append("/api/checkin")
    }
    for path in paths {
      router.on(RouterPath(path), method: .options) { request, _ in endpoint.preflight(request) }
    }
    router.post("/api/**") { _, _ in APIError.notFound.response() }
  }

  /// The handler of both POST routes: the body as the target's submission (400 when it is
  /// not), validated and stored by the collector.
  func submit(_ request: CollectionRequest) async -> Response {
    // The middleware set both, or answered already.
    guard let target = request.target, let body = request.body else { return APIError.notFound.response() }
    let decoder = JSONDecoder()
    switch target {
    case .survey:
      guard let submission = try? decoder.decode(SurveySubmission.self, from: body) else {
        return APIError.malformedJSON.response()
      }
      return respond(
        await collector.submitResponse(to: target, submission, idempotency: request.idempotency),
        unknown: .unknownSurvey)
    case .module:
      guard let submission = try? decoder.decode(CompletionSubmission.self, from: body) else {
        return APIError.malformedJSON.response()
      }
      return respond(
        await collector.submitCompletion(to: target, submission, idempotency: request.idempotency),
        unknown: .unknownModule)
    }
  }

  /// The HTTP answer to an outcome (the origin middleware adds the CORS headers).
  func respond(_ outcome: CollectOutcome, unknown: APIError) -> Response {
    switch outcome {
    case .stored(let id):
      Response(
        status: .created, headers: Self.jsonHeaders(replayed: false),
        body: ResponseBody(byteBuffer: ByteBuffer(string: CollectOutcome.storedBody(id: id))))
    case .unknownTarget: unknown.response()
    case .invalid(let problems): APIError.invalid(problems).response()
    case .tokenRefused(.used): APIError.tokenUsed.response()
    case .tokenRefused(.missing): APIError.tokenMissing.response()
    case .tokenRefused: APIError.tokenInvalid.response()
    case .storageFailed: APIError.storageFailed.response()
    case .replayed(let status, let body):
      // The original response, byte for byte; only the CORS headers are this request's.
      Response(
        status: HTTPResponse.Status(code: status), headers: Self.jsonHeaders(replayed: true),
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    case .idempotencyKeyReused: APIError.idempotencyKeyReused.response()
    case .idempotencyKeyInUse: APIError.idempotencyKeyInUse.response()
    }
  }

  static func jsonHeaders(replayed: Bool) -> HTTPFields {
    var headers = APIResponse.jsonHeaders
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
}
