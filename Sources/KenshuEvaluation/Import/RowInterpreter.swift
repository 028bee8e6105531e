import KenshuModel

/// Reads the rows of one response file into answers, a chunk of rows at a time.
///
/// Interpreting a row depends only on the row itself, so chunks run on all cores; what depends
/// on the order of rows (duplicate participants, the per-column cap on reported problems, the
/// row accounting) is left to a serial pass over the chunks' results (`ResponseSet.add`).
/// Immutable after `init`, hence `Sendable`.
final class RowInterpreter: Sendable {
  /// What one row turned out to be.
  enum RowKind: Sendable {
    /// No answer in any item column: the row is rejected.
    case empty
    /// At least one answer; the participant id when the file has an id column and a value.
    case answered(participant: String?)
  }

  /// A row as read, in file order within its chunk.
  struct Row: Sendable {
    var line: Int
    var kind: RowKind
    /// The row's value problems: `problems[problemRange]` of its chunk.
    var problemRange: Range<Int>
  }

  /// A value excluded from its item, with what is needed to report it later (the diagnostic
  /// itself is built only for the problems that are shown).
  struct Problem: Sendable {
    var column: Int
    var line: Int
    var item: Int
    var problem: ValueProblem
  }

  /// The result of one chunk: its rows and their value problems (the answers themselves go
  /// straight into the file's `AnswerColumns`).
  struct Chunk: Sendable {
    var rows: [Row] = []
    var problems: [Problem] = []
  }

  let survey: Survey
  let roles: [ColumnRole]
  let readers: [AnswerReader]
  let participantColumn: Int?
  /// Items whose "before the training" answers are kept (retrospective then-tests).
  let retrospectiveItems: [Int]
  let itemTypes: [SurveyItemType]
  /// `matchKey` of every option label, by item: compared with one-column-per-option cells.
  let optionKeys: [[String]]
  /// Whether a column can hold an answer (participant and ignored columns cannot).
  let answerColumns: [Int]

  init(plan: ColumnPlan, survey: Survey) {
    self.survey = survey
    roles = plan.roles
    readers = survey.items.map { AnswerReader(item: $0, survey: survey) }
    participantColumn = plan.roles.firstIndex(of: .participant)
    retrospectiveItems = survey.items.indices.filter { survey.items[$0].retrospective }
    itemTypes = survey.items.map(\.type)
    optionKeys = survey.items.map { $0.options.map { matchKey($0.label) } }
    answerColumns = plan.roles.indices.filter { column in
      switch plan.roles[column] {
      case .item, .before, .otherText, .option: true
      case .participant, .ignored: false
      }
    }
  }

  /// Rows per chunk: large enough that merging is cheap, small enough to balance two threads
  /// when one of them is slowed down by the rest of the machine.
  static let rowsPerChunk = 8_192

  /// Interprets every row of `table`, chunks of `columns.rowsPerChunk` rows concurrently,
  /// writing row `r`'s answers into slot `r` of `columns`; chunk results in file order.
  func interpret(_ table: ResponseTable, into columns: AnswerColumns) -> [Chunk] {
    let count = table.rowCount
    let size = columns.rowsPerChunk
    let chunkCount = count == 0 ? 1 : (count - 1) / size + 1
    return (0..<chunkCount).concurrentMap { chunk in
      let start = chunk * size
      defer { columns.finishChunk(chunk) }
      return self.interpret(table, rows: start..<(start + min(size, count - start)), into: columns)
    }
  }

