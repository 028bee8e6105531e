import Foundation
import KenshuModel
import KenshuTabular

/// How one data row of a local-training file was accounted for.
public struct FollowUpRow: Sendable, Hashable {
  /// Line (or sheet row) of the row.
  public var line: Int
  /// The training the row records; nil when the row was refused (its errors say why).
  public var training: LocalTraining?
}

/// The outcome of `kenshu followup import`: every row accounted for, the record as it would be
/// (or was) written, and the problems. Nothing is written when there is an error.
public struct FollowUpImportResult: Sendable {
  public var rows: [FollowUpRow]
  /// The programme's follow-up after the import (the existing record merged with the file).
  public var record: FollowUpRecord
  /// Headers of columns that were not read (備考, …).
  public var ignoredColumns: [String]
  public var diagnostics: [Diagnostic]
  /// Where the record is (or would be) written.
  public var destination: URL
  /// Whether the record was written (false for a dry run or when there were errors).
  public var written: Bool

  public var recorded: Int { rows.filter { $0.training != nil }.count }
  public var refused: Int { rows.filter { $0.training == nil }.count }
}

/// Reads the local trainings graduates ran from a CSV/xlsx/ods an office keeps (one row per
/// training: 修了者ID, 実施日, 都道府県, 市区町村, 種類, 参加者数, one column per profession,
/// 共同講師) and records them in `rosters/followup-PROGRAMME.xml`.
///
/// Every non-blank row is recorded or refused with a located error; with any error nothing is
/// written. Rows without a 研修ID column get `r` + their row number, so importing the same file
/// again replaces its trainings rather than adding them twice.
public struct FollowUpImport: Sendable {
  public let project: Project
  public let programme: String
  public let roster: Roster

  /// Fails (with the message to show) when no roster of the programme's graduates is found.
  public init(project: Project, programme: String, roster rosterID: String? = nil)
    throws(FollowUpImportFailure)
  {
    let roster = rosterID.map { project.roster($0) } ?? project.followUpRoster(of: programme)
    guard let roster else {
      throw FollowUpImportFailure(
        "研修「\(programme)」の修了者の名簿がありません（--roster で指定してください） / "
          + "no roster of the graduates of \"\(programme)\" (name it with --roster)")
    }
    self.project = project
    self.programme = programme
    self.roster = roster
  }

  /// The file the programme's follow-up is kept in: `rosters/followup-PROGRAMME.xml`.
  public static func recordPath(for programme: String, root: URL) -> URL {
    root.appendingPathComponent("rosters").appendingPathComponent("followup-\(programme).xml")
  }

  /// Reads `file`, checks every row, and — unless `dryRun` or there is an error — writes the
  /// merged record to `recordPath` (validated XML under rosters/, never published).
  public func run(file: URL, sheet: String? = nil, root: URL, dryRun: Bool) -> FollowUpImportResult {
    let destination = Self.recordPath(for: programme, root: root)
    let read: TableReadResult
    do {
      read = try Table.read(contentsOf: file, options: TableReadOptions(sheet: sheet))
    } catch {
      return FollowUpImportResult(
        rows: [], record: project.followUp(of: programme), ignoredColumns: [],
        diagnostics: [
          .error(Catalogue.followUpUnreadable, file.relativePath, at: SourceLocation(file: file.relativePath))
        ], destination: destination, written: false)
    }
    var result = records(read)
    result.destination = destination
    if !dryRun, !result.diagnostics.hasErrors {
      do {
        try FileManager.default.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(FollowUpXMLWriter().xml(for: result.record).utf8).write(to: destination, options: .atomic)
        result.written = true
      } catch {
        result.diagnostics.append(
          .error(
            Catalogue.followUpUnwritable, error.localizedDescription,
            at: SourceLocation(file: destination.path)))
      }
    }
    return result
  }

