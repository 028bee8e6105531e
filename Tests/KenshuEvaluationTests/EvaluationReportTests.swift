import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

@Suite struct EvaluationReportTests {
  @Test func test_prefecturalSurvey_reproducesThePublishedMultipleAnswerCounts() throws {
    let (report, diagnostics) = evaluate(
      survey: SampleSurveys.prefecture, responseFiles: [try fixtureURL("prefecture-2016", "csv")])
    #expect(!diagnostics.hasErrors)
    #expect(report.responses.used == 619)
    #expect(report.responses.rate.map { abs($0 - 0.843) < 0.0005 } == true)
    let reasons = try #require(report.items.first { $0.id == "reasons" })
    #expect(reasons.n == 320)
    #expect(reasons.counts.map(\.count) == [203, 164, 161, 128, 102, 93, 30, 20, 43])
    #expect(reasons.counts.last?.label == "その他")
    #expect(reasons.counts.first.map { abs(($0.percent ?? 0) - 63.4375) < 1e-9 } == true)
    let lacking = try #require(report.items.first { $0.id == "lacking" })
    #expect(lacking.n == 619)
    #expect(lacking.counts.map(\.count) == [412, 287, 253, 195, 187, 129, 82, 51])
  }

  @Test func test_cp932GoogleFormsExport_isReadAndEveryRowAccountedFor() throws {
    let (report, diagnostics) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-google-forms", "csv")],
      by: "profession")
    let file = try #require(report.responses.files.first)
    #expect(file.format == "google-forms")
    #expect(file.read == 151)
    #expect(file.used == 150)
    #expect(file.rejected.count == 1)
    #expect(file.excludedValues == 2)
    #expect(diagnostics.contains { $0.code == "evaluation-value-unknown" && $0.location.line == 19 })
    #expect(diagnostics.contains { $0.code == "evaluation-value-out-of-range" && $0.location.line == 44 })
    #expect(!diagnostics.contains { $0.code == "evaluation-column-unmatched" })
    let q2 = try #require(report.items.first { $0.id == "q2" })
    #expect(q2.n == 149 && q2.missing == 1)
    let retrospective = try #require(report.prePost.first { $0.id == "q3" })
    #expect(retrospective.kind == "retrospective")
    #expect(retrospective.pairs == 150)
    #expect((retrospective.meanChange ?? 0) > 0)
    #expect(report.measures.first?.completeCases == 150)
    #expect(!report.breakdowns.isEmpty)
  }

  @Test func test_summaryJSON_hasDocumentedFields_andNoNaN() throws {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "one.csv", header: ["participant", "q1", "q3.before", "q3.now"], rows: [["p", "4", "2", "4"]]))
    let report = EvaluationReport(responses: set)
    let json = try #require(String(data: try report.summaryJSON(), encoding: .utf8))
    #expect(!json.contains("nan") && !json.contains("NaN"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: try report.summaryJSON()) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    let q1 = try #require(items.first { $0["id"] as? String == "q1" })
    for key in ["id", "n", "counts", "mean", "median", "top2box", "top2boxCI"] {
      #expect(q1[key] != nil, "\(key)")
    }
    let prePost = try #require((object["prePost"] as? [[String: Any]])?.first)
    for key in ["pairs", "meanChange", "wilcoxon", "tTest", "effectSize"] {
      #expect(prePost[key] != nil, "\(key)")
    }
    #expect((prePost["tTest"] as? [String: Any])?["t"] is NSNull)
  }

  @Test func test_reportPage_escapesUserText_isJapanese_andHasNoScript() throws {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "x.csv", header: ["participant", "q1", "q9"],
        rows: [["p1", "5", "<script>alert(1)</script> & \"引用\""], ["p2", "3", "良い研修"]]))
    let html = EvaluationReport(responses: set).html()
    #expect(html.contains("<html lang=\"ja\">"))
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引用&quot;"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.contains("<svg class=\"diverging\""))
    #expect(html.contains("<table class=\"likert-table\">"))
  }

  @Test func test_prePostFiles_arePairedByParticipant_andUnmatchedListed() throws {
    let test = Survey(
      id: "k", title: "知識テスト", kind: .preTest,
      items: [
        SurveyItem(
          id: "k1", type: .single, text: "a",
          options: [SurveyOption(label: "正", correct: true), SurveyOption(label: "誤")]),
        SurveyItem(
          id: "k2", type: .single, text: "b",
          options: [SurveyOption(label: "正", correct: true), SurveyOption(label: "誤")]),
        SurveyItem(id: "c", type: .likert, text: "自信", scale: "confidence5"),
      ])
    var pre = ResponseSet(survey: test)
    _ = pre.add(
      ResponseTable(
        file: "pre.csv", header: ["participant", "k1", "k2", "c"],
        rows: [["A", "誤", "誤", "2"], ["B", "正", "誤", "3"], ["C", "誤", "誤", "1"], ["X", "正", "正", "2"]]))
    var post = ResponseSet(survey: test)
    _ = post.add(
      ResponseTable(
        file: "post.csv", header: ["participant", "k1", "k2", "c"],
        rows: [["A", "正", "正", "4"], ["B", "正", "正", "4"], ["C", "正", "誤", "3"], ["Y", "正", "正", "5"]]))
    let report = EvaluationReport(responses: ResponseSet(survey: test), pre: pre, post: post)
    let score = try #require(report.prePost.first { $0.id == "score" })
    #expect(score.pairs == 3)
    #expect(score.meanBefore.map { abs($0 - 1.0 / 3) < 1e-12 } == true)
    #expect(score.meanAfter.map { abs($0 - 5.0 / 3) < 1e-12 } == true)
    #expect(report.unmatched?.pre == ["X"])
    #expect(report.unmatched?.post == ["Y"])
    let confidence = try #require(report.prePost.first { $0.id == "c" })
    #expect(confidence.wilcoxon.method == "permutation")
    #expect(confidence.wilcoxon.statistic == 0)
  }

  @Test func test_surveyListing_andTemplate_followTheDocumentedShape() throws {
    let data = try SurveyListing.json([SampleSurveys.dayOne])
    let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let items = try #require(list.first?["items"] as? [[String: Any]])
    let q1 = try #require(items.first { $0["id"] as? String == "q1" })
    #expect(q1["points"] as? Int == 5)
    #expect(q1["scale"] as? String == "satisfaction5")
    #expect(q1["reverse"] as? Bool == false)
    let q7 = try #require(items.first { $0["id"] as? String == "q7" })
    #expect(q7["options"] as? [String] == ["はい", "いいえ", "わからない"])
    #expect(q7["points"] is NSNull)
    #expect(
      surveyTemplate(SampleSurveys.dayOne).first
        == ["participant", "prof", "q1", "q2", "q3.before", "q3.now", "q4", "q5", "q6", "q7", "q8", "q9"])
  }
}

