/// The schema both stores share, as numbered migrations. Each entry is applied once, in order,
/// inside a transaction, and recorded (GRDB's `grdb_migrations` for SQLite, the
/// `kenshu_migrations` table for PostgreSQL). Never edit a released migration: add one.
enum StoreSchema {
  /// `(identifier, statements)`; statements use only SQL both databases accept.
  static let migrations: [(id: String, statements: [String])] = [
    (
      "1-responses",
      [
        """
        CREATE TABLE responses (
          id TEXT PRIMARY KEY,
          survey_id TEXT NOT NULL,
          survey_hash TEXT NOT NULL,
          participant TEXT,
          answers TEXT NOT NULL,
          received_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX responses_by_survey ON responses (survey_id, received_at)",
        """
        CREATE TABLE completions (
          id TEXT PRIMARY KEY,
          module_id TEXT NOT NULL,
          module_edition TEXT NOT NULL,
          participant TEXT NOT NULL,
          score DOUBLE PRECISION NOT NULL,
          passed BOOLEAN NOT NULL,
          received_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX completions_by_module ON completions (module_id, received_at)",
        """
        CREATE TABLE tokens (
          scope TEXT NOT NULL,
          participant TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          used_at TEXT,
          record_id TEXT,
          PRIMARY KEY (scope, participant)
        )
        """,
        "CREATE UNIQUE INDEX tokens_by_hash ON tokens (scope, token_hash)",
      ]
    ),
    (
      // Idempotency keys with the response they were answered with; kept for good, like the
      // records they point to (see docs/collect.md, "Retries and Idempotency-Key").
      "2-idempotency-keys",
      [
        """
        CREATE TABLE idempotency_keys (
          scope TEXT NOT NULL,
          idempotency_key TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          status INTEGER NOT NULL,
          body TEXT NOT NULL,
          record_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (scope, idempotency_key)
        )
        """
      ]
    ),
    (
      // Tokens of anonymous surveys (docs/privacy.md, "Anonymous surveys"): who holds which
      // token hash, and the hashes not used yet. Using a token deletes its hash from
      // `anonymous_unused_tokens` and writes nothing else about it, so no row that survives
      // the use says when it happened or which response it sent (an UPDATE would leave a new
      // row version, with PostgreSQL's transaction id, next to the response's).
      "3-anonymous-tokens",
      [
        """
        CREATE TABLE anonymous_tokens (
          scope TEXT NOT NULL,
          participant TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          PRIMARY KEY (scope, participant)
        )
        """,
        "CREATE UNIQUE INDEX anonymous_tokens_by_hash ON anonymous_tokens (scope, token_hash)",
        """
        CREATE TABLE anonymous_unused_tokens (
          scope TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          PRIMARY KEY (scope, token_hash)
        )
        """,
      ]
    ),
    (
      // Check-in looks a token up by its hash alone, whatever survey or module it is for.
      "4-tokens-by-hash-alone",
      ["CREATE INDEX tokens_by_hash_alone ON tokens (token_hash)"]
    ),
  ]
}
