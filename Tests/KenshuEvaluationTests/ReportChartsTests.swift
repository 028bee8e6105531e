import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// The report's charts, legends, denominators and reliability cautions (issue 16).
@Suite struct ReportChartsTests {
  /// Reference values from numpy (ddof = 1) on the five complete rows, item 4 reverse-keyed:
  /// dropping an item must keep the sample (the row with a missing answer stays out).
  @Test func test_alphaIfDeleted_matchesNumpy_onTheSameCompleteCases() {
    let rows: [[Double?]] = [
      [4, 5, 3, 2], [3, 4, 4, 1], [5, 5, 4, 2], [2, 3, 2, 4], [4, 4, 5, 1], [3, 3, 3, 3], [1, nil, 5, 5],
    ]
    let columns = (0..<4).map { item in rows.map { $0[item] } }
    let alpha = CronbachAlpha(columns: columns, reverse: [3], points: 5)
    #expect(abs(alpha.alpha - 0.8843187660668379) < 1e-12)
    let dropped = CronbachAlpha.ifDeleted(columns: columns, reverse: [3], points: 5)
    let expected = [0.84375, 0.8754863813229571, 0.84375, 0.8382352941176471]
    #expect(dropped.count == 4)
    for (value, reference) in zip(dropped, expected) { #expect(abs(value - reference) < 1e-12) }
    // Two items leave one: α is undefined.
    let single = CronbachAlpha.ifDeleted(columns: Array(columns.prefix(2)), points: 5)
    #expect(single.count == 2 && single.allSatisfy { $0.isNaN })
  }

  @Test func test_histogram_wholeNumbersGetOneBinPerValue_othersNiceWidths() {
    let whole = HistogramBins.bins([0, 2, 2, 3, 6])
    #expect(whole.map(\.low) == [0, 1, 2, 3, 4, 5, 6])
    #expect(whole.map(\.count) == [1, 0, 2, 1, 0, 0, 1])
    #expect(whole.allSatisfy { $0.low == $0.high })
    // 0…95: range 95 → raw width 9.5 → 10; the top value belongs to the last bin.
    let wide = HistogramBins.bins([0, 5, 12, 40, 95, 100])
    #expect(wide.first?.low == 0)
    #expect(wide.first?.high == 10)
    #expect(wide.map(\.count).reduce(0, +) == 6)
    #expect(wide.last?.high == 110)
    #expect(wide.last?.count == 1)
    let fractions = HistogramBins.bins([1.5, 2.25, 2.5, 3.75])
    #expect(fractions.map(\.count).reduce(0, +) == 4)
    #expect(fractions.first.map { $0.high - $0.low } == 0.5)
    #expect(HistogramBins.bins([]).isEmpty)
  }

  func dayOneReport() throws -> EvaluationReport {
    let (report, _) = evaluate(
      survey: SampleSurveys.dayOne, responseFiles: [try fixtureURL("day1-eval-kenshu", "csv")])
    return report
  }

  @Test func test_likertChart_hasLegend_percentLabels_andATextAlternative() throws {
    let report = try dayOneReport()
    let q1 = try #require(report.items.first { $0.id == "q1" })
    let html = ReportPage(report: report).itemBlock(q1)
    // Every category is named beside its colour, in the legend table.
    let colours = DivergingBar.colours(points: 5)
    for (label, colour) in zip(q1.counts.map(\.label), colours) {
      #expect(html.contains("fill=\"\(colour)\"/></svg> \(label)</th>"), "\(label)")
    }
    // The accessible name states every percentage; segments carry their percentage as text.
    let largest = try #require(q1.counts.max { $0.count < $1.count })
    #expect(html.contains("aria-label=\"\(q1.text): "))
    #expect(html.contains("\(largest.label) \(Figure.percent(largest.percent))"))
    #expect(html.contains(">\(Int((largest.percent ?? 0).rounded()))%</text>"))
    #expect(html.contains("回答 n=\(q1.n)、無回答 \(q1.missing)"))
    #expect(html.contains("%の分母"))
    // The retrospective item draws two labelled bars in one chart.
    let q3 = try #require(report.items.first { $0.id == "q3" })
    let retro = ReportPage(report: report).itemBlock(q3)
    #expect(retro.contains(">研修前</text>") && retro.contains(">現在</text>"))
  }

  @Test func test_choiceAndNumericItems_haveCharts_withDenominators() throws {
    let report = try dayOneReport()
    let page = ReportPage(report: report)
    let q7 = try #require(report.items.first { $0.id == "q7" })
    let single = page.itemBlock(q7)
    #expect(single.contains("<table class=\"choices\">"))
    #expect(single.contains("<svg class=\"bar\""))
    #expect(single.contains("%の分母：回答者 n=\(q7.n)"))
    let q6 = try #require(report.items.first { $0.id == "q6" })
    #expect(page.itemBlock(q6).contains("合計は100%を超えます"))
    let q8 = try #require(report.items.first { $0.id == "q8" })
    let bins = try #require(q8.histogram)
    #expect(bins.map(\.count).reduce(0, +) == q8.n)
    let numeric = page.itemBlock(q8)
    #expect(numeric.contains("<svg class=\"histogram\" role=\"img\""))
    #expect(numeric.contains("（ヒストグラム）: "))
  }

  @Test func test_negativeAlpha_isReportedWithACaution_andAlphaIfDeleted() throws {
    let measure = EvaluationReport.MeasureFigures(
      id: "m", title: "尺度", items: ["a", "b", "c"], reverseItems: ["c"], completeCases: 44,
      cronbachAlpha: -0.06, alphaIfDeleted: [0.1, -0.2, -0.15])
    let notes = ReliabilityCaution.notes(measure)
    #expect(notes.contains { $0.contains("α が負の値です") })
    // Only a raises α (0.1 > −0.06); b and c lower it further.
    #expect(notes.contains { $0.hasPrefix("除くと α が上がる項目：a（") })
    let good = EvaluationReport.MeasureFigures(
      id: "m", title: "尺度", items: ["a", "b"], reverseItems: [], completeCases: 120, cronbachAlpha: 0.82,
      alphaIfDeleted: [nil, nil])
    #expect(ReliabilityCaution.notes(good).isEmpty)
    let few = EvaluationReport.MeasureFigures(
      id: "m", title: "尺度", items: ["a", "b"], reverseItems: [], completeCases: 12, cronbachAlpha: 0.65,
      alphaIfDeleted: [nil, nil])
    let fewNotes = ReliabilityCaution.notes(few)
    #expect(fewNotes.contains { $0.contains("やや低め") })
    #expect(fewNotes.contains { $0.contains("12 人") })

    var report = try dayOneReport()
    report.measures = [measure]
    report.items = []
    let html = ReportPage(report: report).measuresSection()
    #expect(html.contains("<div class=\"caution\" role=\"note\">"))
    #expect(html.contains("-0.060"))
    #expect(html.contains("0.100 ↑"))
    #expect(html.contains("分母：全項目に回答した 44 人"))
  }

  @Test func test_reportPage_hasNoInlineStyle_andPrintStylesNumberPages() throws {
    let html = try dayOneReport().html()
    // The CSP allows styles from report.css only: an inline style attribute would be dropped.
    #expect(!html.contains(" style="))
    #expect(ReportStyle.css.contains("counter(page)"))
    #expect(ReportStyle.css.contains("size: A4"))
  }
}
