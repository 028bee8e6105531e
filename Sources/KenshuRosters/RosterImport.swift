import Foundation
import KenshuModel
import KenshuTabular

/// Turns a CSV table exported from a spreadsheet into a `Roster`.
///
/// Rules (each problem is a located diagnostic; nothing is dropped silently):
/// - Columns are matched by header using `RosterColumnMap` (defaults in `RosterField.defaultHeaders`,
///   overridable with a `--map` file). A name column (or 姓 and 名 columns, joined "姓 名") is
///   required (`roster-missing-name-column` at the header line; every row is then rejected).
///   Unused columns get a note.
/// - A row without a name is rejected (`roster-missing-name`). An id that is not letters, digits,
///   `-`, `_` is rejected (`roster-bad-id`); a repeated id rejects the later row
///   (`roster-duplicate-id`).
/// - Rows without an id get `r` + the 4-digit line number (`r0057` for line 57): stable for a
///   given file and easy to find in it; a suffix `-2`, `-3`… keeps them unique.
/// - An unknown profession becomes `other` with a warning naming the row; roles may list several
///   values (`受講者・ファシリテーター`), default trainee; prefectures are normalised (`東京` →
///   `東京都`); keep-apart lists ids or names and is made symmetric.
/// - Stage columns (事前学習, グループワーク, 修了, フォローアップ) hold a date, a yes word (済, ○) or
///   nothing; each completed stage becomes a `StageProgress` for `options.programme` (a stage
///   not completed has no entry; a completed stage of unknown date has `date == nil`).
/// - A qualifications column lists `subject:role` items (`tashokushu-gw:facilitator`,
///   `koshi:講師`; a bare subject means facilitator), dated with the person's completion date;
///   `Options.grantOnCompletion` adds one to everyone who completed the programme.
public struct RosterImport: Sendable {
  /// Settings for one import.
  public struct Options: Sendable, Hashable {
    /// Roster id; defaults to the file name without extension.
    public var rosterID: String?
    public var title: String?
    /// Programme id that stage columns refer to; defaults to the roster id.
    public var programme: String?
    public var columnMap: RosterColumnMap
    public var read: TableReadOptions
    /// When set, everyone who completed `programme` (a completion stage) earns this
    /// qualification, dated with their completion date: how an instructor-training cohort's
    /// roster records who may now facilitate.
    public var grantOnCompletion: QualificationGrant?

    public init(
      rosterID: String? = nil, title: String? = nil, programme: String? = nil,
      columnMap: RosterColumnMap = RosterColumnMap(), read: TableReadOptions = TableReadOptions(),
      grantOnCompletion: QualificationGrant? = nil
    ) {
      self.rosterID = rosterID
      self.title = title
      self.programme = programme
      self.columnMap = columnMap
      self.read = read
      self.grantOnCompletion = grantOnCompletion
    }
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// Imports the bytes of a CSV/TSV, .xlsx or .ods file named `file` (used in diagnostics and for
  /// the default id).
  public func importData(_ data: Data, file: String) -> RosterImportResult {
    let read = Table.read(data: data, file: file, options: options.read)
    // A file that could not be read at all (a legacy .xls, a damaged workbook) has said so
    // once; "no name column" on top would only bury that message.
    if read.table.header.isEmpty, read.diagnostics.hasErrors {
      return RosterImportResult(
        roster: Roster(id: options.rosterID ?? "roster", people: []), diagnostics: read.diagnostics,
        rowsRead: 0,
        rejections: [])
    }
    var result = importTable(read.table)
    result.encoding = read.encoding
    for line in read.rejectedLines {
      result.rejections.append(
        RosterRejection(
          line: line, code: "csv-unterminated-quote", reason: "引用符が閉じられていない / unterminated quote"))
    }
    result.rowsRead += read.rejectedLines.count
    result.rejections.sort { $0.line < $1.line }
    result.diagnostics = (read.diagnostics + result.diagnostics).sortedByLocation()
    return result
  }

  /// Imports an already-read table.
  public func importTable(_ table: Table) -> RosterImportResult {
    var builder = Builder(table: table, options: options)
    return builder.run()
  }
}

/// A qualification earned by completing a programme (see `RosterImport.Options.grantOnCompletion`).
public struct QualificationGrant: Sendable, Hashable {
  /// Programme or module id the qualification is for.
  public var subject: String
  /// `.facilitator` or `.instructor`.
  public var role: PersonRole
  /// Edition of the instructor-training programme (e.g. "2022").
  public var edition: String?

  public init(subject: String, role: PersonRole = .facilitator, edition: String? = nil) {
    self.subject = subject
    self.role = role
    self.edition = edition
  }
}

/// Imports the roster table (CSV, TSV, .xlsx or .ods; `sheet` picks a spreadsheet's sheet) at
/// `url`, with an optional `--map` file; never throws: an unreadable file is an error diagnostic
/// in the result.
public func importRoster(csvAt url: URL, map: URL?, sheet: String? = nil) -> RosterImportResult {
  var options = RosterImport.Options()
  options.read.sheet = sheet
  var mapDiagnostics: [Diagnostic] = []
  if let map {
    let parsed = RosterColumnMap.read(contentsOf: map)
    options.columnMap = parsed.map
    mapDiagnostics = parsed.diagnostics
  }
  options.rosterID = RosterImport.Builder.rosterID(fromFile: url.lastPathComponent)
  if url.pathExtension.lowercased() == "tsv" { options.read.separator = .tab }
  let file = url.relativePath
  guard let data = try? Data(contentsOf: url) else {
    return RosterImportResult(
      roster: Roster(id: options.rosterID ?? "roster", people: []),
      diagnostics: mapDiagnostics + [
        .error(Catalogue.rosterUnreadable, (), at: SourceLocation(file: file))
      ],
      rowsRead: 0, rejections: [])
  }
  var result = RosterImport(options: options).importData(data, file: file)
  result.diagnostics = (mapDiagnostics + result.diagnostics).sortedByLocation()
  return result
}
