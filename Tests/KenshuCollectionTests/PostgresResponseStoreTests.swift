import Foundation
import Testing

@testable import KenshuCollection

/// The same behaviour against a real PostgreSQL server, given as a URL in
/// `KENSHU_TEST_POSTGRES` (`.ci/run` starts one). Without it these tests are skipped, and
/// Swift Testing prints the reason.
@Suite(
  .serialized,
  .enabled(
    if: ProcessInfo.processInfo.environment["KENSHU_TEST_POSTGRES"] != nil,
    "KENSHU_TEST_POSTGRES is not set: PostgreSQL store tests SKIPPED (set it to postgres://… to run them)"))
struct PostgresResponseStoreTests {
  /// A store on an emptied database.
  func freshStore() async throws -> PostgresResponseStore {
    let url = ProcessInfo.processInfo.environment["KENSHU_TEST_POSTGRES"] ?? ""
    let configuration = try DatabaseLocation.postgresConfiguration(url)
    let old = try await PostgresResponseStore(configuration: configuration)
    try await old.dropAllForTesting()
    await old.close()
    return try await PostgresResponseStore(configuration: configuration)
  }

  @Test func roundTrip_storesEverythingVerbatim() async throws {
    let store = try await freshStore()
    try await StoreBehaviour.roundTrip(store)
    await store.close()
  }

  @Test func oneTimeTokens() async throws {
    let store = try await freshStore()
    try await StoreBehaviour.oneTimeTokens(store)
    await store.close()
  }

  @Test func tokenAlone_storesTheHoldersID() async throws {
    let store = try await freshStore()
    try await StoreBehaviour.tokenAloneNamesItsHolder(store)
    await store.close()
  }

  @Test func anonymousTokens_areUsedOnceAndStoreNobody() async throws {
    let store = try await freshStore()
    try await AnonymousStoreBehaviour.tokensAreUsedOnceAndStoreNobody(store)
    await store.close()
  }

  @Test func idempotencyKeys_areStoredWithTheirRecord() async throws {
    let store = try await freshStore()
    try await IdempotencyStoreBehaviour.keysAreStoredWithTheirRecord(store)
    await store.close()
  }

  @Test func idempotencyKeys_concurrentWritesStoreOneRecord() async throws {
    let store = try await freshStore()
    try await IdempotencyStoreBehaviour.concurrentWritesOfOneKeyStoreOneRecord(store)
    await store.close()
  }

  @Test func checkIn_tokensNameTheirHolderWithoutBeingUsed() async throws {
    let store = try await freshStore()
    try await CheckInStoreBehaviour.tokensNameTheirHolderWithoutBeingUsed(store)
    await store.close()
  }

  @Test func checkIn_keysOfOutsideEffectsAreStoredOnce() async throws {
    let store = try await freshStore()
    try await CheckInStoreBehaviour.keysOfOutsideEffectsAreStoredOnce(store)
    await store.close()
  }

  @Test func concurrentWriters() async throws {
    let store = try await freshStore()
    try await StoreBehaviour.concurrentWriters(store)
    await store.close()
  }

  @Test func reopening_runsNoMigrationTwice() async throws {
    let first = try await freshStore()
    _ = try await first.insert(StoreBehaviour.record(["q1": .number(3)]), tokenHash: nil)
    await first.close()
    let url = ProcessInfo.processInfo.environment["KENSHU_TEST_POSTGRES"] ?? ""
    let second = try await PostgresResponseStore(
      configuration: try DatabaseLocation.postgresConfiguration(url))
    #expect(try await second.counts().responses == ["day1-eval": 1])
    await second.close()
  }
}

/// What a reader of the PostgreSQL database can see of an anonymous survey: every row with its
/// physical position (`ctid`, insertion order), and each row version's transaction id
/// (`xmin`). The rows must be the same whichever token sent which answer, and no row that
/// tells of tokens may share a transaction id with a response.
/// (In the serialized suite above: the tests share one database.)
extension PostgresResponseStoreTests {
  static let anonymityTables = [
    "anonymous_tokens", "anonymous_unused_tokens", "completions", "idempotency_keys", "responses", "tokens",
  ]

  /// `table ctid row` lines, and the transaction ids of each table's rows.
  static func dump(_ store: PostgresResponseStore) async throws -> (
    rows: [String], xmins: [String: Set<String>]
  ) {
    var rows: [String] = []
    var xmins: [String: Set<String>] = [:]
    for table in anonymityTables {
      for (ctid, xmin, json) in try await store.textRowsForTesting(
        "SELECT ctid::text, xmin::text, row_to_json(t)::text FROM \(table) t ORDER BY ctid")
      {
        rows.append("\(table) \(ctid) \(json)")
        xmins[table, default: []].insert(xmin)
      }
    }
    return (rows, xmins)
  }

  @Test func theStoredTablesAreTheSameWhicheverTokenSentWhichAnswer() async throws {
    let url = ProcessInfo.processInfo.environment["KENSHU_TEST_POSTGRES"] ?? ""
    let configuration = try DatabaseLocation.postgresConfiguration(url)
    var dumps: [[String]] = []
    for holders in AnonymousStoreBehaviour.holderOrders {
      let old = try await PostgresResponseStore(configuration: configuration)
      try await old.dropAllForTesting()
      await old.close()
      let store = try await PostgresResponseStore(configuration: configuration)
      try await AnonymousStoreBehaviour.answerWithTokens(store, holders: holders)
      let (rows, xmins) = try await Self.dump(store)
      dumps.append(rows)
      let responses = xmins["responses"] ?? []
      #expect(responses.count == 3, "one transaction per answer")
      for table in ["anonymous_tokens", "anonymous_unused_tokens", "tokens"] {
        #expect(
          (xmins[table] ?? []).isDisjoint(with: responses),
          "a \(table) row was written in a response's transaction: xmin joins them")
      }
      await store.close()
    }
    #expect(dumps[0] == dumps[1], "the database would tell which token sent which answer")
    #expect(dumps[0].filter { $0.hasPrefix("responses ") }.count == 3)
    #expect(dumps[0].filter { $0.hasPrefix("anonymous_tokens ") }.count == 3)
    #expect(
      dumps[0].filter { $0.hasPrefix("responses ") }.allSatisfy { $0.contains("\"participant\":null") },
      "\(dumps[0])")
  }
}
