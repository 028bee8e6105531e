import Hummingbird
import KenshuCollection

/// Submissions per client address per minute (429 with `Retry-After` beyond), counted before
/// anything else is looked at. The address is the peer's, or with `trustProxyHeaders` the one
/// the reverse proxy names (otherwise clients could choose their own key).
struct CollectionRateLimitMiddleware: RouterMiddleware {
  typealias Context = KenshuRequestContext

  static let realIP = HTTPFields.Element.Name("X-Real-IP")!
  static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!

  let limiter: RateLimiter
  let trustProxyHeaders: Bool

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    if let wait = await limiter.admit(clientAddress(request, context)) {
      return APIError.rateLimited(retryAfter: wait).response()
    }
    return try await next(request, context)
  }

  func clientAddress(_ request: Request, _ context: Context) -> String {
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
