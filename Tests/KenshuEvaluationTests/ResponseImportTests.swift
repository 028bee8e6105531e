import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation

@Suite struct ResponseImportTests {
  let survey = SampleSurveys.dayOne

  @Test func test_kenshuFormat_readsIdsLabelsNumbersAndRetrospectiveColumns() {
    var set = ResponseSet(survey: survey)
    let table = ResponseTable(
      file: "paper.csv",
      header: ["participant", "prof", "q1", "q2", "q3.before", "q3.now", "q4", "q5", "q6", "q7", "q8", "q9"],
      rows: [
        ["P001", "看護師", "5", "そう思う", "2", "4", "1", "5", "退院支援;看取り", "はい", "12", "とても良かった"],
        ["P002", "ケアマネ", "満足", "４", "あまり自信がない", "5", "2", "4", "急変時の対応;地域の資源", "1", "3", ""],
      ])
    let diagnostics = set.add(table)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    #expect(set.count == 2)
    #expect(set.accounts.first?.format == "kenshu")
    #expect(set.answers[0] == [.option(4), .option(10)])
    #expect(set.answers[1] == [.point(5), .point(5)])
    #expect(set.answers[2] == [.point(5), .point(4)])
    #expect(set.before[3] == [2, 2])
    #expect(set.answers[3] == [.point(4), .point(5)])
    #expect(set.answers[6] == [.options([0, 2], other: nil), .options([1], other: "地域の資源")])
    #expect(set.answers[7] == [.option(0), .option(0)])
    #expect(set.answers[9] == [.text("とても良かった"), nil])
  }

  @Test func test_badValues_areReportedByRowAndColumn_andExcludedFromThatItemOnly() {
    var set = ResponseSet(survey: survey)
    let table = ResponseTable(
      file: "bad.csv", header: ["participant", "q1", "q2", "q7", "q8"],
      rows: [["P1", "7", "たぶん", "はい", "500"], ["P2", "", "", "", ""], ["P1", "3", "3", "はい", "1"]])
    let diagnostics = set.add(table)
    let codes = diagnostics.map(\.code)
    #expect(codes.filter { $0 == "evaluation-value-out-of-range" }.count == 2)
    #expect(codes.contains("evaluation-value-unknown"))
    let unknown = diagnostics.first { $0.code == "evaluation-value-unknown" }
    #expect(unknown?.location == SourceLocation(file: "bad.csv", line: 2, column: 3))
    #expect(set.count == 1)
    #expect(set.answers[1] == [nil])
    #expect(set.answers[7] == [.option(0)])
    let account = set.accounts[0]
    #expect(account.read == 3)
    #expect(account.used == 1)
    #expect(account.rejected.map(\.line) == [3, 4])
    #expect(account.used + account.rejected.count == account.read)
    #expect(account.excludedValues == 3)
  }

  @Test func test_googleForms_matchesQuestionTextAndGridRows_andUsesEmailAsParticipant() {
    var set = ResponseSet(survey: survey)
    let table = ResponseTable(
      file: "google.csv",
      header: [
        "タイムスタンプ", "メールアドレス", "あなたの職種を教えてください", "研修全体に満足した ", "他職種の役割を説明できる [研修前]",
        "他職種の役割を説明できる [現在]", "特に役立った内容", "ご意見・ご感想",
      ],
      rows: [
        [
          "2026/04/01 17:02:11", "a@example.jp", "医師", "やや満足", "自信がない", "やや自信がある",
          "退院支援, 事例検討, グループワーク, 多職種の顔が見えた", "次回も参加したい",
        ]
      ])
    let diagnostics = set.add(table)
    #expect(set.accounts.first?.format == "google-forms")
    #expect(!diagnostics.contains { $0.code == "evaluation-column-unmatched" })
    #expect(set.participants == ["a@example.jp"])
    #expect(set.answers[1] == [.point(4)])
    #expect(set.before[3] == [1])
    #expect(set.answers[3] == [.point(4)])
    #expect(set.answers[6] == [.options([0, 3], other: "多職種の顔が見えた")])
  }

  @Test func test_microsoftForms_ignoresItsBookkeepingColumns() {
    var set = ResponseSet(survey: survey)
    let table = ResponseTable(
      file: "msforms.csv",
      header: ["ID", "開始時刻", "完了時刻", "メール", "名前", "研修全体に満足した", "特に役立った内容", "参加者ID"],
      rows: [["1", "4/1/26 9:00:00", "4/1/26 9:05:00", "anonymous", "", "満足", "退院支援;看取り;", "K-07"]])
    let diagnostics = set.add(table)
    #expect(set.accounts.first?.format == "microsoft-forms")
    #expect(!diagnostics.contains { $0.code == "evaluation-column-unmatched" })
    #expect(set.participants == ["K-07"])
    #expect(set.answers[6] == [.options([0, 2], other: nil)])
  }

