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

  @Test func concurrentUseOfOneToken_acceptsExactlyOne() async throws {
    let store = try await freshStore()
    let token = ParticipantToken.generate()
    _ = try await store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash(token))
    ])
    let results = try await withThrowingTaskGroup(of: TokenCheck.self) { group in
      for _ in 0..<8 {
        group.addTask {
          try await store.insert(
            StoreBehaviour.record(["q1": .number(4)]), tokenHash: ParticipantToken.hash(token))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.filter { $0 == .accepted }.count == 1)
    #expect(results.filter { $0 == .used }.count == 7)
    #expect(try await store.responses(surveyID: "day1-eval").count == 1)
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
