import Foundation
import Testing

@testable import KenshuCollection

/// What every store does with idempotency keys: the key is stored with its record in one
/// transaction, a stored key stores nothing more, and concurrent writes of one key store one
/// record. Run against SQLite always and PostgreSQL when a server is available.
enum IdempotencyStoreBehaviour {
  static func key(_ key: String, scope: String = "day1-eval", recordID: String, fingerprint: String = "f1")
    -> IdempotencyRecord
  {
    IdempotencyRecord(
      scope: scope, key: key, fingerprint: fingerprint, status: 201,
      body: CollectOutcome.storedBody(id: recordID), recordID: recordID, createdAt: "2026-12-03T10:00:00.000Z"
    )
  }

  static func keysAreStoredWithTheirRecord(_ store: any ResponseStore) async throws {
    let first = StoreBehaviour.record(["q1": .number(3)])
    let stored = key("k-1", recordID: first.id)
    #expect(try await store.insert(first, tokenHash: nil, idempotency: stored) == .checked(.notRequired))
    #expect(try await store.idempotencyRecord(scope: "day1-eval", key: "k-1") == stored)
    #expect(try await store.idempotencyRecord(scope: "other", key: "k-1") == nil, "keys are per survey")
    // A repeat (a new record id, as the collector would make) stores nothing.
    let repeatRecord = StoreBehaviour.record(["q1": .number(3)])
    #expect(
      try await store.insert(repeatRecord, tokenHash: nil, idempotency: key("k-1", recordID: repeatRecord.id))
        == .keyExists(stored))
    #expect(try await store.responses(surveyID: "day1-eval").map(\.id) == [first.id])

    // Completions: scope `module:ID`.
    let completion = StoredCompletion(
      moduleID: "acp-basics", moduleEdition: "2", participant: "r1", score: 85, passed: true)
    let completionKey = key("k-1", scope: "module:acp-basics", recordID: completion.id)
    #expect(
      try await store.insert(completion, tokenHash: nil, idempotency: completionKey) == .checked(.notRequired)
    )
    let again = StoredCompletion(
      moduleID: "acp-basics", moduleEdition: "2", participant: "r1", score: 85, passed: true)
    #expect(
      try await store.insert(
        again, tokenHash: nil, idempotency: key("k-1", scope: "module:acp-basics", recordID: again.id))
        == .keyExists(completionKey))
    #expect(try await store.completions(moduleID: "acp-basics").count == 1)

    // A write refused for its token keeps no key: the participant may retry with the right one.
    let added = try await store.addTokens([
      TokenRecord(scope: "tokened", participant: "r0001", tokenHash: ParticipantToken.hash("right"))
    ])
    #expect(added == ["r0001"])
    let refused = StoreBehaviour.record(["q1": .number(1)], survey: "tokened")
    #expect(
      try await store.insert(
        refused, tokenHash: ParticipantToken.hash("wrong"),
        idempotency: key("k-2", scope: "tokened", recordID: refused.id))
        == .checked(.invalid))
    #expect(try await store.idempotencyRecord(scope: "tokened", key: "k-2") == nil)
    #expect(
      try await store.insert(
        refused, tokenHash: ParticipantToken.hash("right"),
        idempotency: key("k-2", scope: "tokened", recordID: refused.id))
        == .checked(.accepted))
    #expect(try await store.idempotencyRecord(scope: "tokened", key: "k-2")?.recordID == refused.id)
  }

  /// Many simultaneous writes of one key: exactly one stores a record, every other one is told
  /// the key exists (with the winner's response).
  static func concurrentWritesOfOneKeyStoreOneRecord(_ store: any ResponseStore) async throws {
    let writes = 24
    let results = try await withThrowingTaskGroup(of: StoreWrite.self) { group in
      for _ in 0..<writes {
        group.addTask {
          let record = StoreBehaviour.record(["q1": .number(2)])
          return try await store.insert(record, tokenHash: nil, idempotency: key("same", recordID: record.id))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let winners = results.filter { $0 == .checked(.notRequired) }
    #expect(winners.count == 1)
    let stored = try await store.responses(surveyID: "day1-eval")
    #expect(stored.count == 1)
    let expected = try #require(stored.first).id
    #expect(
      results.allSatisfy {
        if case .keyExists(let record) = $0 { return record.recordID == expected }
        return $0 == .checked(.notRequired)
      })
  }
}
