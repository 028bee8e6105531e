import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

/// Quirks of real exports, each from a file in the layout the service writes.
@Suite struct ExportQuirkTests {
  func load(_ name: String, survey: Survey = SampleSurveys.dayOne, includeIncomplete: Bool = false) throws
    -> (
      ResponseSet, [Diagnostic]
    )
  {
    var set = ResponseSet(survey: survey)
    set.includeIncomplete = includeIncomplete
    let (table, problems) = try ResponseTable.read(contentsOf: try fixtureURL(name, "csv"))
    let diagnostics = problems + set.add(table)
    let account = try #require(set.accounts.first)
    #expect(account.read == account.used + account.rejected.count, "every row is accounted for")
    return (set, diagnostics)
  }

  func item(_ set: ResponseSet, _ id: String) -> [Answer?] {
    Array(set.answers[set.survey.items.firstIndex { $0.id == id }!])
  }

  @Test func test_microsoftForms_anonymousIsNoParticipant_decimalsAndTrailingSemicolons() throws {
    let (set, diagnostics) = try load("ms-forms-anonymous")
    let account = try #require(set.accounts.first)
    #expect(account.format == "microsoft-forms")
    #expect(account.used == 4)
    #expect(account.rejected.isEmpty)
    #expect(set.participants == [nil, nil, nil, nil])
    #expect(item(set, "q1") == [.point(5), .point(4), nil, .point(3)])
    let notWhole = try #require(diagnostics.first { $0.code == "evaluation-value-not-whole" })
    #expect(notWhole.message.contains("4.5"))
    #expect(notWhole.location.line == 4 && notWhole.location.column == 6)
    #expect(account.excludedValues == 1)
    #expect(
      item(set, "q6") == [
        .options([0, 2], other: nil), .options([3], other: nil), .options([1], other: nil), nil,
      ])
    #expect(item(set, "q8") == [.number(3), .number(12), .number(0), nil])
    #expect(!diagnostics.contains { $0.code == "evaluation-duplicate-participant" })
    // 完了時刻 in the Japanese-locale format: the response period of the file.
    #expect(account.firstSubmitted == "2026-04-18" && account.lastSubmitted == "2026-04-18")
    #expect(!diagnostics.contains { $0.code == "evaluation-timestamp-unreadable" })
  }

  /// Google Forms' own CSV download in a Japanese locale writes `2026/11/20 4:00:00 午後 GMT+9`;
  /// a time it cannot read is reported where it is and the row's answers are still used.
  @Test func test_googleForms_japaneseTimestampsGiveThePeriod_unreadableOneIsLocated() throws {
    let (set, diagnostics) = try load("google-forms-japanese-timestamps")
    let account = try #require(set.accounts.first)
    #expect(account.format == "google-forms")
    #expect(account.used == 3)
    #expect(account.firstSubmitted == "2026-11-20")
    #expect(account.lastSubmitted == "2026-11-21")
    let unreadable = diagnostics.filter { $0.code == "evaluation-timestamp-unreadable" }
    #expect(unreadable.count == 1)
    #expect(unreadable.first?.location.line == 4 && unreadable.first?.location.column == 1)
    #expect(unreadable.first?.message.contains("昨日の夕方") == true)
    let report = EvaluationReport(responses: set)
    #expect(report.html().contains("<td>2026-11-20 〜 2026-11-21</td>"))
    #expect(report.csvTables()["files.csv"]?.last?.suffix(2) == ["2026-11-20", "2026-11-21"])
  }

  /// Microsoft Forms only exports .xlsx: with an English Office, `Start time`/`Completion time`
  /// are date cells (serials with a date format), answers are numbers, e-mail says anonymous.
  @Test func test_microsoftForms_englishXLSX_dateCellsNumbersAndAnonymous() throws {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    let (table, problems) = try ResponseTable.read(contentsOf: try fixtureURL("ms-forms-english", "xlsx"))
    let diagnostics = problems + set.add(table)
    let account = try #require(set.accounts.first)
    #expect(account.read == account.used + account.rejected.count)
    #expect(account.format == "microsoft-forms")
    #expect(account.used == 3)
    #expect(set.participants == [nil, nil, nil])
    #expect(item(set, "q1") == [.point(5), .point(4), nil])
    #expect(diagnostics.contains { $0.code == "evaluation-value-not-whole" && $0.message.contains("4.5") })
    #expect(item(set, "q8") == [.number(3), .number(12), .number(0)])
    #expect(account.firstSubmitted == "2026-11-20" && account.lastSubmitted == "2026-11-21")
    #expect(!diagnostics.contains { $0.code == "evaluation-timestamp-unreadable" })
  }

  @Test func test_googleForms_decimalsOtherAndCommasInOptionLabels() throws {
    let (set, diagnostics) = try load("google-forms-decimals")
    let account = try #require(set.accounts.first)
    #expect(account.format == "google-forms")
    #expect(account.used == 3)
    #expect(item(set, "q1") == [.point(4), .point(5), nil])
    #expect(diagnostics.contains { $0.code == "evaluation-value-not-whole" && $0.message.contains("4.25") })
    #expect(
      item(set, "q6") == [
        .options([2, 3], other: nil), .options([0], other: "地域の多職種との顔の見える関係"), .options([2], other: nil),
      ])
    #expect(item(set, "q7") == [.option(0), .option(1), .option(1)])
  }

  static let limeSurvey = Survey(
    id: "ls", title: "LimeSurvey",
    items: [
      SurveyItem(
        id: "q1", type: .single, text: "所属",
        options: [SurveyOption(label: "病院"), SurveyOption(label: "診療所")],
        allowOther: true),
      SurveyItem(id: "q2", type: .likert, text: "満足した", scale: "agree5"),
    ])

  @Test func test_limeSurvey_otherTextAndIncompleteResponses() throws {
    let (set, diagnostics) = try load("limesurvey-other", survey: Self.limeSurvey)
    let account = try #require(set.accounts.first)
    #expect(account.format == "limesurvey")
    #expect(account.read == 4)
    #expect(account.used == 2)
    #expect(account.rejected.map(\.line) == [3, 5])
    #expect(account.rejected[0].reason.contains("未完了"))
    #expect(item(set, "q1") == [.other("地域包括支援センター"), .other("居宅介護支援事業所")])
    #expect(item(set, "q2") == [.point(5), .point(3)])
    let note = try #require(diagnostics.first { $0.code == "evaluation-incomplete-excluded" })
    #expect(note.wording(in: .ja).message.contains("未完了 1 件"))

    let (kept, keptDiagnostics) = try load(
      "limesurvey-other", survey: Self.limeSurvey, includeIncomplete: true)
    #expect(kept.accounts.first?.used == 3)
    #expect(item(kept, "q1") == [.other("地域包括支援センター"), .option(0), .other("居宅介護支援事業所")])
    #expect(!keptDiagnostics.contains { $0.code == "evaluation-incomplete-excluded" })
  }
}
