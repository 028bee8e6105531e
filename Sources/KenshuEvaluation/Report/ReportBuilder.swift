import KenshuModel

extension EvaluationReport {
  /// Computes every figure from the responses of one survey, and optionally a pre/post pair of
  /// response sets of a test (paired by participant id).
  ///
  /// - Parameters:
  ///   - by: item id (or `profession`) of a single-choice/profession item to break down by.
  ///   - minCell: cells with 1 ≤ n < minCell are suppressed in breakdowns.
  public init(
    responses set: ResponseSet, pre: ResponseSet? = nil, post: ResponseSet? = nil, by: String? = nil,
    minCell: Int = 5
  ) {
    let survey = set.survey
    self.survey = SurveyInfo(
      id: survey.id, title: survey.title, kind: survey.kind.rawValue,
      language: survey.language.isEmpty ? nil : survey.language)
    let used = set.count
    responses = Responses(
      used: used, invited: survey.invited,
      rate: survey.invited.flatMap { $0 > 0 ? Double(used) / Double($0) : nil },
      files: (set.accounts + (pre?.accounts ?? []) + (post?.accounts ?? [])).reduce(into: []) {
        files, account in
        // The post-test set may also be the main set (evaluate() with only --pre/--post).
        if !files.contains(account) { files.append(account) }
      })
    self.minCell = minCell
    let keywords = KeywordCache()
    items = survey.items.indices.concurrentMap {
      EvaluationReport.itemFigures(set: set, index: $0, keywords: keywords)
    }
    prePost = survey.items.indices.compactMap { EvaluationReport.retrospective(set: set, index: $0) }
    measures = survey.measures.concurrentMap { EvaluationReport.measureFigures(set: set, measure: $0) }
    breakdowns = []
    breakdownsOmitted = []
    unmatched = nil
    if let by, let groupIndex = EvaluationReport.groupingItem(by, in: survey) {
      let tables = survey.items.indices.concurrentMap { index in
        index == groupIndex
          ? nil : EvaluationReport.breakdown(set: set, item: index, by: groupIndex, minCell: minCell)
      }.compactMap { $0 }
      for table in tables {
        switch table {
        case .published(let breakdown): breakdowns.append(breakdown)
        case .omitted(let item): breakdownsOmitted.append(item)
        }
      }
    }
    if let pre, let post {
      let pairing = PrePostPairing(pre: pre, post: post)
      prePost += pairing.figures
      unmatched = pairing.unmatched
    }
  }

  /// The item to group by: an item id, or `profession` for the survey's profession item.
  static func groupingItem(_ by: String, in survey: Survey) -> Int? {
    if let index = survey.items.firstIndex(where: { $0.id == by }) {
      let type = survey.items[index].type
      return type == .single || type == .profession ? index : nil
    }
    if by == "profession" { return survey.items.firstIndex { $0.type == .profession } }
    return nil
  }

  static func percent(_ count: Int, of n: Int) -> Double? { n > 0 ? 100 * Double(count) / Double(n) : nil }

