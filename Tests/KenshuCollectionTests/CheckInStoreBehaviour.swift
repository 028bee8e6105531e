import Foundation
import Testing

@testable import KenshuCollection

/// What reception's check-in needs from every store: a slip's token names its holder without
/// being used up (anonymous surveys' tokens name nobody), and a key can be stored for an effect
/// kept outside the store. Run against SQLite always and PostgreSQL when a server is available.
enum CheckInStoreBehaviour {
  static func tokensNameTheirHolderWithoutBeingUsed(_ store: any ResponseStore) async throws {
    let survey = ParticipantToken.generate()
    let module = ParticipantToken.generate()
    let anonymous = ParticipantToken.generate()
    _ = try await store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash(survey)),
      TokenRecord(scope: "module:acp-basics", participant: "r0002", tokenHash: ParticipantToken.hash(module)),
    ])
    _ = try await store.addTokens([
      TokenRecord(
        scope: "anon-eval", participant: "r0003", tokenHash: ParticipantToken.hash(anonymous), anonymous: true
      )
    ])
    #expect(try await store.participant(holdingToken: ParticipantToken.hash(survey)) == "r0001")
    #expect(
      try await store.participant(
        holdingToken: ParticipantToken.hash(TokenSlips.grouped(survey.uppercased())))
        == "r0001", "typed from the slip")
    #expect(try await store.participant(holdingToken: ParticipantToken.hash(module)) == "r0002")
    #expect(try await store.participant(holdingToken: ParticipantToken.hash(anonymous)) == nil)
    #expect(try await store.participant(holdingToken: ParticipantToken.hash("wrong")) == nil)
    // Looking it up used nothing: the survey still takes the token once.
    let answer = StoreBehaviour.record(["q1": .number(5)], participant: nil)
    #expect(try await store.insert(answer, tokenHash: ParticipantToken.hash(survey)) == .accepted)
    #expect(
      try await store.participant(holdingToken: ParticipantToken.hash(survey)) == "r0001", "used, still known"
    )
  }

  static func keysOfOutsideEffectsAreStoredOnce(_ store: any ResponseStore) async throws {
    let first = IdempotencyStoreBehaviour.key("k-1", scope: "checkin", recordID: "day/r0001")
    #expect(try await store.insert(first) == nil)
    #expect(try await store.idempotencyRecord(scope: "checkin", key: "k-1") == first)
    let second = IdempotencyStoreBehaviour.key(
      "k-1", scope: "checkin", recordID: "day/r0002", fingerprint: "f2")
    #expect(try await store.insert(second) == first, "the first one stays")
    #expect(try await store.idempotencyRecord(scope: "checkin", key: "k-1") == first)
  }
}
