/// The distinct answers of a free-text item, in order of first appearance, with how many
/// respondents gave each. Computed once per item: the bigram figures and the report's answer
/// list both need it, and on 100,000 answers each pass over them costs.
struct TextTally: Sendable, Hashable {
  private(set) var texts: [String] = []
  private(set) var counts: [Int] = []

  init(_ answers: [String]) {
    var index: [ByteKey: Int] = [:]
    for answer in answers {
      let key = ByteKey(answer)
      if let position = index[key] {
        counts[position] += 1
      } else {
        index[key] = texts.count
        texts.append(key.text)
        counts.append(1)
      }
    }
  }

  /// The tally of the `.text` answers of `column`, in the same order as `init` of them gives:
  /// equal texts of a chunk of rows share one boxed answer, so each box is looked up once, not
  /// every answer (SipHash of every answer was 330 M instructions on 100,000 responses' five
  /// free-text items).
  init(texts column: AnswerColumn) {
    let unseen = -1
    let notText = -2
    var index: [ByteKey: Int] = [:]
    var positionOfBox = [Int](repeating: unseen, count: column.boxed.count)
    for code in column.codes where code & ~AnswerColumn.payloadMask == AnswerColumn.boxedKind {
      let box = Int(code & AnswerColumn.payloadMask)
      var position = positionOfBox[box]
      if position == unseen {
        if case .text(let text) = column.boxed[box] {
          let key = ByteKey(text)
          if let known = index[key] {
            position = known
          } else {
            position = texts.count
            index[key] = position
            texts.append(key.text)
            counts.append(0)
          }
        } else {
          position = notText
        }
        positionOfBox[box] = position
      }
      if position != notText { counts[position] += 1 }
    }
  }

  var isEmpty: Bool { texts.isEmpty }
}