@Suite struct ReportWritingTests {
  @Test func test_writeReport_writesPageStylesheetSummaryAndTables() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-evaluation-sample")
    try? FileManager.default.removeItem(at: dir)
    let (report, _) = evaluate(
      survey: SampleSurveys.dayOne,
      responseFiles: [
        try fixtureURL("day1-eval-kenshu", "csv"), try fixtureURL("day1-eval-google-forms", "csv"),
      ],
      by: "profession")
    #expect(report.responses.used == 330)
    try writeReport(report, to: dir)
    for name in [
      "index.html", "report.css", "summary.json", "items.csv", "prepost.csv", "files.csv", "breakdown-q1.csv",
    ] {
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
    }
  }
}

@Suite struct EmptyAndOddInputTests {
  @Test func test_noResponses_giveNullFigures_andAReadablePage() throws {
    let report = EvaluationReport(responses: ResponseSet(survey: SampleSurveys.dayOne), by: "profession")
    let q1 = try #require(report.items.first { $0.id == "q1" })
    #expect(q1.n == 0 && q1.mean == nil && q1.top2box == nil && q1.top2boxCI == nil)
    #expect(report.prePost.first?.pairs == 0)
    #expect(report.measures.first?.cronbachAlpha == nil)
    #expect(report.breakdowns.isEmpty)
    let json = try #require(String(data: try report.summaryJSON(), encoding: .utf8))
    #expect(!json.lowercased().contains("nan"))
    #expect(report.html().contains("</html>"))
  }

