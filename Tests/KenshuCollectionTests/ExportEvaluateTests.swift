import Foundation
import KenshuEvaluation
import Testing

@testable import KenshuCollection

@Suite struct ExportEvaluateTests {
  /// Responses as collected through the validator.
  func collected() throws -> [StoredResponse] {
    let validator = SubmissionValidator(survey: TestSurvey.survey)
    let submissions: [[String: JSONValue]] = [
      [
        "q1": .number(5), "q2": .string("会場"), "q3": .array([.string("講義"), .string("事例")]), "q4": .number(3),
        "q5": .string(TestSurvey.hostileTexts[2]), "q6.before": .number(2), "q6.now": .number(4),
        "q7": .string("看護師"), "q8": .string("病院"),
      ],
      [
        "q1": .number(4), "q2": .string("オンライン"), "q3": .array([.string("グループワーク")]), "q4": .number(12.5),
        "q5": .string(TestSurvey.hostileTexts[4]), "q6.before": .number(1), "q6.now": .number(3),
        "q7": .string("doctor"), "q8": .string("訪問看護ステーション"),
      ],
      ["q1": .number(2)],
    ]
    return try submissions.enumerated().map { index, answers in
      let accepted = try validator.validate(
        SurveySubmission(participant: "r000\(index + 1)", answers: answers)
      ).get()
      return StoredResponse(
        surveyID: "day1-eval", surveyHash: SurveyFingerprint.of(TestSurvey.survey), accepted: accepted)
    }
  }

  @Test func exportedCSV_isReadByEvaluateWithoutAProblem() throws {
    let responses = try collected()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-export-\(UUID().uuidString).csv")
    try ResponseExport.csv(responses, survey: TestSurvey.survey).write(to: file)
    let (report, diagnostics) = evaluate(survey: TestSurvey.survey, responseFiles: [file])
    #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics.map(\.formatted))")
    let account = try #require(report.responses.files.first)
    #expect(
      account.format == "kenshu" && account.read == 3 && account.used == 3 && account.excludedValues == 0)

    var set = ResponseSet(survey: TestSurvey.survey)
    let (table, _) = try ResponseTable.read(contentsOf: file)
    _ = set.add(table)
    #expect(set.participants == ["r0001", "r0002", "r0003"])
    #expect(set.answers[0] == [.point(5), .point(4), .point(2)])
    #expect(set.answers[1] == [.option(0), .option(1), nil])
    #expect(set.answers[2] == [.options([0, 2], other: nil), .options([1], other: nil), nil])
    #expect(set.answers[3] == [.number(3), .number(12.5), nil])
    // The CSV reader normalises line breaks inside a cell (CR LF → LF); everything else is verbatim.
    let crlfNormalised = TestSurvey.hostileTexts[4].replacingOccurrences(of: "\r\n", with: "\n")
    #expect(set.answers[4] == [.text(TestSurvey.hostileTexts[2]), .text(crlfNormalised), nil])
    #expect(set.answers[5] == [.point(4), .point(3), nil])
    #expect(set.before[5] == [2, 1, nil])
    #expect(set.answers[7] == [.option(0), .other("訪問看護ステーション"), nil])
  }

  @Test func exportedCSV_hasKenshusHeader() throws {
    let text = String(decoding: ResponseExport.csv([], survey: TestSurvey.survey), as: UTF8.self)
    #expect(text == "\u{FEFF}participant,q1,q2,q3,q4,q5,q6.before,q6.now,q7,q8\r\n")
  }

  @Test func exportedJSON_keepsIdsTimesAndAnswers() throws {
    let responses = try collected()
    let data = try ResponseExport.json(responses)
    let back = try JSONDecoder().decode([[String: JSONValue]].self, from: data)
    #expect(back.count == 3)
    #expect(back[0]["id"] == .string(responses[0].id))
    #expect(back[2]["answers"] == .object(["q1": .number(2)]))
    #expect(back[0]["participant"] == .string("r0001"))
  }

  @Test func answersToRemovedItems_areCounted() throws {
    var old = try collected()[2]
    old.answersJSON = #"{"q1":2,"q0":1}"#
    #expect(ResponseExport.droppedAnswers([old], survey: TestSurvey.survey) == 1)
  }
}