  @Test func test_limeSurvey_codesSubquestionsAndOtherColumns() {
    let lime = Survey(
      id: "s", title: "t",
      items: [
        SurveyItem(id: "G1Q1_SQ001", type: .likert, text: "a", scale: "agree5"),
        SurveyItem(
          id: "q7", type: .single, text: "b", options: [SurveyOption(label: "はい")], allowOther: true),
      ])
    var set = ResponseSet(survey: lime)
    let table = ResponseTable(
      file: "lime.csv",
      header: ["id", "submitdate", "lastpage", "startlanguage", "seed", "G1Q1[SQ001]", "q7", "q7[other]"],
      rows: [["1", "2026-04-01 10:00:00", "3", "ja", "123", "A4", "-oth-", "検討中"]])
    let diagnostics = set.add(table)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    #expect(set.accounts.first?.format == "limesurvey")
    #expect(set.answers[0] == [.point(4)])
    #expect(set.answers[1] == [.other("検討中")])
  }

  @Test func test_mapFile_assignsColumnsByHeaderOrPosition() {
    let (map, problems) = ColumnMap.parse("# 対応表\n満足度 = q1\n#3 = q7\n備考 = -\nbroken line\n", file: "map.txt")
    #expect(problems.map(\.code) == ["evaluation-map-invalid"])
    var set = ResponseSet(survey: survey)
    let table = ResponseTable(
      file: "x.csv", header: ["participant", "満足度", "企画意向", "備考"], rows: [["p", "2", "いいえ", "memo"]])
    let diagnostics = set.add(table, map: map)
    #expect(!diagnostics.contains { $0.code == "evaluation-column-unmatched" })
    #expect(set.answers[1] == [.point(2)])
    #expect(set.answers[7] == [.option(1)])
  }
}

@Suite struct OddInputTests {
  /// Whatever the cells hold, import and report finish and every row is accounted for.
  @Test func test_garbageCells_neverCrash_andRowsStayAccounted() {
    let odd = Survey(
      id: "odd", title: "",
      items: [
        SurveyItem(id: "empty-choice", type: .single, text: ""),
        SurveyItem(id: "empty-multi", type: .multiple, text: "", allowOther: false),
        SurveyItem(
          id: "l", type: .likert, text: "l", scale: "no-such-scale", retrospective: true, measure: "m"),
        SurveyItem(id: "n", type: .numeric, text: "n", minimum: 0, maximum: 1),
        SurveyItem(id: "p", type: .profession, text: "p"),
      ])
    let junk = [
      "", " ", "0", "-1", "99999999999999999999", "nan", "inf", "1e308", "A", "AO", "a0", "5 そう思う", "；；",
      ",,,", "\u{FEFF}", "😀", "\"", "<b>", "-oth-", "１", "Ⅳ", "\n", "\u{3000}",
    ]
    var generator = SplitMix(seed: 7)
    var rows: [[String]] = []
    for _ in 0..<300 {
      let width = Int(generator.next() % 9)
      rows.append((0..<width).map { _ in junk[Int(generator.next() % UInt64(junk.count))] })
    }
    var set = ResponseSet(survey: odd)
    _ = set.add(
      ResponseTable(
        file: "junk.csv",
        header: ["participant", "empty-choice", "empty-multi", "l.before", "l", "n", "p", "", "l"],
        rows: rows))
    let account = set.accounts[0]
    #expect(account.used + account.rejected.count == account.read)
    let report = EvaluationReport(responses: set, pre: set, post: set, by: "p", minCell: 0)
    #expect(report.html().contains("</html>"))
    #expect((try? report.summaryJSON()) != nil)
  }
}

@Suite struct MatchKeyTests {
  @Test func test_matchKey_foldsWidthCaseAndTheCP932WaveDash() {
    #expect(matchKey("研修の時間（9:30〜16:35）") == matchKey("研修の時間（９:３０～１６:３５）"))
    #expect(matchKey("Ｑ１ 満足度 *") == matchKey("q1満足度"))
    #expect(matchKey("−5") == matchKey("－5"))
  }
}

@Suite struct OptionColumnTests {
  @Test func test_limeSurveyMultipleChoice_oneColumnPerOption_isCollected() {
    let survey = SampleSurveys.dayOne
    var set = ResponseSet(survey: survey)
    let diagnostics = set.add(
      ResponseTable(
        file: "lime.csv",
        header: [
          "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "q6[SQ001]", "q6[SQ002]",
          "q6[SQ003]", "q6[SQ004]", "q6[other]",
        ],
        rows: [
          ["1", "2026-04-01", "3", "ja", "9", "T1", "Y", "", "Y", "", ""],
          ["2", "2026-04-01", "3", "ja", "9", "T2", "", "", "", "", "資料"],
          ["3", "2026-04-01", "3", "ja", "9", "T3", "N", "maybe", "", "Y", ""],
        ]))
    #expect(
      set.answers[6] == [.options([0, 2], other: nil), .options([], other: "資料"), .options([3], other: nil)])
    #expect(diagnostics.filter { $0.code == "evaluation-value-unknown" }.count == 1)
    #expect(
      !diagnostics.contains { $0.code == "evaluation-item-without-column" && $0.message.contains("q6") })
    #expect(set.participants == ["T1", "T2", "T3"])
  }

  @Test func test_googleFormsCheckboxGrid_questionOptionHeaders() {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(
        file: "g.csv", header: ["タイムスタンプ", "特に役立った内容 [看取り]", "特に役立った内容 [退院支援]"],
        rows: [["t", "看取り", ""], ["t", "看取り", "退院支援"]]))
    #expect(set.answers[6] == [.options([2], other: nil), .options([0, 2], other: nil)])
  }
}

