import Foundation
import Hummingbird
import KenshuCollection

/// The body of a collection POST: JSON (415 otherwise), at most the collector's size limit
/// (413, from `Content-Length` before reading, or while reading), and at most one well-formed
/// `Idempotency-Key` (400), which is paired with the body's fingerprint.
struct CollectionBodyMiddleware: RouterMiddleware {
  typealias Context = KenshuRequestContext

  static let idempotencyKey = HTTPFields.Element.Name("Idempotency-Key")!

  let limit: Int

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    let type = request.headers[.contentType]?.split(separator: ";").first?
      .trimmingCharacters(in: .whitespaces).lowercased()
    guard type == "application/json" else { return APIError.unsupportedMediaType.response() }
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
      return APIError.payloadTooLarge.response()
    }
    var request = request
    let buffer: ByteBuffer
    do {
      buffer = try await request.collectBody(upTo: limit)
    } catch {
      return APIError.payloadTooLarge.response()
    }
    var context = context
    let body = Data(buffer.readableBytesView)
    context.collection.body = body
    let keyValues = request.headers[values: Self.idempotencyKey]
    if !keyValues.isEmpty {
      guard keyValues.count == 1, let key = IdempotencyRequest.key(fromHeader: keyValues[0]) else {
        return APIError.badIdempotencyKey.response()
      }
      context.collection.idempotency = IdempotencyRequest(
        key: key, fingerprint: IdempotencyRequest.fingerprint(of: body))
    }
    return try await next(request, context)
  }
}
