import Foundation

/// The answer to a request whose effect is kept outside the response store (a check-in, in
/// the programme's attendance file), with what its `Idempotency-Key` is to remember.
public struct KeyedAnswer: Sendable, Hashable {
  /// HTTP status.
  public var status: Int
  /// The JSON body, exactly as sent (and as replayed).
  public var body: String
  /// What the request recorded, for logs and the stored key (`PROGRAMME/PARTICIPANT` for a
  /// check-in).
  public var recordID: String
  /// Whether the key is stored with this answer: yes for a success; no for a refusal, after
  /// which the client may correct the request and send it with the same key, as for
  /// submissions.
  public var keep: Bool

  public init(status: Int, body: String, recordID: String, keep: Bool) {
    self.status = status
    self.body = body
    self.recordID = recordID
    self.keep = keep
  }
}

/// What became of a request for an effect outside the store, under its idempotency key.
public enum KeyedOutcome: Sendable, Hashable {
  /// Answered now.
  case answered(KeyedAnswer)
  /// The key was stored with the same body: the original status and body; nothing was done.
  case replayed(status: Int, body: String)
  /// The key was stored with a different body; nothing was done.
  case idempotencyKeyReused
  /// A request with the same key is being processed right now.
  case idempotencyKeyInUse
  /// The stored keys could not be read; nothing was done.
  case storageFailed
}

extension ResponseCollector {
  /// Runs `answer` under an idempotency key of `scope` exactly as submissions run: a key being
  /// processed is refused, a stored key gets its original answer (or `.idempotencyKeyReused`
  /// for another body), a new key (or none) runs `answer`, and a kept answer stores the key.
  ///
  /// The key is stored after the effect, not in one transaction with it, since the effect is
  /// not in the store: when storing it fails, or the server stops between the two, a retry
  /// runs `answer` again. Effects run this way must therefore be idempotent themselves (a
  /// repeated check-in is answered `already`, with the first arrival).
  public func answerOnce(
    _ idempotency: IdempotencyRequest?, scope: String, _ answer: @Sendable () async -> KeyedAnswer
  ) async -> KeyedOutcome {
    guard let idempotency else { return .answered(await answer()) }
    let slot = scope + "\u{0}" + idempotency.key
    guard inFlight.claim(slot) else {
      logger.info("request refused: key in use", metadata: ["target": "\(scope)"])
      return .idempotencyKeyInUse
    }
    defer { inFlight.release(slot) }
    do {
      if let stored = try await store.idempotencyRecord(scope: scope, key: idempotency.key) {
        return replay(stored, fingerprint: idempotency.fingerprint, scope: scope)
      }
    } catch {
      logger.error(
        "request refused: key look-up failed",
        metadata: ["target": "\(scope)", "error": "\(type(of: error))"])
      return .storageFailed
    }
    let answered = await answer()
    guard answered.keep else { return .answered(answered) }
    let record = IdempotencyRecord(
      scope: scope, key: idempotency.key, fingerprint: idempotency.fingerprint, status: answered.status,
      body: answered.body, recordID: answered.recordID, createdAt: Timestamp.string(Date()))
    do {
      // Another server on the same database may have stored the key meanwhile: its answer
      // is the one every later repeat gets.
      if let stored = try await store.insert(record) {
        return replay(stored, fingerprint: idempotency.fingerprint, scope: scope)
      }
    } catch {
      // The effect happened: say so. A retry runs it again and is answered as a repeat.
      logger.error(
        "key not stored after the answer", metadata: ["target": "\(scope)", "error": "\(type(of: error))"])
    }
    return .answered(answered)
  }

  private func replay(_ stored: IdempotencyRecord, fingerprint: String, scope: String) -> KeyedOutcome {
    guard stored.fingerprint == fingerprint else {
      logger.info("request refused: key reused with another body", metadata: ["target": "\(scope)"])
      return .idempotencyKeyReused
    }
    logger.info("request repeated: original answer sent", metadata: ["target": "\(scope)"])
    return .replayed(status: stored.status, body: stored.body)
  }
}