  private func interpret(_ table: ResponseTable, rows range: Range<Int>, into columns: AnswerColumns) -> Chunk
  {
    var chunk = Chunk()
    chunk.rows.reserveCapacity(range.count)
    // Answers go straight into the row's slots; what a row needs besides them sits in buffers
    // reused across rows (an allocation per row adds up).
    var before: [Int: Int] = [:]
    var otherTexts: [Int: String] = [:]
    var chosenOptions: [Int: Set<Int>] = [:]
    // One per column (only item columns use theirs), for this chunk's rows: codes of boxed
    // answers are valid within their chunk only.
    var memos = roles.map { role in
      if case .item(let item) = role { CellMemo(forText: itemTypes[item] == .text) } else { CellMemo() }
    }
    for rowIndex in range {
      let cells = table.row(rowIndex)
      let line = cells.line
      func cell(_ column: Int) -> String { cells.text(column) }
      let problemStart = chunk.problems.count
      func exclude(_ problem: ValueProblem, item: Int, column: Int) {
        chunk.problems.append(Problem(column: column, line: line, item: item, problem: problem))
      }

      guard answerColumns.contains(where: { !cells.isBlank($0) }) else {
        chunk.rows.append(Row(line: line, kind: .empty, problemRange: problemStart..<problemStart))
        continue
      }
      var participant: String?
      if let participantColumn {
        let id = trimmedCell(cell(participantColumn))
        // Microsoft Forms writes "anonymous" in every Email/Name cell of an anonymous form.
        participant =
          id.isEmpty || ColumnPlan.placeholderIDs.contains(asciiMatchKey(id) ?? matchKey(id)) ? nil : id
      }

      before.removeAll(keepingCapacity: true)
      otherTexts.removeAll(keepingCapacity: true)
      chosenOptions.removeAll(keepingCapacity: true)
      for column in answerColumns {
        switch roles[column] {
        case .participant, .ignored:
          continue
        case .otherText(let item):
          let text = trimmedCell(cell(column))
          if !text.isEmpty { otherTexts[item] = text }
        case .option(let item, let option):
          let text = trimmedCell(cell(column))
          if text.isEmpty { continue }
          let key = matchKey(text)
          if ResponseSet.chosenMarks.contains(key) || key == optionKeys[item][option] {
            chosenOptions[item, default: []].insert(option)
          } else if !ResponseSet.notChosenMarks.contains(key) {
            exclude(.unknown(text), item: item, column: column)
          }
        case .item(let item):
          // A Likert point typed as one digit, the bulk of a survey, needs no String.
          if let byte = cells.singleByte(column), let point = readers[item].singleDigitPoint(byte) {
            // Its code written directly (1–9 fit any code): no `Answer` passed and inspected.
            columns.setCode(AnswerColumn.pointKind | UInt32(point), item: item, row: rowIndex)
            continue
          }
          // A spelling already read in this column of the chunk needs no String at all.
          let bytes = cells.compactBytes(column)
          var hash = 0
          if let bytes, let known = memos[column].outcome(for: bytes, hash: &hash) {
            switch known {
            case .code(let code): columns.setCode(code, item: item, row: rowIndex)
            case .problem(let problem): exclude(problem, item: item, column: column)
            case .skip: break
            }
            continue
          }
          let text = cell(column)
          let outcome: CellMemo.Outcome
          // LimeSurvey marks "other" chosen with -oth-; the text is in the [other] column.
          if text.utf8.count == 5 && text == "-oth-" {
            outcome = .skip
          } else {
            switch readers[item].read(text) {
            case .success(let answer): outcome = .code(columns.setAnswer(answer, item: item, row: rowIndex))
            case .failure(let problem):
              exclude(problem, item: item, column: column)
              outcome = .problem(problem)
            }
          }
          if let bytes { memos[column].remember(bytes, hash: hash, outcome) }
        case .before(let item):
          let text = trimmedCell(cell(column))
          if text.isEmpty { continue }
          switch readers[item].readPoint(text) {
          case .success(let point): before[item] = point
          case .failure(let problem): exclude(problem, item: item, column: column)
          }
        }
      }
      // One-column-per-option and separate "other" columns (LimeSurvey, Google Forms grids).
      for (item, options) in chosenOptions {
        if case .options(let chosen, let other)? = columns.answer(item: item, row: rowIndex) {
          columns.setAnswer(
            .options(Set(chosen).union(options).sorted(), other: other), item: item, row: rowIndex)
        } else {
          columns.setAnswer(.options(options.sorted(), other: nil), item: item, row: rowIndex)
        }
      }
      for (item, text) in otherTexts {
        let answer: Answer?
        switch columns.answer(item: item, row: rowIndex) {
        case nil where itemTypes[item] == .single: answer = .other(text)
        // The full-text export style writes the option's label ("Other", "その他") in the
        // question's own column; the typed text in `[other]` is the answer.
        case .other(let label)? where ColumnPlan.otherLabels.contains(matchKey(label)): answer = .other(text)
        case .options(let chosen, let other)?:
          let kept = other.flatMap { ColumnPlan.otherLabels.contains(matchKey($0)) ? nil : $0 }
          answer = .options(chosen, other: [kept, text].compactMap { $0 }.joined(separator: "、"))
        case nil where itemTypes[item] == .multiple: answer = .options([], other: text)
        default: continue
        }
        columns.setAnswer(answer, item: item, row: rowIndex)
      }
      for item in retrospectiveItems { columns.setBefore(before[item], item: item, row: rowIndex) }
      chunk.rows.append(
        Row(
          line: line, kind: .answered(participant: participant),
          problemRange: problemStart..<chunk.problems.count))
    }
    return chunk
  }
}
