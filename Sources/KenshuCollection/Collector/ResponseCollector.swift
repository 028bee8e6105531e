import Foundation
import KenshuModel
import Logging

/// The result of one submission, independent of HTTP (the server maps it to a status).
public enum CollectOutcome: Sendable, Hashable {
  /// Committed to the store; the record id.
  case stored(id: String)
  /// No survey (or collecting module) with that id.
  case unknownTarget
  /// The answers do not fit the definition; nothing was stored.
  case invalid([SubmissionProblem])
  /// Tokens are on and the token is missing or wrong (`.missing`, `.invalid`) or used (`.used`).
  case tokenRefused(TokenCheck)
  /// The store failed; nothing is known to be stored and the client should retry.
  case storageFailed
  /// The idempotency key was stored before, with the same body: the original response,
  /// status and body exactly as first sent; nothing new was stored.
  case replayed(status: Int, body: String)
  /// The idempotency key was stored before with a different body; nothing was stored.
  case idempotencyKeyReused
  /// A request with the same idempotency key is being processed right now.
  case idempotencyKeyInUse
}

extension CollectOutcome {
  /// The body of a 201: `{"id":"…"}`, the same bytes whether sent first or replayed.
  public static func storedBody(id: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(["id": id])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}

/// Validates submissions against the catalog and stores the accepted ones. Logs ids, codes
/// and counts only: never answers, participant ids or names.
public final class ResponseCollector: Sendable {
  public let store: any ResponseStore
  public let limits: SubmissionLimits
  public let logger: Logger
  private let current: LockedCatalog
  /// Keys being processed now, by submissions and by `answerOnce` alike.
  let inFlight = KeysInFlight()

  public init(
    catalog: CollectionCatalog, store: any ResponseStore, limits: SubmissionLimits = .standard,
    logger: Logger = Logger(label: "kenshu.collect", factory: { _ in SwiftLogNoOpLogHandler() })
  ) {
    current = LockedCatalog(catalog)
    self.store = store
    self.limits = limits
    self.logger = logger
  }

  /// The definitions in force.
  public var catalog: CollectionCatalog { current.value }

  /// How often `catalog` was read: the collection API reads it once per request (tests).
  var catalogReads: Int { current.reads }

  /// Swaps in new definitions (after a rebuild); submissions in flight finish with the old.
  public func update(_ catalog: CollectionCatalog) { current.value = catalog }

  /// Validates and stores one survey response.
  /// With `idempotency`, a repeat of a stored key gets the original response and a key sent
  /// with a different body is refused (see docs/collect.md).
  public func submitResponse(
    surveyID: String, _ submission: SurveySubmission, idempotency: IdempotencyRequest? = nil
  ) async -> CollectOutcome {
    guard let target = catalog.survey(surveyID) else { return .unknownTarget }
    return await submitResponse(to: target, submission, idempotency: idempotency)
  }

  /// Validates and stores one survey response for a survey already looked up (the HTTP
  /// layer looks it up once, before reading the body); `.unknownTarget` for a module.
  public func submitResponse(
    to target: SubmissionTarget, _ submission: SurveySubmission, idempotency: IdempotencyRequest? = nil
  ) async -> CollectOutcome {
    guard case .survey(let surveyID, let survey, let fingerprint) = target else { return .unknownTarget }
    // The body's fingerprint holds the token: for an anonymous survey, whoever has the token
    // list could recompute it for each response. Fingerprint the answers alone instead.
    let idempotency =
      survey.anonymous
      ? idempotency.map {
        IdempotencyRequest(key: $0.key, fingerprint: AnonymousResponse.fingerprint(submission))
      }
      : idempotency
    return await withKey(idempotency, scope: surveyID) { key in
      await self.validateAndStoreResponse(
        surveyID: surveyID, survey: survey, surveyHash: fingerprint, submission, key: key)
    }
  }

  private func validateAndStoreResponse(
    surveyID: String, survey: Survey, surveyHash: String, _ submission: SurveySubmission,
    key: IdempotencyKeyed?
  ) async -> CollectOutcome {
    switch SubmissionValidator(survey: survey, limits: limits).validate(submission) {
    case .rejected(let problems):
      logger.info(
        "response refused",
        metadata: [
          "survey": "\(surveyID)", "problems": "\(problems.count)", "codes": "\(Self.codes(problems))",
        ])
      return .invalid(problems)
    case .accepted(let accepted):
      var anonymized = StoredResponse(surveyID: surveyID, surveyHash: surveyHash, accepted: accepted)
      let now = Date()
      if survey.anonymous {
        anonymized.participant = nil
        anonymized.receivedAt = AnonymousResponse.day(of: now)
      }
      let record = anonymized
      let stamp = survey.anonymous ? record.receivedAt : Timestamp.string(now)
      let anonymous = survey.anonymous
      return await store(surveyID: surveyID, recordID: record.id, kind: "response", key: key, at: stamp) {
        idempotency in
        try await self.store.insert(
          record, tokenHash: submission.token.map(ParticipantToken.hash), idempotency: idempotency,
          anonymous: anonymous)
      }
    }
  }

  /// Validates and stores one module completion.
  public func submitCompletion(
    moduleID: String, _ submission: CompletionSubmission, idempotency: IdempotencyRequest? = nil
  ) async -> CollectOutcome {
    guard let target = catalog.module(moduleID) else { return .unknownTarget }
    return await submitCompletion(to: target, submission, idempotency: idempotency)
  }