  static func itemFigures(set: ResponseSet, index: Int, keywords: KeywordCache? = nil) -> Item {
    let survey = set.survey
    let item = survey.items[index]
    let answers = set.answers[index]
    let categories = survey.categories(of: item)
    var figures = Item(
      id: item.id, type: item.type.rawValue, text: item.text, level: item.level?.rawValue,
      levelLabel: item.level?.japaneseLabel, n: 0, missing: 0, counts: [])
    var counts = [Int](repeating: 0, count: categories.count)
    var others: [String] = []
    var numbers: [Double] = []
    var texts: [String] = []
    var n = 0
    for answer in answers {
      guard let answer else { continue }
      n += 1
      switch answer {
      case .point(let point): if point >= 1 && point <= counts.count { counts[point - 1] += 1 }
      case .option(let option): if option < counts.count { counts[option] += 1 }
      case .other(let text): others.append(text)
      case .options(let chosen, let other):
        for option in chosen where option < counts.count { counts[option] += 1 }
        if let other { others.append(other) }
      case .number(let value): numbers.append(value)
      case .text(let text): texts.append(text)
      }
    }
    figures.n = n
    figures.missing = answers.count - n
    figures.counts = zip(categories, counts).map {
      CategoryCount(label: $0.0, count: $0.1, percent: percent($0.1, of: n))
    }
    // An option already called その他/other absorbs the free-text answers; else a row is added.
    let otherOption = figures.counts.firstIndex { ["その他", "other"].contains(matchKey($0.label)) }
    if !others.isEmpty || item.allowOther {
      if let otherOption {
        figures.counts[otherOption].count += others.count
        figures.counts[otherOption].percent = percent(figures.counts[otherOption].count, of: n)
      } else {
        figures.counts.append(
          CategoryCount(
            label: MessageLanguage(tag: survey.language) == .en ? "Other" : "その他", count: others.count,
            percent: percent(others.count, of: n)))
      }
      figures.otherTexts = others
      figures.otherTally = TextTally(others)
    }
    switch item.type {
    case .likert:
      let points = categories.count
      let descriptive = Descriptive(pointCounts: counts)
      figures.points = points
      figures.reverse = item.reverse
      if item.retrospective {
        // The "before the training" answers of a then-test, for a second bar.
        var before = [Int](repeating: 0, count: points)
        for point in set.before[index] ?? [] {
          if let point, point >= 1 && point <= points { before[point - 1] += 1 }
        }
        let answered = before.reduce(0, +)
        figures.beforeCounts = zip(categories, before).map {
          CategoryCount(label: $0.0, count: $0.1, percent: percent($0.1, of: answered))
        }
      }
      figures.mean = finite(descriptive.mean)
      figures.sd = finite(descriptive.sd)
      figures.median = finite(descriptive.median)
      if points >= 4 {
        let top = counts.suffix(2).reduce(0, +)
        let proportion = Proportion(count: top, of: n)
        figures.top2box = finite(proportion.value)
        let interval = proportion.wilsonInterval()
        if let low = finite(interval.low), let high = finite(interval.high) {
          figures.top2boxCI = [low, high]
        }
      }
    case .multiple:
      // Most chosen first (ties in option order); その他 last, as tables conventionally show it.
      let isOther = { (count: CategoryCount) in ["その他", "other"].contains(matchKey(count.label)) }
      let ranked = figures.counts.enumerated().filter { !isOther($0.element) }
        .sorted {
          $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
        }
        .map(\.element)
      figures.counts = ranked + figures.counts.filter(isOther)
    case .numeric:
      let descriptive = Descriptive(numbers)
      figures.mean = finite(descriptive.mean)
      figures.sd = finite(descriptive.sd)
      figures.median = finite(descriptive.median)
      figures.minimum = numbers.min()
      figures.maximum = numbers.max()
      figures.histogram = HistogramBins.bins(numbers)
    case .text:
      let tally = TextTally(texts: answers)
      figures.texts = texts
      figures.textTally = tally
      figures.keywords = JapaneseKeywords.frequent(in: tally, cache: keywords)
      figures.keywordMethod = JapaneseKeywords.method
    case .single, .profession:
      break
    }
    return figures
  }

  static func retrospective(set: ResponseSet, index: Int) -> PrePost? {
    let item = set.survey.items[index]
    guard item.retrospective else { return nil }
    let before = set.before[index] ?? []
    var pre: [Double] = []
    var post: [Double] = []
    for (row, answer) in set.answers[index].enumerated() {
      guard case .point(let now)? = answer, row < before.count, let then = before[row] else { continue }
      pre.append(Double(then))
      post.append(Double(now))
    }
    return pairedFigures(
      id: item.id, text: item.text, kind: "retrospective", level: item.level, pre: pre, post: post)
  }

  static func pairedFigures(
    id: String, text: String, kind: String, level: EvaluationLevel?, pre: [Double], post: [Double]
  ) -> PrePost {
    let wilcoxon = WilcoxonSignedRank(x: post, y: pre)
    let t = PairedTTest(x: post, y: pre)
    return PrePost(
      id: id, text: text, kind: kind, level: level?.rawValue, pairs: pre.count,
      meanBefore: finite(Descriptive(pre).mean), meanAfter: finite(Descriptive(post).mean),
      meanChange: finite(t.meanDifference),
      wilcoxon: WilcoxonFigures(
        statistic: finite(wilcoxon.statistic), p: finite(wilcoxon.p), method: wilcoxon.method.rawValue,
        z: finite(wilcoxon.z)),
      tTest: TTestFigures(t: finite(t.t), df: finite(t.df), p: finite(t.p)),
      effectSize: EffectSize(r: finite(wilcoxon.r), rN: wilcoxon.nonZero, dz: finite(t.dz)))
  }

  static func measureFigures(set: ResponseSet, measure: Measure) -> MeasureFigures {
    let survey = set.survey
    let members = survey.items.indices.filter {
      survey.items[$0].measure == measure.id && survey.items[$0].type == .likert
    }
    let points = members.first.flatMap { survey.likertScale(of: survey.items[$0])?.points } ?? 5
    let reverse = Set(members.enumerated().filter { survey.items[$0.element].reverse }.map(\.offset))
    let alpha: CronbachAlpha
    let alphaIfDeleted: [Double]
    // Points as 4 bytes each; the `Double?` columns (16 bytes) only for points beyond 32 bits.
    if let columns = Self.pointColumns(set: set, items: members) {
      (alpha, alphaIfDeleted) = CronbachAlpha.withIfDeleted(points: columns, reverse: reverse, points: points)
    } else {
      let columns = Self.referencePointColumns(set: set, items: members)
      alpha = CronbachAlpha(columns: columns, reverse: reverse, points: points)
      alphaIfDeleted = CronbachAlpha.ifDeleted(columns: columns, reverse: reverse, points: points)
    }
    return MeasureFigures(
      id: measure.id, title: measure.title, items: members.map { survey.items[$0].id },
      reverseItems: members.filter { survey.items[$0].reverse }.map { survey.items[$0].id },
      completeCases: alpha.completeCases, cronbachAlpha: finite(alpha.alpha),
      alphaIfDeleted: alphaIfDeleted.map(finite))
  }

