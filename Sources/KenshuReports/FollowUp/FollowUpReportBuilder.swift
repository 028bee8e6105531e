import KenshuModel
import KenshuRosters

extension FollowUpReport {
  /// The follow-up report of `programme` from the project's `<followup>` records and the roster
  /// of its graduates (`Project.followUpRoster(of:)`); nil when there is no such roster.
  ///
  /// - Parameters:
  ///   - by: `.prefecture` or `.region` (地方区分).
  ///   - fiscalYear: only trainings dated April `fiscalYear` to March `fiscalYear + 1`; nil for all.
  ///   - shareable: a copy to pass on: no names, no list of trainings, small counts suppressed.
  public init?(
    project: Project, programme: String, by key: SummaryKey = .prefecture, fiscalYear: Int? = nil,
    shareable: Bool = false, minCell: Int = 5
  ) {
    guard let roster = project.followUpRoster(of: programme) else { return nil }
    let record = project.followUp(of: programme)
    let trainings = record.trainings.filter { training in
      guard let fiscalYear else { return true }
      return training.date.map { FiscalYear.contains($0, year: fiscalYear) } ?? false
    }
    .sorted(by: FollowUpXMLWriter.chronological)
    let people = Dictionary(roster.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let named = Set(trainings.flatMap(\.graduates))
    let graduates = roster.people.filter { $0.hasCompleted(programme) || named.contains($0.id) }
    let ran = Set(trainings.flatMap(\.graduates)).intersection(graduates.map(\.id))

    let classifier = SummaryClassifier()
    func area(_ prefecture: String?) -> SummaryCategory {
      classifier.categories(
        of: Person(id: "", name: "", profession: .other, prefecture: prefecture), by: key)[0]
    }
    // Where a training was held: its prefecture, else its first graduate's.
    func prefecture(of training: LocalTraining) -> String? {
      if let prefecture = training.prefecture { return prefecture }
      return training.graduates.lazy.compactMap { people[$0]?.prefecture }.first
    }
    func place(_ training: LocalTraining) -> SummaryCategory { area(prefecture(of: training)) }
    let ranColumn = SummaryCategory(key: "ran", label: "実施した", order: 0)
    let notColumn = SummaryCategory(key: "not-ran", label: "実施なし", order: 1)
    let unknownProfession = SummaryCategory(key: "unknown", label: "職種不明", order: 10_000)

    let graduatesCross = Self.crossTab(
      rows: key, columns: .stage,
      graduates.map { (area($0.prefecture), ran.contains($0.id) ? ranColumn : notColumn, 1) },
      allColumns: [ranColumn, notColumn])
    var reachedEntries: [(SummaryCategory, SummaryCategory, Int)] = []
    for training in trainings {
      let row = place(training)
      for count in training.reached where count.count > 0 {
        reachedEntries.append(
          (
            row,
            classifier.categories(
              of: Person(id: "", name: "", profession: count.profession), by: .profession)[0],
            count.count
          ))
      }
      if training.unknownProfession > 0 {
        reachedEntries.append((row, unknownProfession, training.unknownProfession))
      }
    }
    let reachedCross = Self.crossTab(rows: key, columns: .profession, reachedEntries)
    var trainingsByArea: [SummaryCategory: Int] = [:]
    for training in trainings { trainingsByArea[place(training), default: 0] += 1 }
    let areaRows = Set(graduatesCross.rows + reachedCross.rows + trainingsByArea.keys).sorted()
    let trainingsSummary = RosterSummary(
      key: key, total: trainings.count,
      rows: areaRows.map {
        let count = trainingsByArea[$0] ?? 0
        return SummaryRow(
          key: $0.key, label: $0.label, count: count, percent: Percent(count: count, of: trainings.count))
      })

    // The shareable copy: each table protected on its own by the audited rules of the public
    // summaries; the organiser copy shows every count.
    let publishedGraduates =
      shareable && !graduatesCross.rows.isEmpty ? PublicCrossTab(graduatesCross, threshold: minCell) : nil
    let publishedReached =
      shareable && !reachedCross.rows.isEmpty ? PublicCrossTab(reachedCross, threshold: minCell) : nil
    let publishedTrainings = shareable ? PublicSummary(trainingsSummary, threshold: minCell) : nil
    let graduatesTable = ProgrammeReport.CountTable(
      graduatesCross, rowKey: key.rawValue, columnKey: "ran-local-training", published: publishedGraduates,
      minCell: minCell)
    let reachedTable = ProgrammeReport.CountTable(
      reachedCross, rowKey: key.rawValue, columnKey: "profession", published: publishedReached,
      minCell: minCell)

    self.graduatesTable = graduatesTable
    self.reachedTable = reachedTable
    areas = areaRows.enumerated().map { index, category in
      let g = graduatesCross.rows.firstIndex(of: category)
      let r = reachedCross.rows.firstIndex(of: category)
      let graduates = g.flatMap { graduatesTable.rowTotals[$0] } ?? (g == nil ? 0 : nil)
      let ranTraining = g.flatMap { graduatesTable.cells[$0][0] } ?? (g == nil ? 0 : nil)
      let trainings =
        publishedTrainings.map { $0.rows[index].count } ?? trainingsSummary.rows[index].count
      let reached = r.flatMap { reachedTable.rowTotals[$0] } ?? (r == nil ? 0 : nil)
      return Area(
        key: category.key, label: category.label, graduates: graduates, ranTraining: ranTraining,
        rate: Self.share(ranTraining, of: graduates), trainings: trainings, reached: reached)
    }
    let kindCounts: [(LocalTrainingKind, Int, Int)] = LocalTrainingKind.allCases.map { kind in
      let ofKind = trainings.filter { $0.kind == kind }
      return (kind, ofKind.count, ofKind.reduce(0) { $0 + $1.totalParticipants })
    }.filter { $0.1 > 0 }
    let totalReached = trainings.reduce(0) { $0 + $1.totalParticipants }
    if shareable {
      let byKind = PublicSummary(
        RosterSummary(
          key: .profession, total: trainings.count,
          rows: kindCounts.map {
            SummaryRow(
              key: $0.0.rawValue, label: $0.0.japaneseLabel, count: $0.1,
              percent: Percent(count: $0.1, of: trainings.count))
          }), threshold: minCell)
      let reachedByKind = PublicSummary(
        RosterSummary(
          key: .profession, total: totalReached,
          rows: kindCounts.map {
            SummaryRow(
              key: $0.0.rawValue, label: $0.0.japaneseLabel, count: $0.2,
              percent: Percent(count: $0.2, of: totalReached))
          }), threshold: minCell)
      kinds = kindCounts.indices.map {
        Kind(
          kind: kindCounts[$0].0.rawValue, label: kindCounts[$0].0.japaneseLabel,
          trainings: byKind.rows[$0].count,
          reached: reachedByKind.rows[$0].count)
      }
    } else {
      kinds = kindCounts.map {
        Kind(kind: $0.0.rawValue, label: $0.0.japaneseLabel, trainings: $0.1, reached: $0.2)
      }
    }

    self.programme = programme
    title = project.programme(programme)?.title ?? Self.cohortTitle(roster.title) ?? programme
    self.roster = roster.id
    by = key.rawValue
    self.fiscalYear = fiscalYear
    let dates = trainings.compactMap(\.date)
    firstDate = dates.min()
    lastDate = dates.max()
    self.graduates = graduatesTable.total
    let ranTotal = graduatesTable.columnTotals.first ?? (graduates.isEmpty ? 0 : nil)
    ranTraining = ranTotal
    rate = Self.share(ranTotal, of: graduatesTable.total)
    self.trainings = trainings.count
    reached = totalReached
    trainingList =
      shareable
      ? []
      : trainings.map { training in
        Training(
          id: training.id, date: training.date,
          prefecture: prefecture(of: training),
          municipality: training.municipality, kind: training.kind.japaneseLabel, title: training.title,
          graduates: training.graduates.map { (id: String) -> String in
            guard let person = people[id] else { return id }
            return "\(person.name) (\(id))"
          },
          coInstructors: training.coInstructors, participants: training.totalParticipants)
      }
    reportedWithoutRecord =
      shareable
      ? nil
      : graduates.filter { person in
        !ran.contains(person.id)
          && person.progress.contains { $0.programme == programme && $0.ranLocalTraining == true }
      }.count
    self.shareable = shareable
    suppressed =
      graduatesTable.suppressed + reachedTable.suppressed
      + (publishedTrainings?.rows.filter { $0.count == nil }.count ?? 0)
    self.minCell = shareable ? minCell : nil
  }

  /// A roster's title as the cohort's name: 「令和4年度 …事業 受講者名簿」 without 受講者名簿.
  static func cohortTitle(_ title: String?) -> String? {
    guard var title, !title.isEmpty else { return nil }
    for suffix in ["受講者名簿", "修了者名簿", "名簿"] where title.hasSuffix(suffix) {
      title = String(title.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
      break
    }
    return title.isEmpty ? nil : title
  }

  static func share(_ part: Int?, of whole: Int?) -> Double? {
    guard let part, let whole, whole > 0 else { return nil }
    return Double(part) / Double(whole)
  }

  /// A count table from (row, column, count) entries: only rows with a count appear; columns in
  /// `allColumns` always appear (so "実施なし" shows even at 0), others only with a count.
  static func crossTab(
    rows rowKey: SummaryKey, columns columnKey: SummaryKey,
    _ entries: [(SummaryCategory, SummaryCategory, Int)],
    allColumns: [SummaryCategory] = []
  ) -> RosterCrossTab {
    var cells: [SummaryCategory: [SummaryCategory: Int]] = [:]
    var columnSet = Set(allColumns)
    for (row, column, count) in entries {
      cells[row, default: [:]][column, default: 0] += count
      columnSet.insert(column)
    }
    var table = RosterCrossTab(people: [], rows: rowKey, columns: columnKey)
    table.rows = cells.keys.sorted()
    table.columns = columnSet.sorted()
    table.counts = table.rows.map { row in table.columns.map { cells[row]?[$0] ?? 0 } }
    table.rowTotals = table.counts.map { $0.reduce(0, +) }
    table.columnTotals = table.columns.indices.map { c in table.counts.reduce(0) { $0 + $1[c] } }
    table.total = table.rowTotals.reduce(0, +)
    return table
  }
}

extension ProgrammeReport.CountTable {
  /// The published form of `table`: every count, or — with `published` (the shareable copy) —
  /// nil for each count the audited suppression hides.
  init(_ table: RosterCrossTab, rowKey: String, columnKey: String, published: PublicCrossTab?, minCell: Int) {
    self.rowKey = rowKey
    self.columnKey = columnKey
    rowLabels = table.rows.map(\.label)
    columnLabels = table.columns.map(\.label)
    guard let published else {
      cells = table.counts.map { $0.map { Optional($0) } }
      rowTotals = table.rowTotals
      columnTotals = table.columnTotals
      total = table.total
      suppressed = 0
      self.minCell = nil
      return
    }
    cells = table.counts.indices.map { r in
      table.counts[r].indices.map { published.count(row: r, column: $0) }
    }
    rowTotals = table.rowTotals.indices.map(published.rowTotal)
    columnTotals = table.columnTotals.indices.map(published.columnTotal)
    total = published.total
    suppressed =
      published.hidden.joined().filter { $0 }.count + published.hiddenRowTotals.filter { $0 }.count
      + published.hiddenColumnTotals.filter { $0 }.count + (published.hiddenTotal ? 1 : 0)
    self.minCell = minCell
  }
}
