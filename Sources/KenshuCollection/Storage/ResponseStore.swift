import Foundation

/// What happened to a submission that needed a one-time token.
public enum TokenCheck: Sendable, Hashable {
  /// The survey has no tokens: anyone may answer.
  case notRequired
  /// The token matched its participant and was unused; it is now used by this response.
  case accepted
  /// Tokens are on for this survey and none was given.
  case missing
  /// No such token for this survey and participant.
  case invalid
  /// The token was already used.
  case used
}

/// A participant's one-time token, as stored: only its SHA-256 hash.
public struct TokenRecord: Sendable, Hashable {
  /// Survey id, or `module:ID` for a module's completions.
  public var scope: String
  public var participant: String
  public var tokenHash: String

  public init(scope: String, participant: String, tokenHash: String) {
    self.scope = scope
    self.participant = participant
    self.tokenHash = tokenHash
  }
}

/// Number of responses per survey (and completions per module).
public struct StoreCounts: Sendable, Hashable, Codable {
  public var responses: [String: Int]
  public var completions: [String: Int]

  public init(responses: [String: Int] = [:], completions: [String: Int] = [:]) {
    self.responses = responses
    self.completions = completions
  }
}

/// Where responses and completions are kept. Implementations run their migrations when opened,
/// and return from `insert` only after the transaction committed durably: the server sends
/// 201 after that and never before.
public protocol ResponseStore: Sendable {
  /// Stores a response, using up the participant's token in the same transaction when the
  /// survey has tokens. Nothing is stored unless the result is `.checked(.notRequired)` or
  /// `.checked(.accepted)`. With `idempotency`, the key is stored in that same transaction;
  /// when its scope and key are already stored, nothing is written and `.keyExists` returns
  /// the stored key (two concurrent writes of one key never both store a record).
  func insert(_ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?) async throws
    -> StoreWrite
  /// Stores a completion; tokens and keys work as for responses, with scope `module:ID`.
  func insert(_ completion: StoredCompletion, tokenHash: String?, idempotency: IdempotencyRecord?)
    async throws -> StoreWrite
  /// The stored key, if any.
  func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord?
  /// Every response to a survey, oldest first.
  func responses(surveyID: String) async throws -> [StoredResponse]
  /// Every completion of a module, oldest first.
  func completions(moduleID: String) async throws -> [StoredCompletion]
  func counts() async throws -> StoreCounts
  /// Adds tokens, replacing an unused one for the same scope and participant; a participant
  /// whose token was already used keeps it. Returns the participants whose token was stored.
  func addTokens(_ tokens: [TokenRecord]) async throws -> [String]
  /// Releases connections.
  func close() async
}

extension ResponseStore {
  /// Stores a response without an idempotency key.
  public func insert(_ response: StoredResponse, tokenHash: String?) async throws -> TokenCheck {
    try Self.check(await insert(response, tokenHash: tokenHash, idempotency: nil))
  }

  /// Stores a completion without an idempotency key.
  public func insert(_ completion: StoredCompletion, tokenHash: String?) async throws -> TokenCheck {
    try Self.check(await insert(completion, tokenHash: tokenHash, idempotency: nil))
  }

  private static func check(_ write: StoreWrite) throws -> TokenCheck {
    guard case .checked(let check) = write else { throw StoreError("a write without a key found a key") }
    return check
  }
}

/// Failures of a store, with messages safe to log (no SQL, no answers).
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