  @Test func test_optionNamedOther_absorbsFreeTextOtherAnswers() throws {
    let survey = Survey(
      id: "s", title: "t",
      items: [
        SurveyItem(
          id: "m", type: .multiple, text: "m",
          options: [SurveyOption(label: "A"), SurveyOption(label: "その他")],
          allowOther: true)
      ])
    var set = ResponseSet(survey: survey)
    _ = set.add(
      ResponseTable(file: "f", header: ["participant", "m"], rows: [["1", "A;その他"], ["2", "自由な記述"]]))
    let item = try #require(EvaluationReport(responses: set).items.first)
    #expect(item.counts.map(\.label) == ["A", "その他"])
    #expect(item.counts.map(\.count) == [1, 2])
    #expect(item.otherTexts == ["自由な記述"])
  }
}

@Suite struct PrePostSampleTests {
  @Test func test_acpKnowledgeTest_pairsShippedPreAndPostFiles() throws {
    let (report, diagnostics) = evaluate(
      survey: SampleSurveys.acpTest, responseFiles: [], pre: try fixtureURL("acp-test-pre", "csv"),
      post: try fixtureURL("acp-test-post", "csv"))
    #expect(!diagnostics.hasErrors)
    let score = try #require(report.prePost.first { $0.id == "score" })
    #expect(score.pairs == 104)
    #expect((score.meanChange ?? 0) > 0)
    #expect(score.wilcoxon.method == "normal-approximation")
    #expect(report.unmatched?.pre.count == 16)
    #expect(report.unmatched?.post.count == 8)
    #expect(report.prePost.contains { $0.id == "c1" && $0.pairs == 104 })
    #expect(report.responses.used == 112)
    #expect(Set(report.responses.files.map(\.file)) == ["acp-test-pre.csv", "acp-test-post.csv"])
    #expect(report.responses.files.count == 2)
    #expect(diagnostics.contains { $0.code == "evaluation-pair-unmatched" })
  }
}

@Suite struct FreeTextCopyTests {
  @Test func test_freetextCSV_showsFormulasAsText() throws {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "x.csv", header: ["participant", "q8", "q9"],
        rows: [["p1", "-5", "=HYPERLINK(\"http://evil.example\",\"詳細\")"], ["p2", "3", "良かった"]]))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-evaluation-formula")
    try? FileManager.default.removeItem(at: dir)
    try writeReport(EvaluationReport(responses: set), to: dir)
    let csv = try String(contentsOf: dir.appendingPathComponent("freetext.csv"), encoding: .utf8)
    #expect(csv.contains("\"'=HYPERLINK("))
    #expect(!csv.contains(",\"=HYPERLINK") && !csv.contains(",=HYPERLINK"))
    #expect(csv.contains("良かった"))
  }

  @Test func test_identicalAnswers_areListedOnceWithTheirNumber_inFirstAppearanceOrder() {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "x.csv", header: ["participant", "q9"],
        rows: [["p1", "特になし"], ["p2", "<b>良かった</b>"], ["p3", "特になし"], ["p4", "特になし"], ["p5", "特になし "]]))
    let html = EvaluationReport(responses: set).html()
    #expect(html.components(separatedBy: "<li>特になし").count == 2)
    #expect(html.contains("<li>特になし <span class=\"repeat\">（同じ回答 4件）</span></li>"))
    #expect(html.contains("<li>&lt;b&gt;良かった&lt;/b&gt;</li>"))
    let first = html.range(of: "<li>特になし")
    let second = html.range(of: "<li>&lt;b&gt;")
    #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound)
  }

  @Test func test_copyWithoutFreeText_listsNoAnswers_butKeepsCounts() throws {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "x.csv", header: ["participant", "q6", "q9"],
        rows: [["p1", "退院支援;秘密の記述", "実名を含む感想"], ["p2", "看取り", "多職種連携が良かった"]]))
    let report = EvaluationReport(responses: set)
    let copy = report.html(freeText: false)
    #expect(!copy.contains("実名を含む感想") && !copy.contains("秘密の記述"))
    #expect(copy.contains("自由記述の回答本文は含めていません"))
    #expect(report.html().contains("実名を含む感想"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-evaluation-copy")
    try? FileManager.default.removeItem(at: dir)
    try writeReport(report, to: dir, freeText: false)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("freetext.csv").path))
    let json = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(!json.contains("実名を含む感想"))
  }
}
