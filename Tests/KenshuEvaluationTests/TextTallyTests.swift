import Testing

@testable import KenshuEvaluation

/// `TextTally(texts:)` tallies a column by its boxed answers (shared by equal texts of a chunk);
/// the reference is `TextTally(_:)` of the column's `.text` answers in order, one by one.
@Suite struct TextTallyTests {
  @Test func test_tallyOfColumn_equalsTallyOfItsTexts_withSharedAndSeparateBoxes() {
    var generator = SplitMix(seed: 1_807)
    for round in 0..<60 {
      let distinct = [1, 3, 40, 500][round % 4]
      let rows = [0, 1, 10, 2_000][round / 4 % 4]
      // Equal texts in separate boxes (as from two chunks) and in one, canonically equivalent
      // spellings (equal as String, different bytes), other kinds of boxed answer in between.
      var boxed: [Answer] = []
      // By bytes, as `AnswerColumns` shares them (String's == joins equivalent spellings).
      var boxOf: [[UInt8]: UInt32] = [:]
      var codes: [UInt32] = []
      var texts: [String] = []
      for _ in 0..<rows {
        let roll = generator.next()
        switch roll % 6 {
        case 0: codes.append(0)
        case 1: codes.append(AnswerColumn.pointKind | UInt32(roll / 6 % 5 + 1))
        case 2:
          codes.append(AnswerColumn.boxedKind | UInt32(boxed.count))
          boxed.append(roll % 2 == 0 ? .other("その他") : .number(Double(roll % 100)))
        default:
          let pick = Int(roll / 6 % UInt64(distinct))
          let text = pick % 5 == 0 ? (pick % 2 == 0 ? "e\u{301}" : "\u{E9}") : "感想\(pick)。"
          texts.append(text)
          if roll % 3 == 0, let box = boxOf[Array(text.utf8)] {
            codes.append(AnswerColumn.boxedKind | box)
          } else {
            boxOf[Array(text.utf8)] = UInt32(boxed.count)
            codes.append(AnswerColumn.boxedKind | UInt32(boxed.count))
            boxed.append(.text(text))
          }
        }
      }
      let column = AnswerColumn(codes: codes, boxed: boxed)
      let reference = TextTally(texts)
      let tally = TextTally(texts: column)
      #expect(tally.texts.map { Array($0.utf8) } == reference.texts.map { Array($0.utf8) }, "round \(round)")
      #expect(tally.counts == reference.counts, "round \(round)")
    }
  }
}
