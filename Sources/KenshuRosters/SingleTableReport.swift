import Foundation
import KenshuTabular

/// A report that is one table — what `--format xlsx` writes as a one-sheet workbook. The sheet
/// holds exactly the cells of the CSV form, so a spreadsheet user and a CSV user see the same
/// figures.
public protocol SingleTableReport {
  /// The rows of the CSV form, header first.
  var tableRows: [[String]] { get }
  /// The name of the workbook's sheet.
  var sheetName: String { get }
  /// The report as text in `format` (`.xlsx` gives the CSV form).
  func rendered(as format: ReportFormat) -> String
}

extension SingleTableReport {
  /// The bytes to write for `format`: the workbook (`XLSXWriter`: numbers as numbers, text as
  /// strings never formulas, frozen header, widths by display width) for `.xlsx`, else the
  /// UTF-8 text of `rendered(as:)`.
  public func data(as format: ReportFormat) throws -> Data {
    guard format == .xlsx else { return Data(rendered(as: format).utf8) }
    return try XLSXWriter.data(sheets: [XLSXSheet(name: sheetName, rows: tableRows)])
  }
}
