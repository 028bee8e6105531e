import Foundation
import KenshuModel
import KenshuTabular

/// How one data row of an attendance file was accounted for.
public enum AttendanceRowStatus: Sendable, Hashable {
  /// The row is this roster person.
  case matched(person: String)
  /// Nobody on the roster; the reason says why (unknown id, unknown name, id and name disagree).
  case unmatched(reason: UnmatchedReason)
  /// Several people fit (same name, no kana or kana that does not separate them).
  case ambiguous(candidates: [String])
}

/// Why a row matches nobody, in both languages.
public struct UnmatchedReason: Sendable, Hashable, CustomStringConvertible {
  public var ja: String
  public var en: String
  public var description: String { "\(ja) / \(en)" }
}

/// One data row of an attendance file and what it records.
public struct AttendanceRow: Sendable, Hashable {
  /// Line (or sheet row) of the row.
  public var line: Int
  /// The participant id, name and kana as written, for messages.
  public var written: String
  public var status: AttendanceRowStatus
  /// Sessions marked present in this row, in programme order.
  public var sessions: [String]
}

/// The outcome of `kenshu attendance import`: every row accounted for, the record as it would
/// be (or was) written, and the problems. Nothing is written when there is an error.
public struct AttendanceImportResult: Sendable {
  public var rows: [AttendanceRow]
  /// The programme's attendance after the import (the existing record merged with the file).
  public var record: AttendanceRecord
  /// What the file changes, to apply again to the record as it is when written.
  var changes: AttendanceChanges
  /// Headers of columns that were not read (所属, 備考, …).
  public var ignoredColumns: [String]
  public var diagnostics: [Diagnostic]
  /// Where the record is (or would be) written.
  public var destination: URL
  /// Whether the record was written (false for a dry run or when there were errors).
  public var written: Bool

  public var matched: Int { rows.filter { if case .matched = $0.status { true } else { false } }.count }
  public var unmatched: Int { rows.filter { if case .unmatched = $0.status { true } else { false } }.count }
  public var ambiguous: Int { rows.filter { if case .ambiguous = $0.status { true } else { false } }.count }
}

/// Reads an attendance file (a filled-in reception sheet, or any CSV/xlsx/ods an office keeps)
/// and records it against the programme's roster.
///
/// Rows are matched by participant id, else by name (white space and width ignored) with the
/// kana to tell namesakes apart — the normalisation of roster import (`PersonNameKey`).
/// Columns: one per session id (or session title), one per course id or a single 出欠 column for
/// a one-course programme (every session of the course, trimmed by the late-arrival and
/// early-leave times), module and survey ids named by the rules, 遅刻/早退 times.
/// For each person in the file, the sessions its columns cover are replaced; the rest of the
/// record is kept, so morning and afternoon sheets can be imported one after the other.
public struct AttendanceImport: Sendable {
  public let project: Project
  public let programme: Programme
  public let roster: Roster

  /// Fails (with the message to show) when the programme is unknown or has no roster.
  public init(project: Project, programme id: String) throws(AttendanceImportFailure) {
    guard let programme = project.programme(id) else {
      throw AttendanceImportFailure("no programme \"\(id)\" in this project")
    }
    guard let rosterID = programme.roster, let roster = project.roster(rosterID) else {
      throw AttendanceImportFailure(
        "programme \"\(id)\" names no roster of this project (roster=\"…\"); attendance is matched against it"
      )
    }
    self.project = project
    self.programme = programme
    self.roster = roster
  }

  /// The file the programme's attendance is kept in: `rosters/attendance-PROGRAMME.xml`.
  public static func recordPath(for programme: String, root: URL) -> URL {
    root.appendingPathComponent("rosters").appendingPathComponent("attendance-\(programme).xml")
  }

  /// Reads `file`, matches it, and — unless `dryRun` or there is an error — writes the merged
  /// record to `recordPath` (validated XML under rosters/, never published).
  ///
  /// The changes are applied to the record as re-read under the record file's lock, not to
  /// the one loaded with the project: a check-in `serve --collect` recorded since is kept.
  public func run(file: URL, sheet: String? = nil, root: URL, dryRun: Bool) -> AttendanceImportResult {
    let destination = Self.recordPath(for: programme.id, root: root)
    let read: TableReadResult
    do {
      read = try Table.read(contentsOf: file, options: TableReadOptions(sheet: sheet))
    } catch {
      return AttendanceImportResult(
        rows: [], record: project.attendance(of: programme.id),
        changes: AttendanceChanges(programme: programme, roster: roster), ignoredColumns: [],
        diagnostics: [
          .error(
            Catalogue.attendanceUnreadable, file.relativePath, at: SourceLocation(file: file.relativePath))
        ], destination: destination, written: false)
    }
    var result = match(read)
    result.destination = destination
    if !dryRun, !result.diagnostics.hasErrors {
      let changes = result.changes
      do {
        result.record = try AttendanceRecordFile(programme: programme, root: root).update(
          seed: project.attendance(of: programme.id)
        ) { record in
          record = changes.applied(to: record)
          return record
        }
        result.written = true
      } catch {
        result.diagnostics.append(
          .error(
            Catalogue.attendanceUnwritable, error.description, at: SourceLocation(file: destination.path)))
      }
    }
    return result
  }

  /// Matches an already read table; writes nothing.
  public func match(_ read: TableReadResult) -> AttendanceImportResult {
    var matcher = AttendanceMatcher(import: self, table: read.table)
    var result = matcher.run()
    result.diagnostics = (read.diagnostics + result.diagnostics).sortedByLocation()
    return result
  }
}

/// Why an import cannot start (bad arguments rather than problems in the file).
public struct AttendanceImportFailure: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
