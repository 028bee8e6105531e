import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation
@testable import KenshuTabular

/// `ResponseTable.read` keeps a CSV as `CSVCells` (bytes and field positions) and reads Likert
/// digits and blank cells from the bytes. The reference is the table of `String` cells that
/// `Table.read` gives: the same file must give the same answers, row accounting, diagnostics
/// and report files either way.
@Suite struct CompactImportDifferentialTests {
  /// Reads `data` both ways, adds it to a fresh set of `survey` and compares everything.
  static func expectSameImport(
    _ data: Data, file: String, survey: Survey, includeIncomplete: Bool = false, threshold: Int = 512,
    compactRowsPerChunk: Int = 37
  ) throws {
    let reference = Table.read(data: data, file: file)
    let compact = Table.readCells(
      data: data, file: file, options: TableReadOptions(), concurrentThreshold: threshold)
    let cells = try #require(compact.cells)
    #expect(compact.diagnostics == reference.diagnostics)
    var referenceSet = ResponseSet(survey: survey)
    var compactSet = ResponseSet(survey: survey)
    referenceSet.includeIncomplete = includeIncomplete
    compactSet.includeIncomplete = includeIncomplete
    let referenceTable = ResponseTable(reference.table, unreadableLines: reference.rejectedLines)
    let compactTable = ResponseTable(cells, unreadableLines: compact.rejectedLines)
    #expect(compactTable.rows == referenceTable.rows)
    #expect(compactTable.lines == referenceTable.lines)
    // A small chunk size runs the rows of the compact table on several threads.
    let referenceDiagnostics = referenceSet.add(referenceTable, map: ColumnMap(), rowsPerChunk: 1_000_000)
    let compactDiagnostics = compactSet.add(compactTable, map: ColumnMap(), rowsPerChunk: compactRowsPerChunk)
    #expect(compactDiagnostics == referenceDiagnostics)
    #expect(compactSet == referenceSet)
    let account = try #require(compactSet.accounts.first)
    #expect(account.read == account.used + account.rejected.count, "every row is accounted for")
    let by = survey.items.first { $0.type == .profession || $0.type == .single }?.id
    let referenceReport = EvaluationReport(responses: referenceSet, by: by, minCell: 1)
    let compactReport = EvaluationReport(responses: compactSet, by: by, minCell: 1)
    #expect(try compactReport.summaryJSON() == referenceReport.summaryJSON())
    #expect(compactReport.html() == referenceReport.html())
    #expect(compactReport.csvTables() == referenceReport.csvTables())
  }

  @Test func test_compactImport_matchesStringTable_onEveryCSVFixture() throws {
    for (name, survey) in [
      ("day1-eval-kenshu", SampleSurveys.dayOne), ("day1-eval-google-forms", SampleSurveys.dayOne),
      ("google-forms-decimals", SampleSurveys.dayOne),
      ("google-forms-japanese-timestamps", SampleSurveys.dayOne),
      ("ms-forms-anonymous", SampleSurveys.dayOne), ("acp-test-pre", SampleSurveys.acpTest),
      ("acp-test-post", SampleSurveys.acpTest), ("prefecture-2016", SampleSurveys.prefecture),
    ] {
      try Self.expectSameImport(try fixtureData(name, "csv"), file: "\(name).csv", survey: survey)
    }
    // Read from disk (into the cells' own memory) as from `Data`, with and without a BOM.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compact-import-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let kenshu = try fixtureData("day1-eval-kenshu", "csv")
    for (name, data) in [
      ("kenshu.csv", kenshu), ("bom.csv", Data(TextEncoding.utf8BOMBytes) + kenshu),
      ("cp932.csv", try fixtureData("day1-eval-google-forms", "csv")), ("empty.csv", Data()),
      (
        "tabs.tsv",
        Data(String(decoding: kenshu, as: UTF8.self).replacingOccurrences(of: ",", with: "\t").utf8)
      ),
    ] {
      let url = folder.appendingPathComponent(name)
      try data.write(to: url)
      let reference = try Table.read(contentsOf: url, displayName: name)
      let (table, diagnostics) = try ResponseTable.read(contentsOf: url)
      #expect(diagnostics == reference.diagnostics)
      #expect(table.header == reference.table.header)
      #expect(table.rows == reference.table.records.map(\.fields))
      #expect(table.lines == reference.table.records.map(\.line))
      #expect(table.unreadableLines == reference.rejectedLines)
    }
    for includeIncomplete in [false, true] {
      try Self.expectSameImport(
        try fixtureData("limesurvey-other", "csv"), file: "limesurvey-other.csv",
        survey: ExportQuirkTests.limeSurvey,
        includeIncomplete: includeIncomplete)
    }
  }

