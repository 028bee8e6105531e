import Foundation
import KenshuModel
import Testing

@testable import KenshuCollection

/// The collector's side of `anonymous="true"`: no participant id, the day only, and an
/// idempotency fingerprint that cannot be recomputed from the token list.
@Suite struct AnonymousCollectorTests {
  static let survey: Survey = {
    var survey = TestSurvey.survey
    survey.id = "anon-eval"
    survey.anonymous = true
    return survey
  }()

  @Test func aResponseIsStoredWithoutItsParticipant_andWithItsDayOnly() async throws {
    let store = try SQLiteResponseStore(path: TestSurvey.temporaryDatabase())
    let collector = ResponseCollector(catalog: CollectionCatalog(surveys: [Self.survey]), store: store)
    _ = try await store.addTokens([
      TokenRecord(
        scope: "anon-eval", participant: "r1", tokenHash: ParticipantToken.hash("tok-1"), anonymous: true),
      TokenRecord(
        scope: "anon-eval", participant: "r2", tokenHash: ParticipantToken.hash("tok-2"), anonymous: true),
    ])
    let submission = SurveySubmission(participant: "r1", token: "tok-1", answers: ["q1": .number(4)])
    let body = Data(#"{"participant":"r1","token":"tok-1","answers":{"q1":4}}"#.utf8)
    let key = IdempotencyRequest(key: "k-1", fingerprint: IdempotencyRequest.fingerprint(of: body))
    guard
      case .stored(let id) = await collector.submitResponse(
        surveyID: "anon-eval", submission, idempotency: key)
    else {
      Issue.record("not stored")
      return
    }
    let stored = try await store.responses(surveyID: "anon-eval")
    #expect(stored.map(\.id) == [id])
    #expect(stored.first?.participant == nil, "the id sent is not stored")
    #expect(stored.first?.receivedAt.hasSuffix("T15:00:00.000Z") == true, "midnight in Japan: the day only")
    let record = try #require(try await store.idempotencyRecord(scope: "anon-eval", key: "k-1"))
    #expect(record.createdAt == stored.first?.receivedAt, "the key's time is the day too")
    #expect(record.fingerprint != key.fingerprint, "not the body's hash: the body holds the token")
    // The same answers under the same key replay, whatever the token; other answers are 422.
    let otherToken = SurveySubmission(token: "tok-2", answers: ["q1": .number(4)])
    #expect(
      await collector.submitResponse(surveyID: "anon-eval", otherToken, idempotency: key)
        == .replayed(status: 201, body: CollectOutcome.storedBody(id: id)))
    let otherAnswers = SurveySubmission(token: "tok-1", answers: ["q1": .number(2)])
    #expect(
      await collector.submitResponse(surveyID: "anon-eval", otherAnswers, idempotency: key)
        == .idempotencyKeyReused)
    #expect(
      await collector.submitResponse(surveyID: "anon-eval", otherAnswers)
        == .tokenRefused(.used), "still one-time")
    #expect(try await store.responses(surveyID: "anon-eval").count == 1)
    await store.close()
  }

  @Test func theDayIsJapansDay() {
    // 2026-12-04 08:59 JST (2026-12-03 23:59 UTC) and 23:59 JST are both Japan's 4 December;
    // 2026-12-05 00:00 JST (2026-12-04 15:00 UTC) is the next day.
    #expect(
      AnonymousResponse.day(of: Date(timeIntervalSince1970: 1_796_342_340)) == "2026-12-03T15:00:00.000Z")
    #expect(
      AnonymousResponse.day(of: Date(timeIntervalSince1970: 1_796_396_340)) == "2026-12-03T15:00:00.000Z")
    #expect(
      AnonymousResponse.day(of: Date(timeIntervalSince1970: 1_796_396_400)) == "2026-12-04T15:00:00.000Z")
  }
}
