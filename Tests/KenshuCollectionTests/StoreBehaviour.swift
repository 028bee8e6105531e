import Foundation
import Testing

@testable import KenshuCollection

/// The behaviour every `ResponseStore` must have; run against SQLite always and PostgreSQL
/// when a server is available.
enum StoreBehaviour {
  static func record(
    _ answers: [String: JSONValue], participant: String? = "r0001", survey: String = "day1-eval"
  )
    -> StoredResponse
  {
    StoredResponse(
      surveyID: survey, surveyHash: "abc123",
      accepted: AcceptedAnswers(participant: participant, answers: answers))
  }

  /// Stored responses come back exactly as stored, oldest first, and are counted per survey.
  static func roundTrip(_ store: any ResponseStore) async throws {
    var sent: [StoredResponse] = []
    for (index, text) in TestSurvey.hostileTexts.enumerated() {
      var response = record(
        ["q1": .number(Double(index % 5 + 1)), "q5": .string(text)], participant: "r\(index)")
      response.receivedAt = "2026-11-23T10:00:0\(index).000Z"
      #expect(try await store.insert(response, tokenHash: nil) == .notRequired)
      sent.append(response)
    }
    #expect(
      try await store.insert(record(["q1": .number(1)], participant: nil, survey: "other"), tokenHash: nil)
        == .notRequired)
    let back = try await store.responses(surveyID: "day1-eval")
    #expect(back == sent)
    #expect(back.map { $0.answers["q5"] } == TestSurvey.hostileTexts.map { .string($0) }, "stored verbatim")
    let counts = try await store.counts()
    #expect(counts.responses == ["day1-eval": TestSurvey.hostileTexts.count, "other": 1])
    let completion = StoredCompletion(
      moduleID: "acp-basics", moduleEdition: "2", participant: "r1", score: 85, passed: true)
    #expect(try await store.insert(completion, tokenHash: nil) == .notRequired)
    #expect(try await store.completions(moduleID: "acp-basics") == [completion])
    #expect(try await store.counts().completions == ["acp-basics": 1])
  }

  /// With tokens, a survey accepts each token once, for its own participant, and stores
  /// nothing otherwise.
  static func oneTimeTokens(_ store: any ResponseStore) async throws {
    let token = ParticipantToken.generate()
    let other = ParticipantToken.generate()
    let added = try await store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash(token)),
      TokenRecord(scope: "day1-eval", participant: "r0002", tokenHash: ParticipantToken.hash(other)),
    ])
    #expect(added.sorted() == ["r0001", "r0002"])
    let answer = record(["q1": .number(5)])
    #expect(try await store.insert(answer, tokenHash: nil) == .missing)
    #expect(try await store.insert(answer, tokenHash: ParticipantToken.hash("wrong")) == .invalid)
    #expect(
      try await store.insert(answer, tokenHash: ParticipantToken.hash(other)) == .invalid,
      "someone else's token")
    #expect(try await store.responses(surveyID: "day1-eval").isEmpty, "nothing stored on refusal")
    #expect(try await store.insert(answer, tokenHash: ParticipantToken.hash(token.uppercased())) == .accepted)
    #expect(
      try await store.insert(record(["q1": .number(1)]), tokenHash: ParticipantToken.hash(token)) == .used)
    #expect(try await store.responses(surveyID: "day1-eval").count == 1)
    // Other surveys are not affected by day1-eval's tokens.
    #expect(
      try await store.insert(record(["q1": .number(1)], survey: "day2-eval"), tokenHash: nil) == .notRequired)
    // Reissuing replaces unused tokens but keeps a used one.
    let reissued = try await store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash("new-1")),
      TokenRecord(scope: "day1-eval", participant: "r0002", tokenHash: ParticipantToken.hash("new-2")),
    ])
    #expect(reissued == ["r0002"])
    var second = record(["q1": .number(2)], participant: "r0002")
    second.id = RecordID.make()
    #expect(
      try await store.insert(second, tokenHash: ParticipantToken.hash(other)) == .invalid,
      "old token replaced")
    #expect(try await store.insert(second, tokenHash: ParticipantToken.hash("new-2")) == .accepted)
  }

  /// The token alone is enough (the slip's link carries no participant id): the response is
  /// stored with the token holder's id; a participant id sent with it must be the holder's.
  static func tokenAloneNamesItsHolder(_ store: any ResponseStore) async throws {
    let token = ParticipantToken.generate()
    let other = ParticipantToken.generate()
    _ = try await store.addTokens([
      TokenRecord(scope: "day1-eval", participant: "r0001", tokenHash: ParticipantToken.hash(token)),
      TokenRecord(scope: "day1-eval", participant: "r0002", tokenHash: ParticipantToken.hash(other)),
    ])
    let alone = record(["q1": .number(5)], participant: nil)
    #expect(try await store.insert(alone, tokenHash: nil) == .missing)
    #expect(try await store.insert(alone, tokenHash: ParticipantToken.hash("wrong")) == .invalid)
    #expect(try await store.insert(alone, tokenHash: ParticipantToken.hash(token)) == .accepted)
    #expect(try await store.responses(surveyID: "day1-eval").map(\.participant) == ["r0001"])
    var again = record(["q1": .number(4)], participant: nil)
    again.id = RecordID.make()
    #expect(try await store.insert(again, tokenHash: ParticipantToken.hash(token)) == .used, "still one-time")
    #expect(
      try await store.insert(
        record(["q1": .number(4)], participant: "r0001"), tokenHash: ParticipantToken.hash(other))
        == .invalid, "another person's token with one's own id")
    #expect(try await store.responses(surveyID: "day1-eval").count == 1)
  }

  /// Many concurrent writers: every insert that returned is stored, and one token admits one
  /// response even when it is used concurrently.
  static func concurrentWriters(_ store: any ResponseStore) async throws {
    let ids = try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0..<300 {
        group.addTask {
          let response = record(
            ["q1": .number(Double(index % 5 + 1))], participant: "c\(index)", survey: "load")
          let check = try await store.insert(response, tokenHash: nil)
          return check == .notRequired ? response.id : "refused"
        }
      }
      return try await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(Set(try await store.responses(surveyID: "load").map(\.id)) == ids)

    let token = ParticipantToken.generate()
    _ = try await store.addTokens([
      TokenRecord(scope: "once", participant: "r0001", tokenHash: ParticipantToken.hash(token))
    ])
    let results = try await withThrowingTaskGroup(of: TokenCheck.self) { group in
      for _ in 0..<8 {
        group.addTask {
          try await store.insert(
            record(["q1": .number(4)], survey: "once"), tokenHash: ParticipantToken.hash(token))
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.filter { $0 == .accepted }.count == 1)
    #expect(results.filter { $0 == .used }.count == 7)
    #expect(try await store.responses(surveyID: "once").count == 1)
  }
}
