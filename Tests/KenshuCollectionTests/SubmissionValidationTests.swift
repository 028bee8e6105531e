import Foundation
import KenshuModel
import Testing

@testable import KenshuCollection

@Suite struct SubmissionValidationTests {
  let validator = SubmissionValidator(survey: TestSurvey.survey)

  func problems(_ answers: [String: JSONValue], participant: String? = "r0001") -> [SubmissionProblem] {
    switch validator.validate(SurveySubmission(participant: participant, answers: answers)) {
    case .accepted: []
    case .rejected(let problems): problems
    }
  }

  func codes(_ answers: [String: JSONValue], participant: String? = "r0001") -> [SubmissionProblem.Code] {
    problems(answers, participant: participant).map(\.code)
  }

  @Test func acceptsEveryItemType_inCanonicalForm() throws {
    let submission = SurveySubmission(
      participant: "  r0001 ",
      answers: [
        "q1": .number(4), "q2": .string("オンライン"), "q3": .array([.string("事例"), .string("講義")]),
        "q4": .number(12.5), "q5": .string("とても\n良かった"), "q6.before": .string("あまり自信がない"),
        "q6.now": .number(4), "q7": .string("nurse"), "q8": .string("訪問看護ステーション"),
      ])
    let accepted = try validator.validate(submission).get()
    #expect(accepted.participant == "r0001")
    #expect(accepted.answers["q1"] == .number(4))
    #expect(accepted.answers["q3"] == .array([.string("事例"), .string("講義")]))
    #expect(accepted.answers["q6.before"] == .number(2), "a scale label becomes its point")
    #expect(accepted.answers["q6.now"] == .number(4))
    #expect(
      accepted.answers["q7"] == .string(Profession.nurse.japaneseLabel), "professions are stored as labels")
    #expect(accepted.answers["q8"] == .string("訪問看護ステーション"), "other text where the item allows it")
  }

  @Test func emptyValues_countAsNoAnswer() throws {
    let accepted = try validator.validate(
      SurveySubmission(answers: ["q1": .number(3), "q2": .null, "q3": .array([]), "q5": .string("")])
    ).get()
    #expect(accepted.answers.keys.sorted() == ["q1"])
    #expect(accepted.participant == nil, "anonymous surveys need no participant")
  }

  @Test func retrospectiveBareID_answersNow() throws {
    let accepted = try validator.validate(SurveySubmission(answers: ["q1": .number(1), "q6": .number(5)]))
      .get()
    #expect(accepted.answers["q6.now"] == .number(5))
  }

  @Test func unknownItem() {
    #expect(codes(["q1": .number(1), "q99": .number(1)]) == [.unknownItem])
    #expect(
      codes(["q1": .number(1), "q1.before": .number(1)]) == [.unknownItem],
      "only retrospective items have .before")
  }

  @Test func wrongType() {
    #expect(codes(["q1": .string("x"), "q4": .string("12")]).contains(.wrongType))
    #expect(codes(["q1": .bool(true)]) == [.wrongType])
    #expect(codes(["q1": .number(2.5)]) == [.wrongType])
    #expect(codes(["q1": .number(1), "q2": .number(1)]) == [.wrongType])
    #expect(codes(["q1": .number(1), "q3": .string("講義")]) == [.wrongType])
    #expect(codes(["q1": .number(1), "q3": .array([.number(1)])]) == [.wrongType])
    #expect(codes(["q1": .number(1), "q5": .object([:])]) == [.wrongType])
    #expect(
      codes(["q1": .number(1), "q6": .number(2), "q6.now": .number(3)]) == [.wrongType], "answered twice")
  }

  @Test func outOfRange() {
    #expect(codes(["q1": .number(0)]) == [.outOfRange])
    #expect(codes(["q1": .number(6)]) == [.outOfRange])
    #expect(codes(["q1": .string("9")]) == [.outOfRange])
    #expect(codes(["q1": .number(1), "q4": .number(-1)]) == [.outOfRange])
    #expect(codes(["q1": .number(1), "q4": .number(61)]) == [.outOfRange])
  }

  @Test func unknownOption() {
    #expect(codes(["q1": .string("最高")]) == [.unknownOption])
    #expect(codes(["q1": .number(1), "q2": .string("自宅")]) == [.unknownOption])
    #expect(codes(["q1": .number(1), "q3": .array([.string("講義"), .string("昼食")])]) == [.unknownOption])
    #expect(codes(["q1": .number(1), "q7": .string("宇宙飛行士")]) == [.unknownOption])
  }

  @Test func duplicateOption() {
    #expect(codes(["q1": .number(1), "q3": .array([.string("講義"), .string("講義")])]) == [.duplicateOption])
  }

  @Test func tooLong() {
    #expect(codes(["q1": .number(1), "q5": .string(String(repeating: "あ", count: 201))]) == [.tooLong])
    #expect(codes(["q1": .number(1), "q5": .string(String(repeating: "あ", count: 200))]).isEmpty)
    #expect(
      codes(["q1": .number(1), "q8": .string(String(repeating: "x", count: 5000))]) == [.tooLong],
      "other texts are bounded by the server's limit")
  }

  @Test func invalidCharacter() {
    #expect(codes(["q1": .number(1), "q5": .string("a\u{0}b")]) == [.invalidCharacter])
    #expect(codes(["q1": .number(1), "q8": .string("改行\nは不可")]) == [.invalidCharacter])
    #expect(codes(["q1": .number(1), "q5": .string("改行\nは可")]).isEmpty, "free text keeps line breaks")
  }

  @Test func requiredMissing() {
    #expect(codes(["q2": .string("会場")]) == [.requiredMissing])
    #expect(problems(["q2": .string("会場")]).first?.item == "q1")
  }

  @Test func invalidParticipant() {
    #expect(codes(["q1": .number(1)], participant: "  ") == [.invalidParticipant])
    #expect(
      codes(["q1": .number(1)], participant: String(repeating: "x", count: 65)) == [.invalidParticipant])
    #expect(codes(["q1": .number(1)], participant: "r\u{7}1") == [.invalidParticipant])
  }

  @Test func collectsEveryProblem_andNeverEchoesValues() {
    let found = problems(["q1": .number(9), "q2": .string("秘密の値"), "q9": .number(1)])
    #expect(Set(found.map(\.code)) == [.outOfRange, .unknownOption, .unknownItem])
    #expect(!found.contains { $0.message.contains("秘密の値") })
  }

  @Test func everyCodeIsSpecified() {
    // This suite has a test named after each code; a new code needs one too.
    #expect(SubmissionProblem.Code.allCases.count == 9)
  }

  @Test func completion_scoreAndPassMark() throws {
    let validator = CompletionValidator(module: TestSurvey.module)
    let passed = try validator.validate(CompletionSubmission(participant: "r0001", score: .number(85))).get()
    #expect(passed.passed && passed.score == 85 && passed.moduleID == "acp-basics")
    let failed = try validator.validate(CompletionSubmission(participant: "r0001", score: .number(79.5)))
      .get()
    #expect(!failed.passed)
    func codes(_ submission: CompletionSubmission) -> [SubmissionProblem.Code] {
      if case .rejected(let problems) = validator.validate(submission) { return problems.map(\.code) }
      return []
    }
    #expect(codes(CompletionSubmission(participant: "r0001", score: .number(101))) == [.outOfRange])
    #expect(codes(CompletionSubmission(participant: "r0001", score: .string("80"))) == [.wrongType])
    #expect(codes(CompletionSubmission(participant: "r0001")) == [.requiredMissing])
    #expect(codes(CompletionSubmission(score: .number(80))) == [.requiredMissing])
  }
}

@Suite struct HostileBodyTests {
  @Test func deeplyNestedJSON_isRefusedWithoutCrashing() {
    let depth = 30_000
    let text =
      #"{"answers":{"q1":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      + "}}"
    #expect(throws: (any Error).self) {
      try JSONDecoder().decode(SurveySubmission.self, from: Data(text.utf8))
    }
  }
}
