import Foundation
import KenshuModel

extension ResponseSet {
  /// Adds the rows of one file. Every row is accounted for: used, or rejected with a reason
  /// (no answers at all; a participant id already seen). Unknown or out-of-range values are
  /// reported by row and column and excluded from that item only.
  public mutating func add(_ table: ResponseTable, map: ColumnMap = ColumnMap()) -> [Diagnostic] {
    let plan = ColumnPlan(header: table.header, survey: survey, map: map, file: table.file)
    var diagnostics = plan.diagnostics
    let readers = survey.items.map { AnswerReader(item: $0, survey: survey) }
    var account = RowAccount(
      file: table.file, format: plan.format.rawValue, read: table.rows.count + table.unreadableLines.count,
      used: 0,
      rejected: table.unreadableLines.map { .init(line: $0, reason: "CSVとして読めない行 / unreadable CSV record") },
      excludedValues: 0)
    var seenParticipants: [String: Int] = [:]
    for (row, participant) in participants.enumerated() {
      if let participant { seenParticipants[participant] = row }
    }
    let participantColumn = plan.roles.firstIndex(of: .participant)

    // Value problems: the first few per column in full, then one summary, so that a wrongly
    // mapped column does not bury everything else (the accounting still counts them all).
    var problemsPerColumn: [Int: Int] = [:]
    func report(_ diagnostic: Diagnostic, column: Int) {
      problemsPerColumn[column, default: 0] += 1
      if problemsPerColumn[column, default: 0] <= Self.detailedProblemsPerColumn {
        diagnostics.append(diagnostic)
      }
    }
    var answers = [Answer?](repeating: nil, count: survey.items.count)
    for (rowIndex, cells) in table.rows.enumerated() {
      let line = rowIndex < table.lines.count ? table.lines[rowIndex] : rowIndex + 2
      func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
      func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: table.file, line: line, column: column + 1)
      }
      let hasAnswer = plan.roles.indices.contains { column in
        switch plan.roles[column] {
        case .item, .before, .otherText, .option: !trimmedCell(cell(column)).isEmpty
        case .participant, .ignored: false
        }
      }
      guard hasAnswer else {
        account.rejected.append(.init(line: line, reason: "回答なし / no answers"))
        // Column -1 collects empty rows, summarised like value problems (Excel leaves many).
        report(
          .warning("evaluation-row-empty", at: location(0), "回答のない行を除外しました / row has no answers"),
          column: -1)
        continue
      }
      var participant: String?
      if let participantColumn {
        let id = trimmedCell(cell(participantColumn))
        participant = id.isEmpty ? nil : id
      }
      if let participant, seenParticipants[participant] != nil {
        account.rejected.append(.init(line: line, reason: "参加者ID重複 / duplicate participant \(participant)"))
        diagnostics.append(
          .warning(
            "evaluation-duplicate-participant", at: location(participantColumn ?? 0),
            "参加者ID「\(participant)」は既に回答があるため、この行を除外しました / duplicate participant id",
            hint: "最初の回答を使います"))
        continue
      }

      // One row's answers, in a buffer reused across rows (an allocation per row adds up).
      for item in answers.indices { answers[item] = nil }
      var before: [Int: Int] = [:]
      var otherTexts: [Int: String] = [:]
      var chosenOptions: [Int: Set<Int>] = [:]
      for (column, role) in plan.roles.enumerated() {
        switch role {
        case .participant, .ignored:
          continue
        case .otherText(let item):
          let text = trimmedCell(cell(column))
          if !text.isEmpty { otherTexts[item] = text }
        case .option(let item, let option):
          let text = trimmedCell(cell(column))
          if text.isEmpty { continue }
          let key = matchKey(text)
          if Self.chosenMarks.contains(key) || key == matchKey(survey.items[item].options[option].label) {
            chosenOptions[item, default: []].insert(option)
          } else if !Self.notChosenMarks.contains(key) {
            account.excludedValues += 1
            report(
              Self.diagnostic(.unknown(text), item: survey.items[item], at: location(column)), column: column)
          }
        case .item(let item):
          let text = cell(column)
          // LimeSurvey marks "other" chosen with -oth-; the text is in the [other] column.
          if text == "-oth-" { continue }
          switch readers[item].read(text) {
          case .success(let answer): answers[item] = answer
          case .failure(let problem):
            account.excludedValues += 1
            report(Self.diagnostic(problem, item: survey.items[item], at: location(column)), column: column)
          }
        case .before(let item):
          let text = trimmedCell(cell(column))
          if text.isEmpty { continue }
          switch readers[item].readPoint(text) {
          case .success(let point): before[item] = point
          case .failure(let problem):
            account.excludedValues += 1
            report(Self.diagnostic(problem, item: survey.items[item], at: location(column)), column: column)
          }
        }
      }
      for (item, options) in chosenOptions {
        if case .options(let chosen, let other)? = answers[item] {
          answers[item] = .options(Set(chosen).union(options).sorted(), other: other)
        } else {
          answers[item] = .options(options.sorted(), other: nil)
        }
      }
      for (item, text) in otherTexts {
        switch answers[item] {
        case nil where survey.items[item].type == .single: answers[item] = .other(text)
        case .options(let chosen, let other)?:
          answers[item] = .options(chosen, other: [other, text].compactMap { $0 }.joined(separator: "、"))
        case nil where survey.items[item].type == .multiple: answers[item] = .options([], other: text)
        default: break
        }
      }

      let responseIndex = participants.count
      participants.append(participant)
      for item in answers.indices { self.answers[item].append(answers[item]) }
      for item in survey.items.indices where survey.items[item].retrospective {
        self.before[item, default: [Int?](repeating: nil, count: responseIndex)].append(before[item])
      }
      if let participant { seenParticipants[participant] = responseIndex }
      account.used += 1
    }
    if let empty = problemsPerColumn.removeValue(forKey: -1), empty > Self.detailedProblemsPerColumn {
      diagnostics.append(
        .warning(
          "evaluation-row-empty", at: SourceLocation(file: table.file),
          "他に回答のない行 \(empty - Self.detailedProblemsPerColumn) 行を除外しました（計 \(empty) 行）/ \(empty) rows without answers"
        ))
    }
    for (column, count) in problemsPerColumn.sorted(by: { $0.key < $1.key })
    where count > Self.detailedProblemsPerColumn {
      let header = column < table.header.count ? table.header[column] : "#\(column + 1)"
      diagnostics.append(
        .warning(
          "evaluation-values-excluded", at: SourceLocation(file: table.file, line: 1, column: column + 1),
          "列「\(header)」では他に \(count - Self.detailedProblemsPerColumn) 件の値を除外しました（計 \(count) 件）/ \(count) values excluded in this column",
          hint: "列の対応（--map）や選択肢の文言を確認してください"))
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
      .warning(
        "evaluation-value-unknown", at: location,
        "項目 \(item.id) の値「\(text)」を解釈できないため、この項目から除外しました / unknown value excluded from item")
    case .outOfRange(let text):
      .warning(
        "evaluation-value-out-of-range", at: location,
        "項目 \(item.id) の値「\(text)」は範囲外のため、この項目から除外しました / out-of-range value excluded from item")
    }
  }
}
