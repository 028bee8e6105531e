import Foundation
import GRDB
import Testing

@testable import KenshuCollection

@Suite struct SQLiteResponseStoreTests {
  @Test func createsTheFileAndFolderOnFirstUse_inWALMode() async throws {
    let path = TestSurvey.temporaryDatabase()
    let store = try SQLiteResponseStore(path: path)
    #expect(FileManager.default.fileExists(atPath: path))
    let (mode, synchronous) = try await store.pool.read { db in
      (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
    }
    #expect(mode == "wal")
    #expect(synchronous == 2, "synchronous = FULL: a 201 survives power loss")
    #expect(try await store.integrityCheck() == "ok")
    await store.close()
  }

  @Test func roundTrip_storesEverythingVerbatim() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await StoreBehaviour.roundTrip(store)
    await store.close()
  }

  @Test func oneTimeTokens() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await StoreBehaviour.oneTimeTokens(store)
    await store.close()
  }

  @Test func tokenAlone_storesTheHoldersID() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await StoreBehaviour.tokenAloneNamesItsHolder(store)
    await store.close()
  }

  @Test func anonymousTokens_areUsedOnceAndStoreNobody() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await AnonymousStoreBehaviour.tokensAreUsedOnceAndStoreNobody(store)
    await store.close()
  }

  @Test func idempotencyKeys_areStoredWithTheirRecord() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await IdempotencyStoreBehaviour.keysAreStoredWithTheirRecord(store)
    await store.close()
  }

  @Test func idempotencyKeys_concurrentWritesStoreOneRecord() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await IdempotencyStoreBehaviour.concurrentWritesOfOneKeyStoreOneRecord(store)
    await store.close()
  }

  @Test func checkIn_tokensNameTheirHolderWithoutBeingUsed() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await CheckInStoreBehaviour.tokensNameTheirHolderWithoutBeingUsed(store)
    await store.close()
  }

  @Test func checkIn_keysOfOutsideEffectsAreStoredOnce() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await CheckInStoreBehaviour.keysOfOutsideEffectsAreStoredOnce(store)
    await store.close()
  }

  @Test func concurrentWriters_shareCommitsButLoseNothing() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    try await StoreBehaviour.concurrentWriters(store)
    await store.close()
  }

  @Test func aFailingWrite_rollsBackOnlyItself() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    let first = StoreBehaviour.record(["q1": .number(1)])
    _ = try await store.insert(first, tokenHash: nil)
    let others = (0..<20).map { StoreBehaviour.record(["q1": .number(2)], participant: "o\($0)") }
    let failures = await withTaskGroup(of: Int.self) { group in
      group.addTask { (try? await store.insert(first, tokenHash: nil)) == nil ? 1 : 0 }  // same id again
      for response in others {
        group.addTask { (try? await store.insert(response, tokenHash: nil)) == nil ? 1 : 0 }
      }
      return await group.reduce(0, +)
    }
    #expect(failures == 1)
    #expect(try await store.responses(surveyID: "day1-eval").count == 21)
    await store.close()
  }

  @Test func reopening_keepsDataAndRunsNoMigrationTwice() async throws {
    let path = TestSurvey.temporaryDatabase()
    let first = try SQLiteResponseStore(path: path)
    _ = try await first.insert(StoreBehaviour.record(["q1": .number(3)]), tokenHash: nil)
    await first.close()
    let second = try SQLiteResponseStore(path: path)
    #expect(try await second.counts().responses == ["day1-eval": 1])
    let applied = try await second.pool.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(applied == StoreSchema.migrations.map(\.id))
    await second.close()
  }

  @Test func databaseLocations_parseAsDocumented() {
    #expect(DatabaseLocation(parsing: "sqlite:private/x.sqlite") == .sqlite(path: "private/x.sqlite"))
    #expect(DatabaseLocation(parsing: "sqlite:///var/db/x.sqlite") == .sqlite(path: "/var/db/x.sqlite"))
    #expect(DatabaseLocation(parsing: "data/x.sqlite") == .sqlite(path: "data/x.sqlite"))
    #expect(DatabaseLocation(parsing: "postgres://u:secret@db.local:5433/kenshu") != nil)
    #expect(
      DatabaseLocation(parsing: "postgres://u:secret@db.local:5433/kenshu")?.description.contains("secret")
        == false)
    #expect(DatabaseLocation(parsing: "mysql://x") == nil)
    #expect(DatabaseLocation(parsing: "sqlite:") == nil)
  }

  @Test func tokens_areRandomAndOnlyTheirHashIsKept() {
    let tokens = (0..<1000).map { _ in ParticipantToken.generate() }
    #expect(Set(tokens).count == tokens.count)
    #expect(
      tokens.allSatisfy {
        $0.count == 26 && $0.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) }
      })
    #expect(
      ParticipantToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(ParticipantToken.hash("AB-C") == ParticipantToken.hash("abc"), "typed tokens are normalised")
  }
}

@Suite struct PassedModulesTests {
  @Test func passedParticipants_countsOnlyPassingCompletions_oncePerPerson() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    for (module, person, passed) in [
      ("m1", "a01", true), ("m1", "a01", true), ("m1", "a02", false), ("m2", "a03", true),
    ] {
      let completion = StoredCompletion(
        moduleID: module, moduleEdition: "", participant: person, score: passed ? 90 : 10, passed: passed)
      #expect(try await store.insert(completion, tokenHash: nil) == .notRequired)
    }
    let passed = try await store.passedParticipants(modules: ["m1", "m3"])
    #expect(passed == ["m1": ["a01"]])
    await store.close()
  }
}

/// What a reader of the SQLite file can see of an anonymous survey: every row of every table
/// with its `rowid` (insertion order). It must be the same whichever token sent which answer.
@Suite struct SQLiteAnonymousLinkTests {
  static func dump(_ store: SQLiteResponseStore) async throws -> [String] {
    try await store.pool.read { db in
      var lines: [String] = []
      let tables = try String.fetchAll(
        db,
        sql:
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name"
      )
      for table in tables {
        for row in try Row.fetchAll(db, sql: "SELECT rowid, * FROM \(table) ORDER BY rowid") {
          lines.append(table + " " + row.description)
        }
      }
      return lines
    }
  }

  @Test func theStoredTablesAreTheSameWhicheverTokenSentWhichAnswer() async throws {
    var dumps: [[String]] = []
    for holders in AnonymousStoreBehaviour.holderOrders {
      let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
      try await AnonymousStoreBehaviour.answerWithTokens(store, holders: holders)
      dumps.append(try await Self.dump(store))
      await store.close()
    }
    #expect(dumps[0] == dumps[1], "the file would tell which token sent which answer")
    // And the rows are there: the comparison is not of two empty databases.
    #expect(dumps[0].filter { $0.hasPrefix("responses ") }.count == 3)
    #expect(dumps[0].filter { $0.hasPrefix("anonymous_tokens ") }.count == 3)
    #expect(dumps[0].filter { $0.hasPrefix("anonymous_unused_tokens ") }.isEmpty, "all three used")
    #expect(dumps[0].filter { $0.hasPrefix("idempotency_keys ") }.count == 3)
    #expect(
      dumps[0].filter { $0.hasPrefix("responses ") }.allSatisfy { $0.contains("participant:NULL") },
      "\(dumps[0])")
  }
}
