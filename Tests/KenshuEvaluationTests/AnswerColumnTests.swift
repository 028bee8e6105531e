import KenshuModel
import Testing

@testable import KenshuEvaluation

/// `AnswerColumn` stores answers as 4-byte codes with a side list; these pin that it reads back
/// exactly the `[Answer?]` it was given, whatever the mix, and that the concurrent writer
/// (`AnswerColumns`) yields the same column as appending the kept rows one by one.
@Suite struct AnswerColumnTests {
  static func randomAnswer(_ generator: inout SplitMix) -> Answer? {
    let roll = generator.next()
    switch roll % 11 {
    case 0, 1: return nil
    case 2, 3: return .point(Int(roll / 11 % 7))
    case 4, 5: return .option(Int(roll / 11 % 12))
    case 6: return .other("その他 \(roll % 97)")
    case 7: return .options([0, Int(roll / 11 % 5) + 1], other: roll % 2 == 0 ? nil : "資料")
    case 8: return .number(Double(Int64(bitPattern: roll)) / 1e6)
    case 9: return .text(roll % 3 == 0 ? "" : "自由記述 \"\(roll % 1000)\"\n改行")
    // Values outside what a code holds are boxed like texts.
    default:
      return roll % 2 == 0
        ? .point(-Int(roll % 5) - 1) : .option(Int(AnswerColumn.payloadMask) + 1 + Int(roll % 9))
    }
  }

  @Test func test_answerColumn_readsBackEveryKindOfAnswerInOrder() {
    var generator = SplitMix(seed: 18)
    for length in [0, 1, 2, 17, 1_000] {
      let answers = (0..<length).map { _ in Self.randomAnswer(&generator) }
      let column = AnswerColumn(answers)
      #expect(column.count == answers.count)
      #expect(column == answers)
      #expect(Array(column) == answers)
      for index in answers.indices {
        if case .point(let point)? = answers[index] { #expect(column.point(at: index) == point) }
        if case .option(let option)? = answers[index] { #expect(column.option(at: index) == option) }
      }
      let more = (0..<(length / 2 + 3)).map { _ in Self.randomAnswer(&generator) }
      var joined = column
      joined.append(contentsOf: AnswerColumn(more))
      #expect(joined == answers + more)
      #expect(joined == AnswerColumn(answers + more))
      #expect(joined.hashValue == AnswerColumn(answers + more).hashValue)
    }
  }

  @Test func test_answerColumns_keptRowsMatchAppendingThemInOrder() {
    var generator = SplitMix(seed: 1_806)
    for (rows, rowsPerChunk) in [(0, 4), (1, 1), (50, 7), (300, 64), (257, 256)] {
      let columns = AnswerColumns(items: 2, retrospectiveItems: [1], rows: rows, rowsPerChunk: rowsPerChunk)
      var expected: [[Answer?]] = [[], []]
      var expectedBefore: [Int?] = []
      var kept = [Bool](repeating: false, count: rows)
      for row in 0..<rows {
        kept[row] = generator.next() % 4 != 0
        for item in 0..<2 {
          // Written twice, as a row's options and "other" columns are merged: the last one counts.
          columns.setAnswer(Self.randomAnswer(&generator), item: item, row: row)
          let answer = Self.randomAnswer(&generator)
          columns.setAnswer(answer, item: item, row: row)
          #expect(columns.answer(item: item, row: row) == answer)
          if kept[row] { expected[item].append(answer) }
        }
        let before = generator.next() % 3 == 0 ? nil : Int(generator.next() % 5) + 1
        columns.setBefore(before, item: 1, row: row)
        if kept[row] { expectedBefore.append(before) }
      }
      let keptCount = kept.filter { $0 }.count
      for item in 0..<2 {
        #expect(columns.takeAnswers(item: item, kept: kept, keptCount: keptCount) == expected[item])
      }
      #expect(columns.takeBefore(item: 1, kept: kept, keptCount: keptCount) == expectedBefore)
      #expect(
        columns.takeBefore(item: 0, kept: kept, keptCount: keptCount)
          == Array(repeating: nil, count: keptCount))
    }
  }
}

@Suite struct AnswerColumnSharingTests {
  /// Texts are shared within a chunk by their bytes, never by `String`'s canonical equality:
  /// "é" typed precomposed and decomposed stay as typed.
  @Test func test_sharedTexts_keepEachSpellingsBytes() throws {
    let spellings = ["\u{E9}", "e\u{301}", "\u{E9}", "なし", "なし", "e\u{301}"]
    let columns = AnswerColumns(items: 1, retrospectiveItems: [], rows: spellings.count * 2, rowsPerChunk: 4)
    for (row, text) in (spellings + spellings).enumerated() {
      columns.setAnswer(row % 2 == 0 ? .text(text) : .other(text), item: 0, row: row)
    }
    let column = columns.takeAnswers(
      item: 0, kept: Array(repeating: true, count: spellings.count * 2), keptCount: spellings.count * 2)
    for (row, text) in (spellings + spellings).enumerated() {
      switch column[row] {
      case .text(let read)? where row % 2 == 0: #expect(Array(read.utf8) == Array(text.utf8))
      case .other(let read)? where row % 2 == 1: #expect(Array(read.utf8) == Array(text.utf8))
      default: Issue.record("row \(row): \(String(describing: column[row]))")
      }
    }
  }
}

@Suite struct ASCIIMatchKeyTests {
  /// The byte-level fold of ASCII ids equals `matchKey` on every ASCII text; other texts fall
  /// back to `matchKey`.
  @Test func test_asciiMatchKey_equalsMatchKey_onEveryASCIIText() {
    var generator = SplitMix(seed: 0x41)
    let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    for length in 0..<400 {
      let text = String((0..<(length % 12)).map { _ in ascii[Int(generator.next() % 128)] })
      #expect(asciiMatchKey(text) == matchKey(text), "\(Array(text.utf8))")
    }
    for text in ["Anonymous", "N/A", " P-001 ", "a\r\nb", "ANONYMOUS USER", "tab\there"] {
      #expect(asciiMatchKey(text) == matchKey(text))
    }
    #expect(asciiMatchKey("匿名") == nil)
    #expect(asciiMatchKey("ｐ１") == nil)
  }
}
