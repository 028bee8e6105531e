import Foundation
import GRDB

/// Responses in a SQLite file (the embedded default, `private/responses.sqlite`).
///
/// Durability: WAL journal with `synchronous = FULL`. In WAL mode, NORMAL survives a crash of
/// the process (kill -9) but may lose the last commits on power loss or an OS crash, because
/// the WAL is synced only at checkpoints; FULL syncs the WAL on every commit, so a 201 means
/// the answer is on disk. Concurrent submissions share a transaction and its fsync
/// (`GroupCommit`); `Benchmarks/collect-load.sh` measures the result.
public final class SQLiteResponseStore: ResponseStore {
  let pool: DatabasePool
  let commits: GroupCommit
  public let path: String

  /// Opens (creating when needed) the database at `path` and runs pending migrations.
  public init(path: String) throws {
    self.path = path
    var configuration = Configuration()
    configuration.label = "kenshu.responses"
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // A used anonymous token is a deleted row: zero its bytes in the file instead of
      // leaving them in a free page (deletes are rare here, so the cost does not matter).
      try db.execute(sql: "PRAGMA secure_delete = ON")
    }
    try FileManager.default.createDirectory(
      at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    pool = try DatabasePool(path: path, configuration: configuration)
    var migrator = DatabaseMigrator()
    for migration in StoreSchema.migrations {
      migrator.registerMigration(migration.id) { db in
        for statement in migration.statements { try db.execute(sql: statement) }
      }
    }
    try migrator.migrate(pool)
    commits = GroupCommit(pool: pool)
  }

  public func insert(
    _ response: StoredResponse, tokenHash: String?, idempotency: IdempotencyRecord?, anonymous: Bool
  ) async throws -> StoreWrite {
    try await commits.perform { db in
      if let idempotency,
        let existing = try Self.idempotencyRecord(db, scope: idempotency.scope, key: idempotency.key)
      {
        return .keyExists(existing)
      }
      let use = try Self.useToken(
        db, scope: response.surveyID, participant: response.participant, hash: tokenHash,
        recordID: response.id, at: response.receivedAt, anonymousSurvey: anonymous)
      guard use.admits else { return .checked(use.check) }
      try db.execute(
        sql: """
          INSERT INTO responses (id, survey_id, survey_hash, participant, answers, received_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          response.id, response.surveyID, response.surveyHash, use.participant, response.answersJSON,
          response.receivedAt,
        ])
      if let idempotency { try Self.store(idempotency, db) }
      return .checked(use.check)
    }
  }

  public func insert(_ completion: StoredCompletion, tokenHash: String?, idempotency: IdempotencyRecord?)
    async throws -> StoreWrite
  {
    try await commits.perform { db in
      if let idempotency,
        let existing = try Self.idempotencyRecord(db, scope: idempotency.scope, key: idempotency.key)
      {
        return .keyExists(existing)
      }
      let use = try Self.useToken(
        db, scope: "module:" + completion.moduleID, participant: completion.participant, hash: tokenHash,
        recordID: completion.id, at: completion.receivedAt)
      guard use.admits else { return .checked(use.check) }
      try db.execute(
        sql: """
          INSERT INTO completions (id, module_id, module_edition, participant, score, passed, received_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          completion.id, completion.moduleID, completion.moduleEdition, completion.participant,
          completion.score,
          completion.passed, completion.receivedAt,
        ])
      if let idempotency { try Self.store(idempotency, db) }
      return .checked(use.check)
    }
  }

  public func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord? {
    try await pool.read { db in try Self.idempotencyRecord(db, scope: scope, key: key) }
  }

  static func idempotencyRecord(_ db: Database, scope: String, key: String) throws -> IdempotencyRecord? {
    try Row.fetchOne(
      db,
      sql: """
        SELECT fingerprint, status, body, record_id, created_at FROM idempotency_keys
        WHERE scope = ? AND idempotency_key = ?
        """, arguments: [scope, key]
    ).map { row in
      IdempotencyRecord(
        scope: scope, key: key, fingerprint: row["fingerprint"], status: row["status"], body: row["body"],
        recordID: row["record_id"], createdAt: row["created_at"])
    }
  }

  public func insert(_ idempotency: IdempotencyRecord) async throws -> IdempotencyRecord? {
    let write = try await commits.perform { db in
      if let existing = try Self.idempotencyRecord(db, scope: idempotency.scope, key: idempotency.key) {
        return .keyExists(existing)
      }
      try Self.store(idempotency, db)
      return .checked(.notRequired)
    }
    if case .keyExists(let existing) = write { return existing }
    return nil
  }

  public func participant(holdingToken tokenHash: String) async throws -> String? {
    try await pool.read { db in
      let holders = try String.fetchAll(
        db, sql: "SELECT DISTINCT participant FROM tokens WHERE token_hash = ? LIMIT 2",
        arguments: [tokenHash])
      return holders.count == 1 ? holders[0] : nil
    }
  }

