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

  var isEmpty: Bool { texts.isEmpty }
}
