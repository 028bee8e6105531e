import Foundation
import Hummingbird
import KenshuCollection

/// What the collection API's middleware learnt about a POST, for the next middleware and the
/// handler: the CORS headers its answer carries, the target, the body and the idempotency key.
public struct CollectionRequest: Sendable {
  /// `Access-Control-Allow-Origin` and `Vary` for an allowed other origin; empty otherwise.
  public var cors: HTTPFields = [:]
  /// The survey or module posted to, from one read of the catalogue.
  public var target: SubmissionTarget?
  /// The body, of an accepted type and size.
  public var body: Data?
  /// The `Idempotency-Key` with the body's fingerprint, when one was sent.
  public var idempotency: IdempotencyRequest?

  public init() {}
}
