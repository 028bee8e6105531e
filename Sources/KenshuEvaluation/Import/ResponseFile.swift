import Foundation
import KenshuModel
import KenshuTabular

extension ResponseTable {
  /// Reads a response export (CSV/TSV in UTF-8, UTF-8 with BOM, UTF-16 or CP932, detected; or
  /// an .xlsx/.ods file, its first visible sheet unless `sheet` names one).
  /// Throws only when the file cannot be read; decoding and CSV problems are diagnostics.
  public static func read(contentsOf url: URL, sheet: String? = nil) throws -> (ResponseTable, [Diagnostic]) {
    let result = try Table.readCells(
      contentsOf: url, options: TableReadOptions(sheet: sheet), displayName: url.lastPathComponent)
    if let cells = result.cells {
      return (ResponseTable(cells, unreadableLines: result.rejectedLines), result.diagnostics)
    }
    return (
      ResponseTable(
        result.table ?? Table(file: url.lastPathComponent, header: [], records: []),
        unreadableLines: result.rejectedLines), result.diagnostics
    )
  }

  /// A response table from an already-parsed table (all records, blank ones included, so that
  /// every row is accounted for).
  public init(_ table: Table, unreadableLines: [Int] = []) {
    self.init(
      file: table.file, header: table.header, rows: table.records.map(\.fields),
      lines: table.records.map(\.line),
      unreadableLines: unreadableLines)
  }
}
