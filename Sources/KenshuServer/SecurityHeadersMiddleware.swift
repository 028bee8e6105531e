import Hummingbird
import KenshuModel

/// Adds the security headers of `ContentSecurityPolicy.securityHeaders` to every response of
/// the preview and collection server: pages, assets, API answers, the live-reload stream, and
/// errors (not-found, method-not-allowed, failures), which never reach a route handler's
/// headers otherwise.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  /// `HTTPField` through `HTTPFields` (which Hummingbird re-exports), to avoid a direct
  /// dependency on swift-http-types for one type name.
  typealias FieldName = HTTPFields.Element.Name

  let headers: [(FieldName, String)]

  /// `connectOrigin`: the collection server's origin when the built forms post to another one
  /// (the header must allow what the pages' `<meta>` policy allows, or it would block it).
  public init(connectOrigin: String? = nil) {
    headers = ContentSecurityPolicy.securityHeaders(connectOrigin: connectOrigin).compactMap { field in
      FieldName(field.name).map { ($0, field.value) }
    }
  }

  public func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      response = try error.response(from: request, context: context)
    } catch {
      context.logger.error("request failed: \(error)")
      response = Response(status: .internalServerError)
    }
    for (name, value) in headers { response.headers[name] = value }
    return response
  }
}
