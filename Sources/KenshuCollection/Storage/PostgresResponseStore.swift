import Foundation
import Logging
import PostgresNIO

/// Responses in PostgreSQL, for shared deployments: the same schema and behaviour as the
/// SQLite store. A 201 follows `COMMIT`, which with PostgreSQL's default `synchronous_commit
/// = on` returns after the WAL record is flushed to disk.
public final class PostgresResponseStore: ResponseStore {
  let client: PostgresClient
  let runner: Task<Void, Never>
  let logger: Logger

  /// Connects (the pool opens connections lazily) and runs pending migrations under an
  /// advisory lock, so that two servers starting at once do not migrate twice.
  public init(
    configuration: PostgresClient.Configuration, logger: Logger = Logger(label: "kenshu.collect.postgres")
  )
    async throws
  {
    let client = PostgresClient(configuration: configuration)
    self.client = client
    self.logger = logger
    runner = Task { await client.run() }
    do {
      try await migrate()
    } catch {
      runner.cancel()
      throw error
    }
  }

  func migrate() async throws {
    try await client.withTransaction(logger: logger) { connection in
      // An arbitrary constant: the lock id for Kenshu's migrations.
      try await connection.query("SELECT pg_advisory_xact_lock(7020311)", logger: logger)
      try await connection.query(
        "CREATE TABLE IF NOT EXISTS kenshu_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
        logger: logger)
      var applied: Set<String> = []
      for try await id in try await connection.query("SELECT id FROM kenshu_migrations", logger: logger)
        .decode(String.self)
      {
        applied.insert(id)
      }
      for migration in StoreSchema.migrations where !applied.contains(migration.id) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        let now = Timestamp.string(Date())
        try await connection.query(
          "INSERT INTO kenshu_migrations (id, applied_at) VALUES (\(migration.id), \(now))", logger: logger)
      }
    }
  }

  public func insert(
    _ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?, anonymous: Bool
  ) async throws -> StoreWrite {
    let write: @Sendable (PostgresConnection) async throws -> TokenCheck = { connection in
      let use = try await Self.useToken(
        connection, scope: response.surveyID, participant: response.participant, hash: tokenHash,
        recordID: response.id, at: response.receivedAt, anonymousSurvey: anonymous, logger: self.logger)
      guard use.admits else { return use.check }
      var stored = response
      stored.participant = use.participant
      try await Self.insertRow(stored, connection, logger: self.logger)
      return use.check
    }
    if let idempotency { return try await withKey(idempotency, write) }
    // Surveys without tokens (the common case): one autocommitted statement, one round trip,
    // that inserts only while the survey has no tokens of either kind.
    var inserted = false
    for try await _ in try await client.query(
      """
      INSERT INTO responses (id, survey_id, survey_hash, participant, answers, received_at)
      SELECT \(response.id), \(response.surveyID), \(response.surveyHash), \(response.participant), \
      \(response.answersJSON), \(response.receivedAt)
      WHERE NOT EXISTS (SELECT 1 FROM tokens WHERE scope = \(response.surveyID))
      AND NOT EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = \(response.surveyID))
      RETURNING id
      """, logger: logger
    ).decode(String.self) {
      inserted = true
    }
    if inserted { return .checked(.notRequired) }
    return .checked(try await transaction { try await write($0) })
  }

  static func insertRow(_ response: StoredResponse, _ connection: PostgresConnection, logger: Logger)
    async throws
  {
    try await connection.query(
      """
      INSERT INTO responses (id, survey_id, survey_hash, participant, answers, received_at)
      VALUES (\(response.id), \(response.surveyID), \(response.surveyHash), \(response.participant), \
      \(response.answersJSON), \(response.receivedAt))
      """, logger: logger)
  }

  public func insert(_ completion: StoredCompletion, tokenHash: String?, idempotency: IdempotencyRecord?)
    async throws -> StoreWrite
  {
    let write: @Sendable (PostgresConnection) async throws -> TokenCheck = { connection in
      let check = try await Self.useToken(
        connection, scope: "module:" + completion.moduleID, participant: completion.participant,
        hash: tokenHash,
        recordID: completion.id, at: completion.receivedAt, logger: self.logger
      ).check
      guard check == .notRequired || check == .accepted else { return check }
      try await connection.query(
        """
        INSERT INTO completions (id, module_id, module_edition, participant, score, passed, received_at)
        VALUES (\(completion.id), \(completion.moduleID), \(completion.moduleEdition), \(completion.participant), \
        \(completion.score), \(completion.passed), \(completion.receivedAt))
        """, logger: self.logger)
      return check
    }
    if let idempotency { return try await withKey(idempotency, write) }
    return .checked(try await client.withTransaction(logger: logger) { try await write($0) })
  }

  /// A transaction whose closure's own `StoreError` comes out as itself (the client wraps
  /// every error thrown in the closure in a `PostgresTransactionError`).
  func transaction<Result: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    do {
      return try await client.withTransaction(logger: logger) { try await body($0) }
    } catch let failed as PostgresTransactionError {
      if let own = failed.closureError as? StoreError, failed.rollbackError == nil { throw own }
      if let mixed = failed.closureError as? MixedTokenKinds, failed.rollbackError == nil { throw mixed }
      throw failed
    }
  }

  /// A token refusal inside `withKey`: thrown to roll the key back with everything else.
  private struct Refused: Error { var check: TokenCheck }

  /// Runs `write` in a transaction that first claims the key. The claim is an `INSERT … ON
  /// CONFLICT DO NOTHING`: a concurrent transaction holding the same key makes it wait until
  /// that one commits (then nothing is inserted and the stored key is returned) or rolls back
  /// (then this one proceeds), so one key never stores two records, across servers too.
  func withKey(
    _ record: IdempotencyRecord, _ write: @escaping @Sendable (PostgresConnection) async throws -> TokenCheck
  ) async throws -> StoreWrite {
    do {
      return try await client.withTransaction(logger: logger) { connection in
        if let existing = try await Self.claim(record, on: connection, logger: logger) {
          return .keyExists(existing)
        }
        let check = try await write(connection)
        guard check == .notRequired || check == .accepted else { throw Refused(check: check) }
        return .checked(check)
      }
    } catch let refused as Refused {
      return .checked(refused.check)
    } catch let failed as PostgresTransactionError {
      // The client wraps what the closure threw; a refusal rolled back cleanly.
      if let refused = failed.closureError as? Refused, failed.rollbackError == nil {
        return .checked(refused.check)
      }
      if let own = failed.closureError as? StoreError, failed.rollbackError == nil { throw own }
      throw failed
    }
  }

  public func insert(_ idempotency: IdempotencyRecord) async throws -> IdempotencyRecord? {
    let record = idempotency
    return try await transaction { connection in
      try await Self.claim(record, on: connection, logger: self.logger)
    }
  }

  /// Claims `record`'s key inside the caller's transaction: `nil` when this transaction now
  /// holds it, else the record already stored under it. The `INSERT … ON CONFLICT DO NOTHING`
  /// waits for a concurrent transaction holding the same key (see `withKey`).
  private static func claim(
    _ record: IdempotencyRecord, on connection: PostgresConnection, logger: Logger
  ) async throws -> IdempotencyRecord? {
    var claimed = false
    for try await _ in try await connection.query(
      """
      INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, status, body, record_id, created_at)
      VALUES (\(record.scope), \(record.key), \(record.fingerprint), \(record.status), \(record.body), \
      \(record.recordID), \(record.createdAt))
      ON CONFLICT DO NOTHING RETURNING scope
      """, logger: logger
    ).decode(String.self) {
      claimed = true
    }
    if claimed { return nil }
    guard
      let existing = try await idempotencyRecord(
        connection, scope: record.scope, key: record.key, logger: logger)
    else { throw StoreError("an idempotency key conflicted but cannot be read") }
    return existing
  }

  public func participant(holdingToken tokenHash: String) async throws -> String? {
    var holders: [String] = []
    for try await holder in try await client.query(
      "SELECT DISTINCT participant FROM tokens WHERE token_hash = \(tokenHash) LIMIT 2", logger: logger
    ).decode(String.self) {
      holders.append(holder)
    }
    return holders.count == 1 ? holders[0] : nil
  }

  public func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord? {
    try await client.withConnection { connection in
      try await Self.idempotencyRecord(connection, scope: scope, key: key, logger: self.logger)
    }
  }

  static func idempotencyRecord(_ connection: PostgresConnection, scope: String, key: String, logger: Logger)
    async throws -> IdempotencyRecord?
  {
    var found: IdempotencyRecord?
    for try await (fingerprint, status, body, recordID, createdAt) in try await connection.query(
      """
      SELECT fingerprint, status, body, record_id, created_at FROM idempotency_keys
      WHERE scope = \(scope) AND idempotency_key = \(key)
      """, logger: logger
    ).decode((String, Int, String, String, String).self) {
      found = IdempotencyRecord(
        scope: scope, key: key, fingerprint: fingerprint, status: status, body: body, recordID: recordID,
        createdAt: createdAt)
    }
    return found
  }

  /// The token is claimed with one conditional UPDATE, so two concurrent submissions with the
  /// same token cannot both succeed (the second waits on the row lock, then finds it used).
  /// The token alone says whose it is. An anonymous survey's token is claimed by deleting its
  /// unused hash: a DELETE leaves no row version that SQL can read, so no surviving row
  /// carries this transaction's id (`xmin`) next to the response's.
  static func useToken(
    _ connection: PostgresConnection, scope: String, participant: String?, hash: String?, recordID: String,
    at time: String, anonymousSurvey: Bool = false, logger: Logger
  ) async throws -> TokenUse {
    var named = false
    var anonymous = false
    for try await (hasNamed, hasAnonymous) in try await connection.query(
      """
      SELECT EXISTS (SELECT 1 FROM tokens WHERE scope = \(scope)),
      EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = \(scope))
      """, logger: logger
    ).decode((Bool, Bool).self) {
      named = hasNamed
      anonymous = hasAnonymous && !hasNamed
    }
    if named, anonymousSurvey { throw StoreError(TokenUse.namedTokensOfAnonymousSurvey(scope)) }
    guard named || anonymous else { return TokenUse(check: .notRequired, participant: participant) }
    guard let hash else { return .refused(.missing) }
    if anonymous {
      var claimed = false
      for try await _ in try await connection.query(
        """
        DELETE FROM anonymous_unused_tokens WHERE scope = \(scope) AND token_hash = \(hash) RETURNING scope
        """, logger: logger
      ).decode(String.self) {
        claimed = true
      }
      if claimed { return TokenUse(check: .accepted, participant: nil) }
      var known = false
      for try await exists in try await connection.query(
        "SELECT EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = \(scope) AND token_hash = \(hash))",
        logger: logger
      ).decode(Bool.self) {
        known = exists
      }
      return .refused(known ? .used : .invalid)
    }
    var holder: String?
    for try await owner in try await connection.query(
      """
      UPDATE tokens SET used_at = \(time), record_id = \(recordID)
      WHERE scope = \(scope) AND token_hash = \(hash) AND used_at IS NULL
      AND (\(participant)::text IS NULL OR participant = \(participant))
      RETURNING participant
      """, logger: logger
    ).decode(String.self) {
      holder = owner
    }
    if let holder { return TokenUse(check: .accepted, participant: holder) }
    var used = false
    var found = false
    for try await (owner, usedAt) in try await connection.query(
      "SELECT participant, used_at FROM tokens WHERE scope = \(scope) AND token_hash = \(hash)",
      logger: logger
    ).decode((String, String?).self) {
      found = participant == nil || owner == participant
      used = usedAt != nil
    }
    return .refused(found && used ? .used : .invalid)
  }

  public func responses(surveyID: String) async throws -> [StoredResponse] {
    var result: [StoredResponse] = []
    let rows = try await client.query(
      """
      SELECT id, survey_id, survey_hash, participant, answers, received_at FROM responses
      WHERE survey_id = \(surveyID) ORDER BY received_at, id
      """, logger: logger)
    for try await (id, survey, hash, participant, answers, received) in rows.decode(
      (String, String, String, String?, String, String).self)
    {
      result.append(
        StoredResponse(
          id: id, surveyID: survey, surveyHash: hash, participant: participant, answersJSON: answers,
          receivedAt: received))
    }
    return result
  }

  public func completions(moduleID: String) async throws -> [StoredCompletion] {
    var result: [StoredCompletion] = []
    let rows = try await client.query(
      """
      SELECT id, module_id, module_edition, participant, score, passed, received_at FROM completions
      WHERE module_id = \(moduleID) ORDER BY received_at, id
      """, logger: logger)
    for try await (id, module, edition, participant, score, passed, received) in rows.decode(
      (String, String, String, String, Double, Bool, String).self)
    {
      result.append(
        StoredCompletion(
          id: id, moduleID: module, moduleEdition: edition, participant: participant, score: score,
          passed: passed,
          receivedAt: received))
    }
    return result
  }

  public func counts() async throws -> StoreCounts {
    var counts = StoreCounts()
    for try await (survey, n) in try await client.query(
      "SELECT survey_id, COUNT(*) FROM responses GROUP BY survey_id", logger: logger
    ).decode((String, Int).self) {
      counts.responses[survey] = n
    }
    for try await (module, n) in try await client.query(
      "SELECT module_id, COUNT(*) FROM completions GROUP BY module_id", logger: logger
    ).decode((String, Int).self) {
      counts.completions[module] = n
    }
    return counts
  }

  public func addTokens(_ tokens: [TokenRecord]) async throws -> [String] {
    let logger = logger
    return try await transaction { connection in
      var added: [String] = []
      for token in tokens {
        var mixed = false
        for try await (hasNamed, hasAnonymous) in try await connection.query(
          """
          SELECT EXISTS (SELECT 1 FROM tokens WHERE scope = \(token.scope)),
          EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = \(token.scope))
          """, logger: logger
        ).decode((Bool, Bool).self) {
          mixed = token.anonymous ? hasNamed : hasAnonymous
        }
        if mixed { throw TokenUse.mixedTokens(token) }
        if token.anonymous {
          if try await Self.addAnonymousToken(token, connection, logger: logger) {
            added.append(token.participant)
          }
          continue
        }
        try await connection.query(
          "DELETE FROM tokens WHERE scope = \(token.scope) AND participant = \(token.participant) AND used_at IS NULL",
          logger: logger)
        for try await _ in try await connection.query(
          """
          INSERT INTO tokens (scope, participant, token_hash) VALUES (\(token.scope), \(token.participant), \
          \(token.tokenHash)) ON CONFLICT DO NOTHING RETURNING participant
          """, logger: logger
        ).decode(String.self) {
          added.append(token.participant)
        }
      }
      return added
    }
  }

  /// Replaces the participant's unused anonymous token (a used one is kept); true when stored.
  static func addAnonymousToken(_ token: TokenRecord, _ connection: PostgresConnection, logger: Logger)
    async throws -> Bool
  {
    var held: String?
    for try await old in try await connection.query(
      "SELECT token_hash FROM anonymous_tokens WHERE scope = \(token.scope) AND participant = \(token.participant)",
      logger: logger
    ).decode(String.self) {
      held = old
    }
    if let held {
      var unused = false
      for try await _ in try await connection.query(
        "DELETE FROM anonymous_unused_tokens WHERE scope = \(token.scope) AND token_hash = \(held) RETURNING scope",
        logger: logger
      ).decode(String.self) {
        unused = true
      }
      guard unused else { return false }
      try await connection.query(
        "DELETE FROM anonymous_tokens WHERE scope = \(token.scope) AND participant = \(token.participant)",
        logger: logger)
    }
    var inserted = false
    for try await _ in try await connection.query(
      """
      INSERT INTO anonymous_tokens (scope, participant, token_hash) VALUES (\(token.scope), \
      \(token.participant), \(token.tokenHash)) ON CONFLICT DO NOTHING RETURNING scope
      """, logger: logger
    ).decode(String.self) {
      inserted = true
    }
    guard inserted else { return false }
    try await connection.query(
      "INSERT INTO anonymous_unused_tokens (scope, token_hash) VALUES (\(token.scope), \(token.tokenHash))",
      logger: logger)
    return true
  }

  /// Rows of three text columns from a query written by a test (tests only: they read
  /// system columns such as `xmin` to check what a database reader could link).
  func textRowsForTesting(_ sql: String) async throws -> [(String, String, String)] {
    var rows: [(String, String, String)] = []
    for try await row in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(
      (String, String, String).self)
    {
      rows.append(row)
    }
    return rows
  }

  /// Removes every table of this schema (tests only: each test starts from an empty database).
  public func dropAllForTesting() async throws {
    try await client.query(
      """
      DROP TABLE IF EXISTS responses, completions, tokens, idempotency_keys, anonymous_tokens, \
      anonymous_unused_tokens, kenshu_migrations
      """,
      logger: logger)
  }

  public func close() async {
    runner.cancel()
  }
}