  /// Validates and stores one module completion for a module already looked up;
  /// `.unknownTarget` for a survey.
  public func submitCompletion(
    to target: SubmissionTarget, _ submission: CompletionSubmission, idempotency: IdempotencyRequest? = nil
  ) async -> CollectOutcome {
    guard case .module(let moduleID, let module) = target else { return .unknownTarget }
    return await withKey(idempotency, scope: "module:" + moduleID) { key in
      await self.validateAndStoreCompletion(moduleID: moduleID, module: module, submission, key: key)
    }
  }

  private func validateAndStoreCompletion(
    moduleID: String, module: SelfStudyModule, _ submission: CompletionSubmission, key: IdempotencyKeyed?
  ) async -> CollectOutcome {
    switch CompletionValidator(module: module, limits: limits).validate(submission) {
    case .rejected(let problems):
      logger.info(
        "completion refused",
        metadata: [
          "module": "\(moduleID)", "problems": "\(problems.count)", "codes": "\(Self.codes(problems))",
        ])
      return .invalid(problems)
    case .accepted(let record):
      return await store(
        surveyID: moduleID, recordID: record.id, kind: "completion", key: key, at: Timestamp.string(Date())
      ) {
        idempotency in
        try await self.store.insert(
          record, tokenHash: submission.token.map(ParticipantToken.hash), idempotency: idempotency)
      }
    }
  }

  /// A key with its scope, passed from `withKey` to `store`.
  struct IdempotencyKeyed: Sendable {
    var request: IdempotencyRequest
    var scope: String
  }

  /// The idempotency steps around a submission: a key already being processed is refused
  /// (409), a stored key is answered from the store (its response, or 422 for another body);
  /// only a new key (or none) goes on to validation and storage.
  private func withKey(
    _ idempotency: IdempotencyRequest?, scope: String,
    _ submit: @Sendable (IdempotencyKeyed?) async -> CollectOutcome
  ) async -> CollectOutcome {
    guard let idempotency else { return await submit(nil) }
    let keyed = IdempotencyKeyed(request: idempotency, scope: scope)
    let slot = scope + "\u{0}" + idempotency.key
    guard inFlight.claim(slot) else {
      logger.info("submission refused: key in use", metadata: ["target": "\(scope)"])
      return .idempotencyKeyInUse
    }
    defer { inFlight.release(slot) }
    do {
      if let stored = try await store.idempotencyRecord(scope: scope, key: idempotency.key) {
        return replay(stored, for: keyed)
      }
    } catch {
      logger.error(
        "submission not stored: key look-up failed",
        metadata: ["target": "\(scope)", "error": "\(type(of: error))"])
      return .storageFailed
    }
    return await submit(keyed)
  }

  /// The answer to a key that is already stored.
  private func replay(_ stored: IdempotencyRecord, for keyed: IdempotencyKeyed) -> CollectOutcome {
    guard stored.fingerprint == keyed.request.fingerprint else {
      logger.info("submission refused: key reused with another body", metadata: ["target": "\(keyed.scope)"])
      return .idempotencyKeyReused
    }
    logger.info(
      "submission repeated: original response sent",
      metadata: ["target": "\(keyed.scope)", "id": "\(stored.recordID)"])
    return .replayed(status: stored.status, body: stored.body)
  }

  private func store(
    surveyID: String, recordID: String, kind: String, key: IdempotencyKeyed?, at createdAt: String,
    _ insert: @Sendable (IdempotencyRecord?) async throws -> StoreWrite
  ) async -> CollectOutcome {
    let record = key.map {
      IdempotencyRecord(
        scope: $0.scope, key: $0.request.key, fingerprint: $0.request.fingerprint, status: 201,
        body: CollectOutcome.storedBody(id: recordID), recordID: recordID, createdAt: createdAt
      )
    }
    do {
      switch try await insert(record) {
      case .keyExists(let stored):
        // Another server (or a request just finished here) stored this key first.
        guard let key else { return .storageFailed }
        return replay(stored, for: key)
      case .checked(let check):
        switch check {
        case .notRequired, .accepted:
          logger.info("\(kind) stored", metadata: ["target": "\(surveyID)", "id": "\(recordID)"])
          return .stored(id: recordID)
        case .missing, .invalid, .used:
          logger.info("\(kind) refused", metadata: ["target": "\(surveyID)", "token": "\(check)"])
          return .tokenRefused(check)
        }
      }
    } catch {
      // The error's type only: database errors can quote statements.
      logger.error(
        "\(kind) not stored: storage failed",
        metadata: ["target": "\(surveyID)", "error": "\(type(of: error))"])
      return .storageFailed
    }
  }

  static func codes(_ problems: [SubmissionProblem]) -> String {
    Set(problems.map(\.code.rawValue)).sorted().joined(separator: ",")
  }
}

/// Idempotency keys whose request is being processed in this server, so that a second request
/// with the same key gets 409 instead of racing the first.
final class KeysInFlight: @unchecked Sendable {
  private let lock = NSLock()
  private var keys: Set<String> = []

  /// False when the key is already being processed.
  func claim(_ key: String) -> Bool { lock.withLock { keys.insert(key).inserted } }
  func release(_ key: String) { _ = lock.withLock { keys.remove(key) } }
}

/// The catalog behind a lock: read on every request, replaced after a rebuild.
final class LockedCatalog: @unchecked Sendable {
  private let lock = NSLock()
  private var catalog: CollectionCatalog

  private var readCount = 0

  init(_ catalog: CollectionCatalog) { self.catalog = catalog }

  var value: CollectionCatalog {
    get {
      lock.withLock {
        readCount += 1
        return catalog
      }
    }
    set { lock.withLock { catalog = newValue } }
  }

  /// How often `value` was read.
  var reads: Int { lock.withLock { readCount } }
}