  /// Writes are serialised (one writer, and each write checks the key first inside the same
  /// transaction), so the primary key is never violated here.
  static func store(_ record: IdempotencyRecord, _ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, status, body, record_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record.scope, record.key, record.fingerprint, record.status, record.body, record.recordID,
        record.createdAt,
      ])
  }

  /// Marks the token used when the scope has tokens; the caller's transaction rolls it back
  /// with the insert if anything later fails. The token alone says whose it is; an anonymous
  /// survey's token is used by deleting its unused hash, which leaves nothing to link.
  static func useToken(
    _ db: Database, scope: String, participant: String?, hash: String?, recordID: String, at time: String,
    anonymousSurvey: Bool = false
  ) throws -> TokenUse {
    let named =
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM tokens WHERE scope = ?)", arguments: [scope])
      ?? false
    if named, anonymousSurvey { throw StoreError(TokenUse.namedTokensOfAnonymousSurvey(scope)) }
    let anonymous =
      try !named
      && (Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = ?)", arguments: [scope])
        ?? false)
    guard named || anonymous else { return TokenUse(check: .notRequired, participant: participant) }
    guard let hash else { return .refused(.missing) }
    if anonymous {
      try db.execute(
        sql: "DELETE FROM anonymous_unused_tokens WHERE scope = ? AND token_hash = ?",
        arguments: [scope, hash])
      if db.changesCount > 0 { return TokenUse(check: .accepted, participant: nil) }
      let known =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM anonymous_tokens WHERE scope = ? AND token_hash = ?)",
          arguments: [scope, hash]) ?? false
      return .refused(known ? .used : .invalid)
    }
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT participant, used_at FROM tokens WHERE scope = ? AND token_hash = ?",
        arguments: [scope, hash])
    else { return .refused(.invalid) }
    let holder: String = row["participant"]
    guard participant == nil || participant == holder else { return .refused(.invalid) }
    if (row["used_at"] as String?) != nil { return .refused(.used) }
    try db.execute(
      sql: "UPDATE tokens SET used_at = ?, record_id = ? WHERE scope = ? AND token_hash = ?",
      arguments: [time, recordID, scope, hash])
    return TokenUse(check: .accepted, participant: holder)
  }

  public func responses(surveyID: String) async throws -> [StoredResponse] {
    try await pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, survey_id, survey_hash, participant, answers, received_at FROM responses
          WHERE survey_id = ? ORDER BY received_at, id
          """, arguments: [surveyID]
      ).map { row in
        StoredResponse(
          id: row["id"], surveyID: row["survey_id"], surveyHash: row["survey_hash"],
          participant: row["participant"],
          answersJSON: row["answers"], receivedAt: row["received_at"])
      }
    }
  }

  public func completions(moduleID: String) async throws -> [StoredCompletion] {
    try await pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, module_id, module_edition, participant, score, passed, received_at FROM completions
          WHERE module_id = ? ORDER BY received_at, id
          """, arguments: [moduleID]
      ).map { row in
        StoredCompletion(
          id: row["id"], moduleID: row["module_id"], moduleEdition: row["module_edition"],
          participant: row["participant"], score: row["score"], passed: row["passed"],
          receivedAt: row["received_at"])
      }
    }
  }

  public func counts() async throws -> StoreCounts {
    try await pool.read { db in
      var counts = StoreCounts()
      for row in try Row.fetchAll(
        db, sql: "SELECT survey_id, COUNT(*) AS n FROM responses GROUP BY survey_id")
      {
        counts.responses[row["survey_id"]] = row["n"]
      }
      for row in try Row.fetchAll(
        db, sql: "SELECT module_id, COUNT(*) AS n FROM completions GROUP BY module_id")
      {
        counts.completions[row["module_id"]] = row["n"]
      }
      return counts
    }
  }

  public func addTokens(_ tokens: [TokenRecord]) async throws -> [String] {
    try await pool.write { db in
      var added: [String] = []
      for token in tokens {
        let other = token.anonymous ? "tokens" : "anonymous_tokens"
        if try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM \(other) WHERE scope = ?)", arguments: [token.scope])
          ?? false
        {
          throw TokenUse.mixedTokens(token)
        }
        if token.anonymous {
          if try Self.addAnonymousToken(token, db) { added.append(token.participant) }
          continue
        }
        try db.execute(
          sql: "DELETE FROM tokens WHERE scope = ? AND participant = ? AND used_at IS NULL",
          arguments: [token.scope, token.participant])
        try db.execute(
          sql: "INSERT OR IGNORE INTO tokens (scope, participant, token_hash) VALUES (?, ?, ?)",
          arguments: [token.scope, token.participant, token.tokenHash])
        if db.changesCount > 0 { added.append(token.participant) }
      }
      return added
    }
  }

  /// Replaces the participant's unused anonymous token (a used one is kept); true when stored.
  static func addAnonymousToken(_ token: TokenRecord, _ db: Database) throws -> Bool {
    if let old = try String.fetchOne(
      db, sql: "SELECT token_hash FROM anonymous_tokens WHERE scope = ? AND participant = ?",
      arguments: [token.scope, token.participant])
    {
      try db.execute(
        sql: "DELETE FROM anonymous_unused_tokens WHERE scope = ? AND token_hash = ?",
        arguments: [token.scope, old])
      guard db.changesCount > 0 else { return false }
      try db.execute(
        sql: "DELETE FROM anonymous_tokens WHERE scope = ? AND participant = ?",
        arguments: [token.scope, token.participant])
    }
    try db.execute(
      sql: "INSERT OR IGNORE INTO anonymous_tokens (scope, participant, token_hash) VALUES (?, ?, ?)",
      arguments: [token.scope, token.participant, token.tokenHash])
    guard db.changesCount > 0 else { return false }
    try db.execute(
      sql: "INSERT INTO anonymous_unused_tokens (scope, token_hash) VALUES (?, ?)",
      arguments: [token.scope, token.tokenHash])
    return true
  }

  /// Runs SQLite's own consistency check; "ok" when the file is sound.
  public func integrityCheck() async throws -> String {
    try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
  }

  public func close() async {
    try? pool.close()
  }
}
