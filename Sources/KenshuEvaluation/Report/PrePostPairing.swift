import KenshuModel

/// Pairs a pre-test and a post-test by participant id and computes paired figures for every
/// Likert/numeric item both share, and for the knowledge score when items have correct answers.
struct PrePostPairing {
  var figures: [EvaluationReport.PrePost]
  var unmatched: EvaluationReport.Unmatched

  init(pre: ResponseSet, post: ResponseSet) {
    var preRows: [String: Int] = [:]
    for (row, id) in pre.participants.enumerated() { if let id { preRows[id] = row } }
    var postRows: [String: Int] = [:]
    for (row, id) in post.participants.enumerated() { if let id { postRows[id] = row } }
    let paired = post.participants.compactMap { id -> (Int, Int)? in
      guard let id, let preRow = preRows[id], let postRow = postRows[id] else { return nil }
      return (preRow, postRow)
    }
    unmatched = EvaluationReport.Unmatched(
      pre: pre.participants.compactMap { $0 }.filter { postRows[$0] == nil },
      post: post.participants.compactMap { $0 }.filter { preRows[$0] == nil },
      preWithoutId: pre.participants.filter { $0 == nil }.count,
      postWithoutId: post.participants.filter { $0 == nil }.count)

    var figures: [EvaluationReport.PrePost] = []
    // The knowledge score: number of items answered with the option marked correct.
    let keyed = pre.survey.items.indices.filter { pre.survey.items[$0].options.contains { $0.correct } }
    if !keyed.isEmpty {
      func score(_ set: ResponseSet, row: Int) -> Double {
        Double(
          keyed.filter { preIndex in
            let id = pre.survey.items[preIndex].id
            guard let index = set.survey.items.firstIndex(where: { $0.id == id }),
              case .option(let chosen)? = set.answers[index][row]
            else { return false }
            return set.survey.items[index].options.indices.contains(chosen)
              && set.survey.items[index].options[chosen].correct
          }.count)
      }
      figures.append(
        EvaluationReport.pairedFigures(
          id: "score", text: "知識テスト正答数 / knowledge test score", kind: "pre-post", level: .knowledgeSkills,
          pre: paired.map { score(pre, row: $0.0) }, post: paired.map { score(post, row: $0.1) }))
    }
    for (preIndex, item) in pre.survey.items.enumerated() where item.type == .likert || item.type == .numeric
    {
      guard let postIndex = post.survey.items.firstIndex(where: { $0.id == item.id }) else { continue }
      var before: [Double] = []
      var after: [Double] = []
      for (preRow, postRow) in paired {
        guard let a = Self.value(pre.answers[preIndex][preRow]),
          let b = Self.value(post.answers[postIndex][postRow])
        else { continue }
        before.append(a)
        after.append(b)
      }
      figures.append(
        EvaluationReport.pairedFigures(
          id: item.id, text: item.text, kind: "pre-post", level: item.level, pre: before, post: after))
    }
    self.figures = figures
  }

  static func value(_ answer: Answer?) -> Double? {
    switch answer {
    case .point(let point)?: Double(point)
    case .number(let number)?: number
    default: nil
    }
  }
}
