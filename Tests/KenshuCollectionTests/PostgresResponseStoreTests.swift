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
