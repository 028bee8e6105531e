import Crypto
import Foundation

/// A submission's `Idempotency-Key` (IETF httpapi draft "The Idempotency-Key HTTP Header
/// Field") with the fingerprint of the body it came with.
///
/// The draft makes the value a Structured Fields string (`"…"`); many clients send it bare, so
/// both are accepted. Either way the key must be 1–255 characters of visible ASCII (`!` to
/// `~`), without `"` or `\`: enough for a UUID or any client-generated id, and small enough to
/// keep as a primary key.
public struct IdempotencyRequest: Sendable, Hashable {
  public var key: String
  /// SHA-256 of the request body, as hex.
  public var fingerprint: String

  public init(key: String, fingerprint: String) {
    self.key = key
    self.fingerprint = fingerprint
  }

  /// The longest key accepted.
  public static let maximumLength = 255

  /// The key in a header value, or nil when the value is not a valid key.
  public static func key(fromHeader value: String) -> String? {
    var text = Substring(value.trimmingCharacters(in: .whitespaces))
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = text.dropFirst().dropLast() }
    guard !text.isEmpty, text.utf8.count <= maximumLength,
      text.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C })
    else { return nil }
    return String(text)
  }

  /// The fingerprint of a request body: SHA-256 of its exact bytes, as hex.
  public static func fingerprint(of body: Data) -> String {
    SHA256.hash(data: body).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }
}

/// A stored idempotency key: the request it was first sent with (fingerprint) and the response
/// the server gave (status and body), kept in the same transaction as the record it created.
public struct IdempotencyRecord: Sendable, Hashable {
  /// Survey id, or `module:ID` for a module's completions (as for tokens).
  public var scope: String
  public var key: String
  public var fingerprint: String
  /// HTTP status of the original response.
  public var status: Int
  /// Body of the original response, exactly as sent.
  public var body: String
  /// The record the first request created.
  public var recordID: String
  public var createdAt: String

  public init(
    scope: String, key: String, fingerprint: String, status: Int, body: String, recordID: String,
    createdAt: String
  ) {
    self.scope = scope
    self.key = key
    self.fingerprint = fingerprint
    self.status = status
    self.body = body
    self.recordID = recordID
    self.createdAt = createdAt
  }
}

/// What a store did with one write.
public enum StoreWrite: Sendable, Hashable {
  /// The token check ran; the record (and its key, if any) is stored when the check is
  /// `.notRequired` or `.accepted`, nothing otherwise.
  case checked(TokenCheck)
  /// The key was already stored (by an earlier or a concurrent request): nothing was written.
  case keyExists(IdempotencyRecord)
}