  /// The Likert points of `items` (`CronbachAlpha.missingPoint` where there is none), or nil
  /// when a point does not fit in 32 bits.
  static func pointColumns(set: ResponseSet, items: [Int]) -> [[Int32]]? {
    var columns: [[Int32]] = []
    for item in items {
      let answers = set.answers[item]
      var fits = true
      let column = [Int32](unsafeUninitializedCapacity: answers.count) { buffer, initialized in
        for row in answers.indices {
          let point = answers.point(at: row)
          if let point, point <= Int(Int32.max), point > Int(CronbachAlpha.missingPoint) {
            buffer[row] = Int32(point)
          } else {
            if point != nil { fits = false }
            buffer[row] = CronbachAlpha.missingPoint
          }
        }
        initialized = answers.count
      }
      guard fits else { return nil }
      columns.append(column)
    }
    return columns
  }

  /// The Likert points of `items` as `Double?`: the reference form of `pointColumns`.
  static func referencePointColumns(set: ResponseSet, items: [Int]) -> [[Double?]] {
    items.map { item in
      set.answers[item].map { answer -> Double? in
        if case .point(let point)? = answer { return Double(point) }
        return nil
      }
    }
  }

  /// A breakdown, or why it is not published.
  enum BreakdownTable: Sendable {
    case published(Breakdown)
    /// No suppression pattern protects it: item id.
    case omitted(String)
  }

  static func breakdown(set: ResponseSet, item: Int, by group: Int, minCell: Int) -> BreakdownTable? {
    let survey = set.survey
    let columns = survey.categories(of: survey.items[item])
    let rows = survey.categories(of: survey.items[group])
    guard !columns.isEmpty, !rows.isEmpty else { return nil }
    // One flat table, the group read from its option code: the nested `[[Int]]` checked both
    // arrays' uniqueness on every increment, and each pair was zipped as two `Answer?`
    // (403 M instructions for the 39 tables of 100,000 responses).
    let width = columns.count
    var flat = [Int](repeating: 0, count: rows.count * width)
    let groups = set.answers[group]
    let answers = set.answers[item]
    for index in 0..<min(groups.count, answers.count) {
      guard let row = groups.option(at: index), row < rows.count else { continue }
      let base = row * width
      // Points and options from their codes (no `Answer` made and destroyed); only the rest
      // (several options; other, number and text count for no category) are decoded.
      if let point = answers.point(at: index) {
        if point >= 1 && point <= width { flat[base + point - 1] += 1 }
      } else if let option = answers.option(at: index) {
        if option >= 0 && option < width { flat[base + option] += 1 }
      } else if case .options(let chosen, _)? = answers[index] {
        for option in chosen where option >= 0 && option < width { flat[base + option] += 1 }
      }
    }
    let counts = (0..<rows.count).map { Array(flat[$0 * width..<($0 + 1) * width]) }
    // Multiple choice: a row's cells may add up to more than its respondents, but no cell exceeds
    // the group's size, which the grouping item's own counts publish.
    var groupSizes = [Int](repeating: 0, count: rows.count)
    for index in groups.indices {
      if let row = groups.option(at: index), row < rows.count { groupSizes[row] += 1 }
    }
    let table = Crosstab(
      rowLabels: rows, columnLabels: columns, counts: counts, minCell: minCell,
      groupSizes: survey.items[item].type == .multiple ? groupSizes : nil)
    guard table.rowLabels.count >= 2 else { return nil }
    guard table.isPublishable else { return .omitted(survey.items[item].id) }
    let rowIndices = table.counts.indices
    return .published(
      Breakdown(
        item: survey.items[item].id, by: survey.items[group].id, rowLabels: table.rowLabels,
        columnLabels: table.columnLabels,
        cells: rowIndices.map { r in columns.indices.map { table.shownCount(row: r, column: $0) } },
        rowPercents: rowIndices.map { r in columns.indices.map { table.shownRowPercent(row: r, column: $0) }
        },
        suppressed: table.suppressed, rowTotals: table.rowTotals, columnTotals: table.columnTotals,
        total: table.total, minCell: minCell, suppressedCells: table.suppressedCount))
  }
}
