import Foundation
import KenshuModel

extension ResponseSet {
  /// Adds the rows of one file. Every row is accounted for: used, or rejected with a reason
  /// (no answers at all; a participant id already seen). Unknown or out-of-range values are
  /// reported by row and column and excluded from that item only.
  ///
  /// The table is consumed: a large file's cells are let go before its answers are moved into
  /// the set, so that the two are not held at once.
  public mutating func add(_ table: consuming ResponseTable, map: ColumnMap = ColumnMap()) -> [Diagnostic] {
    add(table, map: map, rowsPerChunk: RowInterpreter.rowsPerChunk)
  }

  /// `add(_:map:)` with a chosen chunk size; the result must not depend on it (tests vary it).
  mutating func add(_ table: consuming ResponseTable, map: ColumnMap, rowsPerChunk: Int) -> [Diagnostic] {
    let file = table.file
    let header = table.header
    let plan = ColumnPlan(header: table.header, survey: survey, map: map, file: table.file)
    var diagnostics = plan.diagnostics
    let interpreter = RowInterpreter(plan: plan, survey: survey)
    var account = RowAccount(
      file: table.file, format: plan.format.rawValue, read: table.rowCount + table.unreadableLines.count,
      used: 0,
      rejected: table.unreadableLines.map { .init(line: $0, reason: "CSVとして読めない行 / unreadable CSV record") },
      excludedValues: 0)
    var seenParticipants: [String: Int] = [:]
    for (row, participant) in participants.enumerated() {
      if let participant { seenParticipants[participant] = row }
    }
    let participantColumn = interpreter.participantColumn
    // LimeSurvey keeps responses that were started and abandoned; they have no submitdate.
    let submitColumn =
      plan.format == .limeSurvey && !includeIncomplete
      ? table.header.map(matchKey).firstIndex(of: "submitdate") : nil
    var incomplete = 0
    // When each used row was submitted, read after the loop: the day/month order is decided
    // from the whole column.
    let keys = table.header.map(matchKey)
    let timeColumn = plan.format.submissionTimeKeys.lazy.compactMap { keys.firstIndex(of: $0) }.first
    var submissionTimes: [(line: Int, text: String)] = []

    // Value problems: the first few per column in full, then one summary, so that a wrongly
    // mapped column does not bury everything else (the accounting still counts them all).
    var problemsPerColumn: [Int: Int] = [:]
    func report(column: Int, _ diagnostic: () -> Diagnostic) {
      problemsPerColumn[column, default: 0] += 1
      if problemsPerColumn[column, default: 0] <= Self.detailedProblemsPerColumn {
        diagnostics.append(diagnostic())
      }
    }

    // Rows are interpreted concurrently; everything that depends on their order happens here,
    // in file order, exactly as if they had been read one by one.
    let columns = AnswerColumns(
      items: survey.items.count, retrospectiveItems: interpreter.retrospectiveItems, rows: table.rowCount,
      rowsPerChunk: rowsPerChunk)
    let countBefore = participants.count
    var kept = [Bool](repeating: false, count: table.rowCount)
    var rowIndex = 0
    for chunk in interpreter.interpret(table, into: columns) {
      for row in chunk.rows {
        defer { rowIndex += 1 }
        switch row.kind {
        case .empty:
          account.rejected.append(.init(line: row.line, reason: "回答なし / no answers"))
          // Column -1 collects empty rows, summarised like value problems (Excel leaves many).
          report(column: -1) {
            .warning(
              Catalogue.evaluationRowEmpty, (),
              at: SourceLocation(file: table.file, line: row.line, column: 1))
          }
        case .answered(let participant):
          if let submitColumn {
            let cells = table.row(rowIndex)
            if submitColumn >= cells.count || trimmedCell(cells.text(submitColumn)).isEmpty {
              incomplete += 1
              account.rejected.append(
                .init(line: row.line, reason: "未完了（submitdate が空） / incomplete response (no submitdate)"))
              continue
            }
          }
          if let participant, seenParticipants[participant] != nil {
            account.rejected.append(
              // The row number locates it; the id stays out of the report, which may be shared.
              .init(line: row.line, reason: "参加者ID重複 / duplicate participant id"))
            diagnostics.append(
              .warning(
                Catalogue.evaluationDuplicateParticipant, participant,
                at: SourceLocation(file: table.file, line: row.line, column: (participantColumn ?? 0) + 1)))
            continue
          }
          kept[rowIndex] = true
          for problem in chunk.problems[row.problemRange] {
            account.excludedValues += 1
            report(column: problem.column) {
              Self.diagnostic(
                problem.problem, item: survey.items[problem.item],
                at: SourceLocation(file: table.file, line: problem.line, column: problem.column + 1))
            }
          }
          if let participant { seenParticipants[participant] = participants.count }
          participants.append(participant)
          account.used += 1
          if let timeColumn, case let cells = table.row(rowIndex), timeColumn < cells.count {
            let text = trimmedCell(cells.text(timeColumn))
            if !text.isEmpty { submissionTimes.append((row.line, text)) }
          }
        }
      }
    }
    // Every cell has been read: the file's bytes and field positions can go (70 MB for
    // 100,000 × 41 cells) before the answers are moved.
    _ = consume table
    let keptCount = participants.count - countBefore
    if keptCount > 0 {
      for item in answers.indices {
        let column = columns.takeAnswers(item: item, kept: kept, keptCount: keptCount)
        if answers[item].isEmpty { answers[item] = column } else { answers[item].append(contentsOf: column) }
      }
      for item in interpreter.retrospectiveItems {
        // Responses from earlier files that had no "before" column count as unanswered.
        let missing = countBefore - (before[item]?.count ?? 0)
        if missing > 0 { before[item, default: []].append(contentsOf: repeatElement(nil, count: missing)) }
        before[item, default: []].append(
          contentsOf: columns.takeBefore(item: item, kept: kept, keptCount: keptCount))
      }
    }
    if let timeColumn, !submissionTimes.isEmpty {
      let order = SubmissionTime.DateOrder.of(submissionTimes.lazy.map(\.text))
      var first: SubmissionTime?
      var last: SubmissionTime?
      for (line, text) in submissionTimes {
        guard let time = SubmissionTime(text, order: order) else {
          // Column -2 collects unreadable times; the row itself is still used.
          report(column: -2) {
            .warning(
              Catalogue.evaluationTimestampUnreadable, text,
              at: SourceLocation(file: file, line: line, column: timeColumn + 1))
          }
          continue
        }
        if first.map({ time < $0 }) ?? true { first = time }
        if last.map({ $0 < time }) ?? true { last = time }
      }
      account.firstSubmitted = first?.isoDate
      account.lastSubmitted = last?.isoDate
    }
    if let unreadable = problemsPerColumn.removeValue(forKey: -2), unreadable > Self.detailedProblemsPerColumn
    {
      diagnostics.append(
        .warning(
          Catalogue.evaluationTimestampsUnreadableSummary,
          (unreadable - Self.detailedProblemsPerColumn, unreadable),
          at: SourceLocation(file: file, line: 1, column: (timeColumn ?? 0) + 1)))
    }
    if let empty = problemsPerColumn.removeValue(forKey: -1), empty > Self.detailedProblemsPerColumn {
      diagnostics.append(
        .warning(
          Catalogue.evaluationRowsEmptySummary, (empty - Self.detailedProblemsPerColumn, empty),
          at: SourceLocation(file: file)))
    }
    for (column, count) in problemsPerColumn.sorted(by: { $0.key < $1.key })
    where count > Self.detailedProblemsPerColumn {
      let header = column < header.count ? header[column] : "#\(column + 1)"
      diagnostics.append(
        .warning(
          Catalogue.evaluationValuesExcludedSummary, (header, count - Self.detailedProblemsPerColumn, count),
          at: SourceLocation(file: file, line: 1, column: column + 1)))
    }
    if incomplete > 0 {
      diagnostics.append(
        .note(Catalogue.evaluationIncompleteExcluded, incomplete, at: SourceLocation(file: file)))
    }
    account.rejected.sort { $0.line < $1.line }
    accounts.append(account)
    return diagnostics
  }

  /// Value problems reported one by one per column before they are summarised.
  static let detailedProblemsPerColumn = 20

  /// Cell values meaning "this option was chosen" / "not chosen" in one-column-per-option exports.
  static let chosenMarks: Set<String> = ["y", "yes", "1", "true", "はい", "○", "◯", "✓", "✔", "選択"]
  static let notChosenMarks: Set<String> = ["n", "no", "0", "false", "いいえ", "-", "×"]

  static func diagnostic(_ problem: ValueProblem, item: SurveyItem, at location: SourceLocation) -> Diagnostic
  {
    switch problem {
    case .unknown(let text):
      .warning(Catalogue.evaluationValueUnknown, (item.id, text), at: location)
    case .outOfRange(let text):
      .warning(Catalogue.evaluationValueOutOfRange, (item.id, text), at: location)
    case .notWhole(let text):
      .warning(Catalogue.evaluationValueNotWhole, (item.id, text), at: location)
    }
  }
}