  /// Reads an already read table into trainings; writes nothing.
  public func records(_ read: TableReadResult) -> FollowUpImportResult {
    let table = read.table
    var diagnostics = read.diagnostics
    func location(_ line: Int, _ column: Int? = nil) -> SourceLocation {
      SourceLocation(file: table.file, line: line, column: column.map { $0 + 1 } ?? 0)
    }
    let columns = table.header.map(FollowUpColumnMap.column(for:))
    let ignored = table.header.indices.filter { columns[$0] == .ignored && !table.header[$0].isEmpty }
      .map { table.header[$0] }
    let index = { (wanted: FollowUpColumn) in columns.firstIndex(of: wanted) }
    let graduatesColumn = index(.graduates)
    if graduatesColumn == nil {
      diagnostics.append(
        .error(Catalogue.followUpNoGraduateColumn, table.file, at: location(max(table.headerLine, 1))))
    }
    let people = Dictionary(roster.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var record = project.followUp(of: programme)
    if record.roster == nil, project.programme(programme)?.roster != roster.id { record.roster = roster.id }
    var rows: [FollowUpRow] = []
    var seen: [String: Int] = [:]
    for row in table.records where !row.isBlank {
      var errors = 0
      func refuse(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errors += 1 }
      }
      let id =
        index(.training).flatMap { row.value(at: $0) }.flatMap(RosterCells.personID)
        ?? "r" + String(repeating: "0", count: max(0, 4 - String(row.line).count)) + String(row.line)
      if let first = seen[id] {
        refuse(.error(Catalogue.followUpRowDuplicate, (id, first), at: location(row.line, index(.training))))
      } else {
        seen[id] = row.line
      }
      var graduates: [String] = []
      if let graduatesColumn {
        let written = row.value(at: graduatesColumn).map(RosterCells.splitList) ?? []
        if written.isEmpty {
          refuse(.error(Catalogue.followUpRowNoGraduate, (), at: location(row.line, graduatesColumn)))
        }
        for text in written {
          if let id = RosterCells.personID(text), people[id] != nil {
            if !graduates.contains(id) { graduates.append(id) }
          } else {
            refuse(
              .error(
                Catalogue.followUpRowUnknownGraduate, (text, roster.id),
                at: location(row.line, graduatesColumn)))
          }
        }
      }
      var date: String?
      if let column = index(.date), let text = row.value(at: column) {
        date = RosterCells.isoDate(text)
        if date == nil {
          refuse(.error(Catalogue.followUpRowInvalidDate, text, at: location(row.line, column)))
        }
      }
      var prefecture: String?
      if let column = index(.prefecture), let text = row.value(at: column) {
        prefecture = Prefecture.canonicalName(text)
        if prefecture == nil {
          refuse(.error(Catalogue.followUpRowUnknownPrefecture, text, at: location(row.line, column)))
        }
      }
      var kind = LocalTrainingKind.groupWork
      if let column = index(.kind), let text = row.value(at: column) {
        if let parsed = LocalTrainingKind(parsing: text) {
          kind = parsed
        } else {
          kind = .other
          refuse(.warning(Catalogue.followUpRowUnknownKind, text, at: location(row.line, column)))
        }
      }
      func count(_ column: Int) -> Int? {
        guard let text = row.value(at: column) else { return nil }
        let folded = text.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "人", with: "")
          .trimmingCharacters(in: .whitespaces)
        if let number = Int(folded), number >= 0 { return number }
        refuse(
          .error(
            Catalogue.followUpRowInvalidCount, (table.header[column], text), at: location(row.line, column)))
        return nil
      }
      var reached: [Profession: Int] = [:]
      for (column, kind) in columns.enumerated() {
        if case .reached(let profession) = kind, let number = count(column), number > 0 {
          reached[profession, default: 0] += number
        }
      }
      let counts = Profession.allCases.compactMap { profession in
        reached[profession].map { ReachedCount(profession: profession, count: $0) }
      }
      let byProfession = counts.reduce(0) { $0 + $1.count }
      var participants = index(.participants).flatMap(count)
      if let total = participants, total < byProfession {
        refuse(
          .error(
            Catalogue.followUpTotalBelowCounts, (id, total, byProfession),
            at: location(row.line, index(.participants))))
      }
      // The total adds nothing when the profession counts already make it up.
      if participants == byProfession { participants = nil }
      let training = LocalTraining(
        id: id, date: date, prefecture: prefecture,
        municipality: index(.municipality).flatMap { row.value(at: $0) }, kind: kind,
        title: index(.title).flatMap { row.value(at: $0) }, graduates: graduates,
        coInstructors: index(.coInstructors).flatMap { row.value(at: $0) }.map(
          LocalTraining.splitCoInstructors)
          ?? [],
        reached: counts, participants: participants,
        location: SourceLocation(file: table.file, line: row.line))
      if errors > 0 {
        rows.append(FollowUpRow(line: row.line, training: nil))
        continue
      }
      rows.append(FollowUpRow(line: row.line, training: training))
      if let existing = record.trainings.firstIndex(where: { $0.id == id }) {
        record.trainings[existing] = training
      } else {
        record.trainings.append(training)
      }
    }
    return FollowUpImportResult(
      rows: rows, record: record, ignoredColumns: ignored, diagnostics: diagnostics.sortedByLocation(),
      destination: URL(fileURLWithPath: "/"), written: false)
  }
}

/// Why an import cannot start (bad arguments rather than problems in the file).
public struct FollowUpImportFailure: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}

extension FollowUpImportResult {
  /// Every row as one line — what was (or would be) recorded, or that it was refused — then the
  /// totals. For the terminal of the organiser (names no one; ids only).
  public func report(dryRun: Bool) -> String {
    var lines: [String] = []
    for row in rows {
      guard let training = row.training else {
        lines.append("line \(row.line): 取り込みません / refused (see the errors above)")
        continue
      }
      let place = [training.prefecture, training.municipality].compactMap { $0 }.joined(separator: " ")
      lines.append(
        "line \(row.line): \(training.id) \(training.date ?? "日付なし/no date") \(place.isEmpty ? "-" : place) "
          + "\(training.kind.japaneseLabel) 修了者 \(training.graduates.joined(separator: " ")) "
          + "参加者 \(training.totalParticipants) 人 / participants")
    }
    if !ignoredColumns.isEmpty {
      lines.append("読まなかった列 / columns not read: " + ignoredColumns.joined(separator: ", "))
    }
    lines.append(
      "\(rows.count) 行: \(recorded) 件取り込み, \(refused) 件不可 / \(rows.count) rows: \(recorded) recorded, "
        + "\(refused) refused; \(record.trainings.count) 研修 / trainings recorded for \(record.programme)")
    if written {
      lines.append("wrote \(destination.lastPathComponent) (個人情報: 公開されません / personal data: never published)")
    } else if dryRun {
      lines.append("dry run: 何も書きません / nothing written (\(destination.lastPathComponent) would be)")
    } else if diagnostics.hasErrors {
      lines.append("何も書きませんでした。上のエラーを直してもう一度 / nothing written: fix the errors above and import again")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
