import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// The report follows the survey's `xml:lang`: an English survey gets an English page
/// (`lang="en"`, English headings, captions, cautions and the "Other" row); a Japanese survey
/// keeps the Japanese page. The JSON field names do not change with the language.
@Suite struct ReportLanguageTests {
  static let english = Survey(
    id: "handover-eval", language: "en", title: "Handover workshop evaluation",
    measures: [Measure(id: "m", title: "Confidence")],
    items: [
      SurveyItem(
        id: "q1", type: .likert, text: "The workshop was useful", scale: "agree5", measure: "m",
        level: .reaction),
      SurveyItem(
        id: "q2", type: .single, text: "Most useful part",
        options: [SurveyOption(label: "Handover"), SurveyOption(label: "Roles")], level: .reaction),
      SurveyItem(
        id: "q3", type: .single, text: "What would you add",
        options: [SurveyOption(label: "Handover"), SurveyOption(label: "Roles")], allowOther: true),
      SurveyItem(id: "q4", type: .text, text: "Comments"),
    ])

  func report(_ survey: Survey) throws -> EvaluationReport {
    let (report, diagnostics) = evaluate(
      survey: survey, responseFiles: [try fixtureURL("english-eval", "csv")], by: "q2", minCell: 1)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.formatted))")
    return report
  }

  @Test func test_englishSurvey_reportIsInEnglish() throws {
    let report = try report(Self.english)
    let html = report.html()
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<h2>Overview</h2>"))
    #expect(html.contains("<h2>Results by evaluation level</h2>"))
    #expect(html.contains("<h2>Breakdowns</h2>"))
    #expect(html.contains("<th scope=\"row\">Other</th>"))
    #expect(html.contains("Answers written under \"Other\""))
    #expect(html.contains("Cronbach's alpha"))
    #expect(html.contains("<strong>Caution</strong>"))
    #expect(html.contains("english-eval.csv:8 — no answers"))
    // The built-in scale is worded in English, so English answers are counted.
    let q1 = try #require(report.items.first { $0.id == "q1" })
    #expect(q1.n == 6 && q1.counts.map(\.label).last == "Agree")
    // No Japanese in the page around the survey's own (English) text.
    let japanese = html.unicodeScalars.filter {
      (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
    #expect(
      japanese.isEmpty, "Japanese left in the English report: \(String(String.UnicodeScalarView(japanese)))")
  }

  @Test func test_japaneseSurvey_keepsTheJapanesePage() throws {
    var japanese = Self.english
    japanese.language = "ja"
    let html = try report(japanese).html()
    #expect(html.contains("<html lang=\"ja\">"))
    #expect(html.contains("<h2>概要 <small>Overview</small></h2>"))
  }

  @Test func test_jsonFieldNames_doNotDependOnTheLanguage() throws {
    func keys(_ report: EvaluationReport) throws -> Set<String> {
      let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
      return Set(object?.keys.map { $0 } ?? [])
    }
    var japanese = Self.english
    japanese.language = "ja"
    #expect(try keys(report(Self.english)) == keys(report(japanese)))
  }
}