@Suite struct ProblemSummaryTests {
  @Test func test_manyBadValuesInOneColumn_areSummarisedAfterTwenty() {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    let rows = (1...50).map { ["p\($0)", "とても良い", "3"] }
    let diagnostics = set.add(
      ResponseTable(file: "bad.csv", header: ["participant", "q1", "q2"], rows: rows))
    #expect(diagnostics.filter { $0.code == "evaluation-value-unknown" }.count == 20)
    #expect(diagnostics.filter { $0.code == "evaluation-values-excluded" }.count == 1)
    #expect(set.accounts[0].excludedValues == 50)
    #expect(set.accounts[0].used == 50)
  }
}

/// Rows are interpreted in chunks on several threads; the outcome must be exactly that of
/// reading them one by one, whatever the chunk size.
@Suite struct ChunkedImportTests {
  /// A messy file: empty rows, duplicate participants (also across chunk boundaries), bad
  /// values in one column beyond the per-column cap, retrospective pairs, blank ids.
  static func messyTable() -> ResponseTable {
    let header = [
      "participant", "prof", "q1", "q2", "q3.before", "q3.now", "q4", "q5", "q6", "q7", "q8", "q9",
    ]
    var rows: [[String]] = []
    for index in 0..<97 {
      let id = index % 11 == 5 ? "P\(index - 3)" : (index % 13 == 7 ? "" : "P\(index)")
      if index % 9 == 4 {
        rows.append(["P-empty-\(index)", "", "", "", "", "", "", "", "", "", "", ""])
        continue
      }
      rows.append([
        id, ["看護師", "医師", "ケアマネ", "薬剤師"][index % 4], index % 3 == 0 ? "とても良い" : "\(1 + index % 5)",
        "\(1 + (index * 7) % 5)", index % 5 == 0 ? "" : "\(1 + index % 5)", "\(1 + (index + 2) % 5)",
        "\(1 + index % 5)", "9", index % 2 == 0 ? "退院支援;看取り" : "急変時の対応;地域の資源",
        ["はい", "いいえ", "たぶん"][index % 3], "\(index)", index % 4 == 0 ? "" : "感想 \(index % 6)",
      ])
    }
    return ResponseTable(file: "messy.csv", header: header, rows: rows)
  }

  @Test(arguments: [1, 2, 3, 7, 16, 64])
  func test_add_resultDoesNotDependOnChunkSize(rowsPerChunk: Int) {
    let table = Self.messyTable()
    var whole = ResponseSet(survey: SampleSurveys.dayOne)
    let wholeDiagnostics = whole.add(table, map: ColumnMap(), rowsPerChunk: .max)
    var chunked = ResponseSet(survey: SampleSurveys.dayOne)
    let chunkedDiagnostics = chunked.add(table, map: ColumnMap(), rowsPerChunk: rowsPerChunk)
    #expect(chunked == whole)
    #expect(chunkedDiagnostics == wholeDiagnostics)
    // The file exercises what the merge must get right.
    let codes = Set(wholeDiagnostics.map(\.code))
    #expect(
      codes.isSuperset(of: [
        "evaluation-row-empty", "evaluation-duplicate-participant", "evaluation-value-unknown",
        "evaluation-value-out-of-range", "evaluation-values-excluded",
      ]))
    #expect(whole.accounts[0].read == whole.accounts[0].used + whole.accounts[0].rejected.count)
  }

  @Test func test_add_secondFilePadsBeforeAnswersAndSeesEarlierParticipants() {
    var set = ResponseSet(survey: SampleSurveys.dayOne)
    _ = set.add(
      ResponseTable(file: "a.csv", header: ["participant", "q1"], rows: [["A", "4"], ["B", "5"]]))
    let diagnostics = set.add(
      Self.messyTable(), map: ColumnMap(), rowsPerChunk: 5)
    #expect(set.before[3]?.count == set.count)
    #expect(set.before[3]?.prefix(2) == [nil, nil])
    #expect(diagnostics.contains { $0.code == "evaluation-duplicate-participant" })
  }
}

@Suite struct TrimmedCellTests {
  @Test(arguments: [
    "", " ", "看護師", " 看護師", "看護師　", "\u{3000}医師\u{3000}", "\u{00A0}4\u{00A0}", "\t5\n", "🏥", " 🏥", "🏥 ",
    "a\u{2029}", "\u{205F}b", "終わり。", "é", "\u{1680}x\u{202F}",
  ])
  func test_trimmedCell_matchesFoundation(cell: String) {
    #expect(trimmedCell(cell) == cell.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