  /// Responses to the day-1 survey with what real files hold: missing answers, out-of-range
  /// and unknown values, integral decimals (`4.0`), labels, full-width digits, multi-select with
  /// "other", free text with quotes, commas and line breaks, formula guards, blank and
  /// white-space rows, ragged rows, duplicate ids and an unterminated quote.
  static func messyResponses(_ random: inout SplitMix, rows: Int) -> String {
    func pick(_ values: [String]) -> String { values[Int(random.next() % UInt64(values.count))] }
    func quoted(_ text: String) -> String {
      text.contains { ",\"\n\r".contains($0) }
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    let points = [
      "1", "2", "3", "4", "5", "5", "4", "", "4.0", "3.00", "6", "0", "4.5", " 3 ", "４", "A4", "そう思う", "x",
    ]
    let professions = ["医師", "看護師", "訪問看護師", "ケアマネジャー", "Nurse", "薬剤師 ", "", "その他の職種"]
    let multiple = [
      "退院支援", "退院支援;急変時の対応", "", "地域の資源, 退院支援", "その他", "謎の選択肢", "退院支援;自由な記述",
    ]
    let single = ["はい", "いいえ", "わからない", "", "1", "2.0", "たぶん"]
    let numbers = ["6", "12.5", "", "-3", "1,000", "abc", "250", "0"]
    let texts = [
      "", "参考になった。", "引用\"符\"あり", "カンマ,あり", "改行\nあり", "'=1+1", "-特になし", "  前後空白  ",
      "\u{3000}全角空白\u{3000}", "😀", "=SUM(A1)",
    ]
    var lines = ["participant,prof,q1,q2,q3.before,q3.now,q4,q5,q6,q7,q8,q9"]
    for row in 0..<rows {
      let roll = random.next() % 100
      if roll < 2 {
        lines.append(roll == 0 ? ",,,,,,,,,,," : " ,\u{3000}, ,,,,,,,,,")
        continue
      }
      let id = roll < 4 ? "D-7" : "D-\(row)"
      var cells = [id, pick(professions)]
      for _ in 0..<6 { cells.append(pick(points)) }
      cells += [pick(multiple), pick(single), pick(numbers), pick(texts)]
      if roll < 6 { cells = Array(cells.prefix(Int(random.next() % 12))) }
      lines.append(cells.map(quoted).joined(separator: ","))
    }
    if rows > 50 { lines.insert("D-x,医師,\"never closed,3", at: rows / 2) }
    return lines.joined(separator: random.next() % 2 == 0 ? "\n" : "\r\n") + "\n"
  }

  @Test func test_compactImport_matchesStringTable_onSeededMessyFiles() throws {
    var random = SplitMix(seed: 1_800)
    for round in 0..<12 {
      let text = Self.messyResponses(&random, rows: [0, 1, 40, 300, 1_500][round % 5])
      let survey = SampleSurveys.dayOne
      try Self.expectSameImport(Data(text.utf8), file: "messy\(round).csv", survey: survey)
      if round % 3 == 0 {
        try Self.expectSameImport(
          Data(TextEncoding.utf8BOMBytes) + Data(text.utf8), file: "bom\(round).csv", survey: survey)
      }
      // CP932, as Japanese Excel saves (the emoji is not in CP932: those answers are dropped).
      if round % 4 == 1, let cp932 = text.replacingOccurrences(of: "😀", with: "絵").data(using: .shiftJIS) {
        try Self.expectSameImport(cp932, file: "cp932-\(round).csv", survey: survey)
      }
    }
  }

  /// Chunks large enough for `CellMemo` to matter: spellings read once and then looked up by
  /// their bytes, columns that stop being looked up after the sample (free text that seldom
  /// repeats), more spellings than the memo keeps (a number per row), cells longer than it
  /// keeps, and LimeSurvey's `-oth-` beside its `[other]` text. The strings table (no memo) is
  /// the reference.
  @Test func test_compactImport_withLargeChunks_matchesStringTable() throws {
    var random = SplitMix(seed: 2_026)
    let text = Self.messyResponses(&random, rows: 6_000)
    for chunk in [600, 4_096, 100_000] {
      try Self.expectSameImport(
        Data(text.utf8), file: "large.csv", survey: SampleSurveys.dayOne, compactRowsPerChunk: chunk)
    }
    // Every row a new number (q8) and a new or long text (q9): past the memo's limits.
    var lines = ["participant,prof,q1,q2,q3.before,q3.now,q4,q5,q6,q7,q8,q9"]
    let long = String(repeating: "長い自由記述", count: 20)
    for row in 0..<3_000 {
      let note = row % 3 == 0 ? long : row % 3 == 1 ? "感想\(row)" : "特になし"
      let profession = row % 2 == 0 ? "看護師" : "医師 "
      lines.append(
        "D-\(row),\(profession),\(row % 5 + 1),そう思う,4.0,A\(row % 6),5,3,2,退院支援;謎の選択肢,\(row),\(note)")
    }
    try Self.expectSameImport(
      Data((lines.joined(separator: "\n") + "\n").utf8), file: "distinct.csv", survey: SampleSurveys.dayOne,
      compactRowsPerChunk: 4_096)
    // Free text drawn from 1,500 answers (the benchmark has ~1,700): more spellings than a
    // choice column's memo keeps, repeated often enough for a text column's; then from 6,000,
    // more than that keeps. Some with white space around them, which is trimmed after the memo.
    for distinct in [1_500, 6_000] {
      var rows = ["participant,prof,q1,q2,q3.before,q3.now,q4,q5,q6,q7,q8,q9"]
      for row in 0..<9_000 {
        let pick = Int(random.next() % UInt64(distinct))
        let note = pick % 7 == 0 ? " 回答\(pick)　" : "研修の感想その\(pick)。"
        rows.append("T-\(row),看護師,\(row % 5 + 1),そう思う,4,5,5,3,2,退院支援,\(row % 9),\(note)")
      }
      try Self.expectSameImport(
        Data((rows.joined(separator: "\n") + "\n").utf8), file: "text-\(distinct).csv",
        survey: SampleSurveys.dayOne, compactRowsPerChunk: 8_192)
    }
    // LimeSurvey's code style: `-oth-` in the question's column, the text in `[other]`.
    var lime = ["id,submitdate,lastpage,startlanguage,seed,q1,q1[other],q2"]
    for row in 0..<2_000 {
      let (choice, other) = [("-oth-", "居宅介護支援事業所"), ("A1", ""), ("その他", "訪問看護"), ("A2", "")][row % 4]
      lime.append("\(row),2026-04-18 16:00:00,2,ja,1,\(choice),\(other),A\(row % 5 + 1)")
    }
    for includeIncomplete in [false, true] {
      try Self.expectSameImport(
        Data((lime.joined(separator: "\n") + "\n").utf8), file: "lime.csv",
        survey: ExportQuirkTests.limeSurvey,
        includeIncomplete: includeIncomplete, compactRowsPerChunk: 4_096)
    }
  }
}
