import Foundation
import KenshuModel

/// Where a table came from when it was read from a spreadsheet rather than a delimited file.
public struct SpreadsheetSource: Sendable, Hashable {
  public var format: SpreadsheetFormat
  /// The sheet read.
  public var sheet: String
  /// Every sheet of the workbook, in tab order (hidden ones included).
  public var sheets: [SpreadsheetSheet]
}

/// Reads the chosen sheet of an .xlsx or .ods file as a `Table`; refuses .xls and other
/// containers with one clear message.
enum SpreadsheetReader {
  /// - Parameters:
  ///   - inflation: where the sheet is inflated (`serial` is the reference the pipelined
  ///     default is tested against).
  ///   - scan: how an .xlsx sheet's rows are read (`libxml2` is the reference the scanned
  ///     default is tested against).
  static func read(
    data: Data, file: String, format: SpreadsheetFormat, options: TableReadOptions,
    inflation: SpreadsheetArchive.Inflation = .standard, scan: SheetScan = .standard
  ) -> TableReadResult {
    do {
      let sheet = try readSheet(
        data: data, file: file, format: format, options: options, inflation: inflation, scan: scan,
        compact: false)
      guard case .table(let table) = sheet.read else { preconditionFailure("a sheet read as a table") }
      return TableReadResult(
        table: table, encoding: .utf8, separator: .comma, rejectedLines: [], diagnostics: sheet.diagnostics,
        spreadsheet: sheet.source)
    } catch {
      return failure(file: file, error.diagnostic)
    }
  }

  /// `read` for `Table.readCells`: an .xlsx sheet as `CSVCells` (its cells' text in one
  /// buffer; a sheet with cells merged over rows, and an .ods, as a `Table`), with the same
  /// diagnostics.
  static func readCells(
    data: Data, file: String, format: SpreadsheetFormat, options: TableReadOptions,
    inflation: SpreadsheetArchive.Inflation = .standard, scan: SheetScan = .standard
  ) -> CellsReadResult {
    do {
      let sheet = try readSheet(
        data: data, file: file, format: format, options: options, inflation: inflation, scan: scan,
        compact: true)
      switch sheet.read {
      case .cells(let cells):
        return CellsReadResult(cells: cells, table: nil, rejectedLines: [], diagnostics: sheet.diagnostics)
      case .table(let table):
        return CellsReadResult(cells: nil, table: table, rejectedLines: [], diagnostics: sheet.diagnostics)
      }
    } catch {
      let failed = failure(file: file, error.diagnostic)
      return CellsReadResult(
        cells: nil, table: failed.table, rejectedLines: [], diagnostics: failed.diagnostics)
    }
  }

  private static func readSheet(
    data: Data, file: String, format: SpreadsheetFormat, options: TableReadOptions,
    inflation: SpreadsheetArchive.Inflation, scan: SheetScan, compact: Bool
  ) throws(SpreadsheetProblem) -> (
    read: SheetTableBuilder.CellsOrTable, diagnostics: [Diagnostic], source: SpreadsheetSource
  ) {
    let start = SourceLocation(file: file)
    switch format {
    case .xls:
      throw SpreadsheetProblem(Catalogue.spreadsheetLegacyXLS, (), at: start)
    case .otherZip:
      throw SpreadsheetProblem(Catalogue.spreadsheetOtherZip, (), at: start)
    case .xlsx, .ods: break
    }
    guard let archive = SpreadsheetArchive(data: data, inflation: inflation) else {
      throw SpreadsheetProblem(
        Catalogue.spreadsheetDamaged, format == .xlsx ? "Excel (.xlsx)" : "OpenDocument (.ods)", at: start)
    }
    let limits = options.limits
    let sheets: [SpreadsheetSheet]
    var grid = SheetGrid()
    var compactSheet: CompactSheet?
    let chosen: SpreadsheetSheet
    switch format {
    case .xlsx:
      let reader = XLSXReader(file: file, archive: archive, scan: scan)
      let (listed, date1904) = try reader.sheets()
      sheets = listed
      chosen = try choose(options.sheet, from: sheets, file: file)
      if compact {
        compactSheet = try reader.readCompact(sheet: chosen, date1904: date1904, limits: limits)
      }
      if compactSheet == nil { grid = try reader.read(sheet: chosen, date1904: date1904, limits: limits) }
    default:
      let reader = ODSReader(file: file, archive: archive)
      let document = try reader.read(sheet: options.sheet, limits: limits)
      sheets = document.sheets
      chosen = try choose(options.sheet, from: sheets, file: file)
      guard let found = document.grids[chosen.name] else {
        throw SpreadsheetProblem(Catalogue.spreadsheetNoSheet, (), at: start)
      }
      grid = found
    }
    var read: SheetTableBuilder.CellsOrTable
    var notes: [Diagnostic]
    if let compactSheet {
      (read, notes) = try SheetTableBuilder.cells(
        sheet: compactSheet, file: file, sheet: chosen.name, limits: limits)
    } else {
      let (table, tableNotes) = try SheetTableBuilder.table(
        grid: grid, file: file, sheet: chosen.name, limits: limits)
      (read, notes) = (.table(table), tableNotes)
    }
    let table: Table
    switch read {
    case .table(let whole): table = whole
    case .cells(let cells):
      table = Table(file: cells.file, header: cells.header, headerLine: cells.headerLine, records: [])
    }
    let visible = sheets.filter { !$0.hidden }
    if visible.count > 1 || chosen.hidden {
      notes.insert(
        .note(Catalogue.sheetChosen, (chosen.name, visible.map(\.name)), at: SourceLocation(file: file)),
        at: 0)
    }
    var diagnostics = notes + table.headerDiagnostics()
    if table.header.isEmpty {
      diagnostics.append(
        .error(Catalogue.emptySheet, (), at: SourceLocation(file: table.file, line: 1)))
    }
    return (read, diagnostics, SpreadsheetSource(format: format, sheet: chosen.name, sheets: sheets))
  }

  /// The sheet `selector` names (a tab name, or a number counting visible sheets from 1), or
  /// the first visible sheet.
  static func choose(_ selector: String?, from sheets: [SpreadsheetSheet], file: String)
    throws(SpreadsheetProblem)
    -> SpreadsheetSheet
  {
    let visible = sheets.filter { !$0.hidden }
    guard let selector else {
      guard let first = visible.first ?? sheets.first else {
        throw SpreadsheetProblem(Catalogue.spreadsheetNoSheet, (), at: SourceLocation(file: file))
      }
      return first
    }
    if let exact = sheets.first(where: { $0.name == selector }) { return exact }
    let key = Table.normalizedHeader(selector)
    if let loose = sheets.first(where: { Table.normalizedHeader($0.name) == key }) { return loose }
    if let number = Int(selector), visible.indices.contains(number - 1) { return visible[number - 1] }
    throw SpreadsheetProblem(
      Catalogue.spreadsheetSheetNotFound, (selector, sheets.map { ($0.name, $0.hidden) }),
      at: SourceLocation(file: file))
  }

  private static func failure(file: String, _ diagnostic: Diagnostic) -> TableReadResult {
    TableReadResult(
      table: Table(file: file, header: [], headerLine: 0, records: []), encoding: .utf8, separator: .comma,
      rejectedLines: [], diagnostics: [diagnostic], spreadsheet: nil)
  }
}
