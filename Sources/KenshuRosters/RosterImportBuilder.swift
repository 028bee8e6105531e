import Foundation
import KenshuModel
import KenshuTabular

extension RosterImport {
  /// One import run: maps columns, reads each row, then assigns ids and resolves keep-apart
  /// references, which need every row first.
  struct Builder {
    /// The table, with its header moved down past any title lines (see `findHeader`).
    var table: Table
    let options: Options
    var diagnostics: [Diagnostic] = []
    var rejections: [RosterRejection] = []
    var columnOfField: [RosterField: Int] = [:]
    var columns: [RosterColumn] = []

    /// A row that passed, before ids and references are settled.
    struct PendingPerson {
      var person: Person
      var line: Int
      var explicitID: Bool
      var keepApartText: String?
    }

    /// Computed once: deriving it from the file name touches the file system.
    let rosterID: String

    init(table: Table, options: Options) {
      self.table = table
      self.options = options
      self.rosterID = options.rosterID ?? Self.rosterID(fromFile: table.file)
    }

    /// A roster id from a file name: `local-2026.csv` → `local-2026`.
    static func rosterID(fromFile name: String) -> String {
      let base = name.split(separator: "/").last.map(String.init) ?? name
      let stem = base.contains(".") ? String(base[..<(base.lastIndex(of: ".") ?? base.endIndex)]) : base
      return RosterCells.personID(stem) ?? "roster"
    }

    private func location(_ line: Int, column: Int = 0) -> SourceLocation {
      SourceLocation(file: table.file, line: line, column: column)
    }

    mutating func run() -> RosterImportResult {
      findHeader()
      mapColumns()
      let rows = table.records.filter { !$0.isBlank }
      let blankRows = table.records.count - rows.count
      var pending: [PendingPerson] = []
      if columnOfField[.name] == nil && columnOfField[.familyName] == nil {
        diagnostics.append(
          .error(Catalogue.rosterMissingNameColumn, (), at: location(max(table.headerLine, 1))))
        for row in rows {
          rejections.append(
            RosterRejection(
              line: row.line, code: "roster-missing-name-column", reason: "氏名の列がない / no name column"))
        }
      } else {
        pending = rows.compactMap { readRow($0) }
      }
      pending = rejectDuplicateIDs(pending)
      assignIDs(&pending)
      resolveKeepApart(&pending)
      let roster = Roster(
        id: rosterID, title: options.title, people: pending.map(\.person),
        location: SourceLocation(file: table.file))
      return RosterImportResult(
        roster: roster, diagnostics: diagnostics.sortedByLocation(), rowsRead: rows.count,
        rejections: rejections, blankRows: blankRows, columns: columns)
    }

    // MARK: Columns

