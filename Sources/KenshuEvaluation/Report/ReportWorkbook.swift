import Foundation
import KenshuTabular

/// A table too long for one Excel sheet (1,048,576 rows).
public struct WorkbookTooLong: Error, CustomStringConvertible {
  public var table: String
  public var rows: Int
  public var description: String {
    "\(table) has \(rows) rows, more than an Excel sheet holds (1,048,576); use the CSV file"
  }
}

extension EvaluationReport {
  /// Excel's row limit per sheet.
  static let excelRows = 1_048_576

  /// The CSV tables as one Excel workbook (`tables.xlsx`), one sheet per table named after its
  /// file without `.csv`, in the order items, prepost, measures, breakdown-…, freetext, files.
  /// Numbers are numbers; text is a string cell, never a formula (`XLSXWriter`).
  public func tablesWorkbook(includingFreeText: Bool = true) throws -> Data {
    let tables = csvTables(includingFreeText: includingFreeText)
    let first = ["items.csv", "prepost.csv", "measures.csv"]
    let last = ["freetext.csv", "files.csv"]
    let middle = tables.keys.filter { !first.contains($0) && !last.contains($0) }.sorted()
    let sheets = (first + middle + last).compactMap { name -> XLSXSheet? in
      tables[name].map {
        XLSXSheet(
          name: String(name.dropLast(4)), rows: $0,
          textColumns: Self.workbookTextColumns(table: name, rows: $0))
      }
    }
    if let long = sheets.first(where: { $0.rows.count > Self.excelRows }) {
      throw WorkbookTooLong(table: long.name + ".csv", rows: long.rows.count)
    }
    return try XLSXWriter.data(sheets: sheets)
  }

  /// The columns of each table that hold text written by people (answers, item wording, option
  /// labels, file names), never numbers however they read: a free-text answer `1e+05` stays
  /// `1e+05`. The first column of a breakdown holds the grouping item's option labels.
  static func workbookTextColumns(table: String, rows: [[String]]) -> Set<Int> {
    let headers: Set<String> =
      switch table {
      case "freetext.csv": ["item", "kind", "text"]
      case "items.csv": ["item", "type", "text", "level", "category"]
      case "prepost.csv": ["id", "text", "kind", "wilcoxon_method"]
      case "measures.csv": ["id", "title", "items", "reverse_items", "alpha_if_deleted"]
      case "files.csv": ["file", "format", "first_submitted", "last_submitted"]
      default: []
      }
    let header = rows.first ?? []
    var columns = Set(header.indices.filter { headers.contains(header[$0]) })
    if table.hasPrefix("breakdown-") { columns.insert(0) }
    return columns
  }
}
