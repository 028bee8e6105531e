import Foundation
import Testing

@testable import KenshuCollection

/// Anonymous surveys (`anonymous="true"`): a token is used once, and nothing stored links a
/// used token to the response it sent (docs/privacy.md). Run against SQLite and PostgreSQL.
enum AnonymousStoreBehaviour {
  static func anonymousRecord(_ answers: [String: JSONValue], id: String = RecordID.make()) -> StoredResponse
  {
    StoredResponse(
      id: id, surveyID: "anon-eval", surveyHash: "abc123", participant: nil,
      answersJSON: AnswerJSON.encode(answers), receivedAt: "2026-12-03T15:00:00.000Z")
  }

  static func tokens(_ participants: [String]) -> [TokenRecord] {
    participants.map {
      TokenRecord(
        scope: "anon-eval", participant: $0, tokenHash: ParticipantToken.hash("token-of-" + $0),
        anonymous: true)
    }
  }

  static func tokensAreUsedOnceAndStoreNobody(_ store: any ResponseStore) async throws {
    #expect(try await store.addTokens(tokens(["r1", "r2"])).sorted() == ["r1", "r2"])
    let answer = anonymousRecord(["q1": .number(5)])
    #expect(
      try await store.insert(answer, tokenHash: nil, idempotency: nil, anonymous: true) == .checked(.missing))
    #expect(
      try await store.insert(
        answer, tokenHash: ParticipantToken.hash("nope"), idempotency: nil, anonymous: true)
        == .checked(.invalid))
    #expect(
      try await store.insert(
        answer, tokenHash: ParticipantToken.hash("token-of-r1"), idempotency: nil, anonymous: true)
        == .checked(.accepted))
    #expect(
      try await store.insert(
        anonymousRecord(["q1": .number(1)]), tokenHash: ParticipantToken.hash("TOKEN-OF-R1"),
        idempotency: nil,
        anonymous: true) == .checked(.used), "one-time")
    let stored = try await store.responses(surveyID: "anon-eval")
    #expect(stored.map(\.participant) == [nil], "stored with nobody's id")
    // Reissuing replaces r2's unused token and keeps r1's used one.
    #expect(try await store.addTokens(tokens(["r1", "r2"])) == ["r2"])
    #expect(
      try await store.insert(
        anonymousRecord(["q1": .number(2)]), tokenHash: ParticipantToken.hash("token-of-r2"),
        idempotency: nil,
        anonymous: true) == .checked(.accepted))
    // The kinds never mix: they would link some answers to their people.
    await #expect(throws: MixedTokenKinds(scope: "anon-eval", existingAreAnonymous: true)) {
      _ = try await store.addTokens([TokenRecord(scope: "anon-eval", participant: "r3", tokenHash: "x")])
    }
    _ = try await store.addTokens([TokenRecord(scope: "named", participant: "r1", tokenHash: "h")])
    await #expect(throws: StoreError.self, "a survey made anonymous after its named tokens were issued") {
      _ = try await store.insert(
        StoredResponse(
          id: RecordID.make(), surveyID: "named", surveyHash: "", participant: nil, answersJSON: "{}",
          receivedAt: "2026-12-03T15:00:00.000Z"), tokenHash: "h", idempotency: nil, anonymous: true)
    }
    #expect(try await store.responses(surveyID: "named").isEmpty)
  }

  /// Three people answer an anonymous survey with their tokens, in the same order and with
  /// the same answers; `holders[i]` is whose token sent the i-th answer. Every id, key and
  /// time is fixed, so two runs differ only in which token sent which answer.
  static func answerWithTokens(_ store: any ResponseStore, holders: [String]) async throws {
    _ = try await store.addTokens(tokens(["r1", "r2", "r3"]))
    let answers: [[String: JSONValue]] = [
      ["q1": .number(5), "q5": .string("とても良かった")], ["q1": .number(2)],
      ["q1": .number(4), "q2": .string("会場")],
    ]
    for (index, holder) in holders.enumerated() {
      let response = anonymousRecord(answers[index], id: "response-\(index)")
      let key = IdempotencyRecord(
        scope: "anon-eval", key: "key-\(index)", fingerprint: "answers-\(index)", status: 201,
        body: CollectOutcome.storedBody(id: response.id), recordID: response.id,
        createdAt: "2026-12-03T15:00:00.000Z")
      #expect(
        try await store.insert(
          response, tokenHash: ParticipantToken.hash("token-of-" + holder), idempotency: key, anonymous: true)
          == .checked(.accepted))
    }
  }

  /// The holders of the tokens, in two different orders: r1 answered first in one run, last
  /// in the other.
  static let holderOrders = [["r1", "r2", "r3"], ["r3", "r1", "r2"]]
}
