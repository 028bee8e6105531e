import Foundation
import KenshuEvaluation
import Testing

@testable import KenshuCollection

/// `responses export` guards formula-like answers with an apostrophe for Excel; `evaluate`
/// reads the file back as the text the participants typed, without the apostrophe.
@Suite struct ExportEvaluateFormulaGuardTests {
  static let answers = ["-特になし", "=1+1", "@全員", "+α", "'=既に引用符", "'-5", "-5"]

  @Test func exportedCSV_guardsFormulaText_andEvaluateReadsItBackVerbatim() throws {
    let validator = SubmissionValidator(survey: TestSurvey.survey)
    let responses = try Self.answers.enumerated().map { index, text in
      let accepted = try validator.validate(
        SurveySubmission(participant: "r\(index)", answers: ["q1": .number(3), "q5": .string(text)])
      ).get()
      return StoredResponse(
        surveyID: "day1-eval", surveyHash: SurveyFingerprint.of(TestSurvey.survey), accepted: accepted)
    }
    let data = ResponseExport.csv(responses, survey: TestSurvey.survey)
    let csv = String(decoding: data, as: UTF8.self)
    // The file still protects Excel users…
    #expect(csv.contains("\r\nr0,3,,,,'-特になし,"))
    #expect(csv.contains("\r\nr1,3,,,,'=1+1,"))
    #expect(csv.contains("\r\nr4,3,,,,''=既に引用符,"))
    #expect(csv.contains("\r\nr5,3,,,,'-5,"))
    // …and evaluate sees exactly what was typed.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-export-guard-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try data.write(to: file)
    let (report, diagnostics) = evaluate(survey: TestSurvey.survey, responseFiles: [file])
    #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics.map(\.formatted))")
    #expect(report.responses.files.first?.used == Self.answers.count)
    var set = ResponseSet(survey: TestSurvey.survey)
    let (table, _) = try ResponseTable.read(contentsOf: file)
    _ = set.add(table)
    #expect(set.answers[4] == Self.answers.map { .text($0) })
  }
}
