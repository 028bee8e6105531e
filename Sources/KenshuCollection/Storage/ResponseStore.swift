import Foundation

/// What happened to a submission that needed a one-time token.
public enum TokenCheck: Sendable, Hashable {
  /// The survey has no tokens: anyone may answer.
  case notRequired
  /// The token matched its participant and was unused; it is now used by this response.
  case accepted
  /// Tokens are on for this survey and none was given.
  case missing
  /// No such token for this survey (or it belongs to another participant than the one sent).
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
  /// A token of an anonymous survey: once used, nothing stored links it to the response
  /// (tables `anonymous_tokens` and `anonymous_unused_tokens`, docs/privacy.md).
  public var anonymous: Bool

  public init(scope: String, participant: String, tokenHash: String, anonymous: Bool = false) {
    self.scope = scope
    self.participant = participant
    self.tokenHash = tokenHash
    self.anonymous = anonymous
  }
}

/// The outcome of a token check inside a store's write: the check, and the participant the
/// record is stored with (the token's holder, nil for an anonymous survey's token, or the
/// submitted participant when the scope has no tokens).
struct TokenUse: Sendable, Hashable {
  var check: TokenCheck
  var participant: String?

  static func refused(_ check: TokenCheck) -> TokenUse { TokenUse(check: check, participant: nil) }

  /// Whether the record may be stored.
  var admits: Bool { check == .notRequired || check == .accepted }

  /// The survey was made anonymous after its tokens were issued: storing would put the
  /// holder's id with the answers, so the store refuses (new tokens under a new survey id).
  static func namedTokensOfAnonymousSurvey(_ scope: String) -> String {
    "the anonymous survey \(scope) has tokens issued before it was anonymous; nothing stored"
  }

  /// A survey's tokens are all anonymous or all not: `roster tokens` refuses to mix them.
  static func mixedTokens(_ token: TokenRecord) -> MixedTokenKinds {
    MixedTokenKinds(scope: token.scope, existingAreAnonymous: !token.anonymous)
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
  /// Stores a response, using up the token in the same transaction when the survey has
  /// tokens. The token alone identifies its holder: the response is stored with the holder's
  /// participant id (a different `participant` in the response is `.invalid`), or with none
  /// when the token is an anonymous survey's. Nothing is stored unless the result is
  /// `.checked(.notRequired)` or `.checked(.accepted)`. With `idempotency`, the key is stored in that same transaction;
  /// when its scope and key are already stored, nothing is written and `.keyExists` returns
  /// the stored key (two concurrent writes of one key never both store a record).
  ///
  /// `anonymous` is the survey's `anonymous="true"`: the caller has already left out the
  /// participant and the time of day; a scope holding tokens that are not anonymous then
  /// throws instead of storing the holder's id with the answers.
  func insert(
    _ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?, anonymous: Bool
  ) async throws
    -> StoreWrite
  /// Stores a completion; tokens and keys work as for responses, with scope `module:ID`.
  func insert(_ completion: StoredCompletion, tokenHash: String?, idempotency: IdempotencyRecord?)
    async throws -> StoreWrite
  /// The stored key, if any.
  func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord?
  /// Stores the key of a request whose effect is kept outside the store (a check-in, in the
  /// programme's attendance file), after that effect. Nil when stored; when its scope and key
  /// were stored already (by a concurrent request), nothing is written and the stored key is
  /// returned.
  func insert(_ idempotency: IdempotencyRecord) async throws -> IdempotencyRecord?
  /// Whose token has this hash: the holder of a token of any survey or module, used or not,
  /// and nil when there is none (or, against all odds, two people's tokens share the hash).
  /// Nothing is used up: reception's check-in identifies the holder of a slip this way.
  /// Anonymous surveys' tokens are never looked up: whoever scanned one at reception could
  /// later tell whose anonymous answers it sent.
  func participant(holdingToken tokenHash: String) async throws -> String?
  /// Every response to a survey, oldest first.
  func responses(surveyID: String) async throws -> [StoredResponse]
  /// Every completion of a module, oldest first.
  func completions(moduleID: String) async throws -> [StoredCompletion]
  func counts() async throws -> StoreCounts
  /// Adds tokens, replacing an unused one for the same scope and participant; a participant
  /// whose token was already used keeps it. Returns the participants whose token was stored.
  /// Throws when the scope already has tokens of the other kind (anonymous or not).
  func addTokens(_ tokens: [TokenRecord]) async throws -> [String]
  /// Releases connections.
  func close() async
}

extension ResponseStore {
  /// Stores a response of a survey that is not anonymous.
  public func insert(_ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?)
    async throws -> StoreWrite
  {
    try await insert(response, tokenHash: tokenHash, idempotency: idempotency, anonymous: false)
  }

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

/// Tokens of the other kind (anonymous or not) are already stored for a scope: adding these
/// would link some of its answers to their people (`roster tokens` says so in words).
public struct MixedTokenKinds: Error, Sendable, Hashable {
  public var scope: String
  /// True when the stored tokens are anonymous and the new ones are not.
  public var existingAreAnonymous: Bool
}

/// Failures of a store, with messages safe to log (no SQL, no answers).
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