    /// Offices often put a title (「令和8年度 多職種連携研修 参加者名簿」) and a date above the
    /// header. When the first row has no name column but one of the next rows does, that row is
    /// the header and the rows above it are skipped with a note.
    private mutating func findHeader() {
      func hasName(_ cells: [String]) -> Bool {
        cells.contains {
          let field = options.columnMap.field(forHeader: $0)
          return field == .name || field == .familyName
        }
      }
      guard !hasName(table.header),
        let index = table.records.prefix(10).firstIndex(where: { hasName($0.fields) })
      else { return }
      let header = table.records[index]
      diagnostics.append(
        .note(Catalogue.rosterTitleRowsSkipped, header.line, at: location(table.headerLine)))
      table = Table(
        file: table.file, header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) },
        headerLine: header.line, records: Array(table.records[(index + 1)...]))
    }

    private mutating func mapColumns() {
      for (index, header) in table.header.enumerated() {
        let field = options.columnMap.field(forHeader: header)
        var used = field
        if let field, field != .ignore {
          if columnOfField[field] == nil {
            columnOfField[field] = index
          } else {
            used = nil
            diagnostics.append(
              .warning(
                Catalogue.rosterDuplicateColumn, (header, field.rawValue),
                at: location(table.headerLine, column: index + 1)))
          }
        } else if field == nil, !header.isEmpty {
          diagnostics.append(
            .note(Catalogue.rosterUnmappedColumn, header, at: location(table.headerLine, column: index + 1)))
        }
        columns.append(RosterColumn(header: header, column: index + 1, field: used == .ignore ? nil : used))
      }
    }

    private func cell(_ row: CSVRecord, _ field: RosterField) -> String? {
      row.value(at: columnOfField[field])
    }

    /// "姓 名" from split columns (either part may be missing); nil when both are empty.
    private func joined(_ row: CSVRecord, _ first: RosterField, _ second: RosterField) -> String? {
      let parts = [cell(row, first), cell(row, second)].compactMap { $0 }
      return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    // MARK: Rows

    private mutating func reject<Arguments>(
      _ row: CSVRecord, _ template: MessageTemplate<Arguments>, _ arguments: Arguments, reason: String
    ) {
      diagnostics.append(.error(template, arguments, at: location(row.line)))
      rejections.append(RosterRejection(line: row.line, code: template.code, reason: reason))
    }

    private mutating func warn<Arguments>(
      _ row: CSVRecord, _ template: MessageTemplate<Arguments>, _ arguments: Arguments
    ) {
      diagnostics.append(.warning(template, arguments, at: location(row.line)))
    }

    private mutating func readRow(_ row: CSVRecord) -> PendingPerson? {
      checkShape(row)
      guard let name = cell(row, .name) ?? joined(row, .familyName, .givenName) else {
        reject(row, Catalogue.rosterMissingName, (), reason: "氏名が空 / no name")
        return nil
      }
      var id: String?
      if let written = cell(row, .id) {
        guard let valid = RosterCells.personID(written) else {
          reject(row, Catalogue.rosterBadID, written, reason: "不正な ID / bad id")
          return nil
        }
        id = valid
      }
      var person = Person(
        id: id ?? "", name: name, kana: cell(row, .kana) ?? joined(row, .familyNameKana, .givenNameKana),
        profession: profession(row),
        organisation: cell(row, .organisation), prefecture: prefecture(row),
        municipality: cell(row, .municipality),
        roles: roles(row), email: email(row), location: location(row.line))
      person.progress = progress(row)
      person.qualifications = qualifications(row, progress: person.progress)
      return PendingPerson(
        person: person, line: row.line, explicitID: id != nil, keepApartText: cell(row, .keepApart))
    }

    private mutating func checkShape(_ row: CSVRecord) {
      let count = row.fields.count
      let width = table.header.count
      let extra = row.fields.dropFirst(width).contains { $0.contains { !$0.isWhitespace } }
      if extra {
        warn(row, Catalogue.rosterLongRow, (count, width))
      } else if count < width {
        warn(row, Catalogue.rosterShortRow, (count, width))
      }
    }

    private mutating func profession(_ row: CSVRecord) -> Profession {
      guard columnOfField[.profession] != nil else { return .other }
      guard let text = cell(row, .profession) else {
        warn(row, Catalogue.rosterMissingProfession, ())
        return .other
      }
      if let profession = Profession(parsing: text) { return profession }
      warn(row, Catalogue.rosterUnknownProfession, text)
      return .other
    }

    private mutating func prefecture(_ row: CSVRecord) -> String? {
      guard let text = cell(row, .prefecture) else { return nil }
      if let name = Prefecture.canonicalName(text) { return name }
      warn(row, Catalogue.rosterUnknownPrefecture, text)
      return text
    }

    private mutating func roles(_ row: CSVRecord) -> Set<PersonRole> {
      guard let text = cell(row, .roles) else { return [.trainee] }
      var roles: Set<PersonRole> = []
      for item in RosterCells.splitList(text) {
        if let role = PersonRole(parsing: item) {
          roles.insert(role)
        } else {
          warn(row, Catalogue.rosterUnknownRole, String(item))
        }
      }
      return roles.isEmpty ? [.trainee] : roles
    }

    private mutating func email(_ row: CSVRecord) -> String? {
      guard let text = cell(row, .email) else { return nil }
      let folded = text.precomposedStringWithCompatibilityMapping
      if !folded.contains("@") || folded.contains(where: \.isWhitespace) {
        warn(row, Catalogue.rosterBadEmail, text)
      }
      return folded
    }

    private mutating func progress(_ row: CSVRecord) -> [StageProgress] {
      let programme = options.programme ?? rosterID
      var progress: [StageProgress] = []
      for stage in ProgrammeStage.allCases {
        guard let field = RosterField.allCases.first(where: { $0.stage == stage }),
          columnOfField[field] != nil
        else { continue }
        let text = cell(row, field)
        switch RosterCells.stageValue(text) {
        case .done(let date): progress.append(StageProgress(programme: programme, stage: stage, date: date))
        case .notDone: break
        case nil:
          warn(row, Catalogue.rosterBadStageValue, (stage.japaneseLabel, stage.rawValue, text ?? ""))
        }
      }
      if let text = cell(row, .ranLocalTraining) {
        if let ran = RosterCells.yesNo(text) {
          if let index = progress.firstIndex(where: { $0.stage == .followUp }) {
            progress[index].ranLocalTraining = ran
          } else if columnOfField[.followUp] == nil {
            // With no follow-up column, an answer about local training is itself the follow-up.
            progress.append(StageProgress(programme: programme, stage: .followUp, ranLocalTraining: ran))
          } else if ran {
            warn(row, Catalogue.rosterInconsistentProgress, text)
          }
        } else {
          warn(row, Catalogue.rosterBadLocalTraining, text)
        }
      }
      return progress
    }

    private mutating func qualifications(_ row: CSVRecord, progress: [StageProgress]) -> [Qualification] {
      let completed = progress.first { $0.stage == .completion }
      var result: [Qualification] = []
      if let grant = options.grantOnCompletion, let completed {
        result.append(
          Qualification(
            subject: grant.subject, role: grant.role, date: completed.date, edition: grant.edition))
      }
      guard let text = cell(row, .qualifications) else { return result }
      for item in RosterCells.splitList(text) {
        let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(
          String.init)
        let subject = parts.first.flatMap(RosterCells.personID)
        let role = parts.count > 1 ? PersonRole(parsing: parts[1]) : .facilitator
        guard let subject, let role, role == .facilitator || role == .instructor else {
          warn(row, Catalogue.rosterBadQualification, String(item))
          continue
        }
        let qualification = Qualification(subject: subject, role: role, date: completed?.date)
        if !result.contains(where: { $0.subject == subject && $0.role == role }) {
          result.append(qualification)
        }
      }
      return result
    }

    // MARK: Ids and references

    private mutating func rejectDuplicateIDs(_ pending: [PendingPerson]) -> [PendingPerson] {
      var firstLine: [String: Int] = [:]
      var kept: [PendingPerson] = []
      for entry in pending {
        guard entry.explicitID else {
          kept.append(entry)
          continue
        }
        if let line = firstLine[entry.person.id] {
          diagnostics.append(
            .error(Catalogue.rosterDuplicateID, (entry.person.id, line), at: location(entry.line)))
          rejections.append(
            RosterRejection(line: entry.line, code: "roster-duplicate-id", reason: "ID 重複 / duplicate id"))
        } else {
          firstLine[entry.person.id] = entry.line
          kept.append(entry)
        }
      }
      return kept
    }

    private func assignIDs(_ pending: inout [PendingPerson]) {
      var taken = Set(pending.filter(\.explicitID).map(\.person.id))
      for index in pending.indices where !pending[index].explicitID {
        let digits = String(pending[index].line)
        let base = "r" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
          candidate = "\(base)-\(suffix)"
          suffix += 1
        }
        taken.insert(candidate)
        pending[index].person.id = candidate
      }
    }

    private mutating func resolveKeepApart(_ pending: inout [PendingPerson]) {
      let ids = Set(pending.map(\.person.id))
      var idsByName: [String: [String]] = [:]
      for entry in pending { idsByName[Self.nameKey(entry.person.name), default: []].append(entry.person.id) }
      var pairs: [(String, String)] = []
      for entry in pending {
        guard let text = entry.keepApartText else { continue }
        for reference in references(in: text, ids: ids, idsByName: idsByName) {
          switch reference {
          case .person(let other) where other != entry.person.id: pairs.append((entry.person.id, other))
          case .person: break
          case .ambiguous(let name):
            diagnostics.append(
              .warning(Catalogue.rosterAmbiguousKeepApart, name, at: location(entry.line)))
          case .unknown(let token):
            diagnostics.append(
              .warning(Catalogue.rosterUnknownKeepApart, token, at: location(entry.line)))
          }
        }
      }
      let indexOfID = Dictionary(
        pending.indices.map { (pending[$0].person.id, $0) }, uniquingKeysWith: { a, _ in a })
      for (a, b) in pairs {
        if let i = indexOfID[a] { pending[i].person.keepApart.insert(b) }
        if let j = indexOfID[b] { pending[j].person.keepApart.insert(a) }
      }
    }

    private enum Reference {
      case person(String)
      case ambiguous(String)
      case unknown(String)
    }

    /// Keep-apart cells list ids or names. Names contain spaces (山田 太郎), so a piece between
    /// list separators is first tried whole, as an id or a name, and only then split at spaces.
    private func references(in text: String, ids: Set<String>, idsByName: [String: [String]]) -> [Reference] {
      let pieces = text.split { "・、，,;；/／|｜".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }
      var result: [Reference] = []
      for piece in pieces where !piece.isEmpty {
        if let resolved = resolve(piece, ids: ids, idsByName: idsByName) {
          result.append(resolved)
        } else {
          for token in piece.split(whereSeparator: \.isWhitespace).map(String.init) {
            result.append(resolve(token, ids: ids, idsByName: idsByName) ?? .unknown(token))
          }
        }
      }
      return result
    }

    private func resolve(_ token: String, ids: Set<String>, idsByName: [String: [String]]) -> Reference? {
      if let id = RosterCells.personID(token), ids.contains(id) { return .person(id) }
      switch idsByName[Self.nameKey(token)] ?? [] {
      case let found where found.count == 1: return .person(found[0])
      case let found where found.count > 1: return .ambiguous(token)
      default: return nil
      }
    }

    private static func nameKey(_ name: String) -> String { PersonNameKey.name(name) }
  }
}
