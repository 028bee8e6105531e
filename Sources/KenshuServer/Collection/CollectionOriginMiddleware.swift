import Hummingbird
import KenshuCollection
import Logging

/// The first check of every collection POST: pages of other sites may not post (403), unless
/// their origin is allowed, in which case every answer, refusals included, carries the CORS
/// headers naming it.
struct CollectionOriginMiddleware: RouterMiddleware {
  typealias Context = KenshuRequestContext

  static let secFetchSite = HTTPFields.Element.Name("Sec-Fetch-Site")!

  let origins: OriginPolicy
  let logger: Logger

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var context = context
    switch origins.decide(
      origin: request.headers[.origin], secFetchSite: request.headers[Self.secFetchSite],
      host: request.head.authority)
    {
    case .rejected:
      logger.info("post refused: cross-origin")
      return APIError.crossOrigin.response()
    case .allowedCrossOrigin(let origin):
      context.collection.cors = [.accessControlAllowOrigin: origin, .vary: "Origin"]
    case .sameOrigin, .noOrigin:
      break
    }
    var response = try await next(request, context)
    response.headers.append(contentsOf: context.collection.cors)
    return response
  }
}
