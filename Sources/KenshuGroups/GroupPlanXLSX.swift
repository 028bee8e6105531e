import Foundation
import KenshuTabular

extension GroupFormationResult {
  /// The plan as an Excel workbook (`XLSXWriter`): sheet `座席 Seating` with the rows of
  /// `renderCSV()` (round and group as numbers), sheet `参加者別 Per person` with
  /// `tablePerPersonRows`. Contains names: personal data.
  public func renderXLSX() throws -> Data {
    try XLSXWriter.data(sheets: [
      XLSXSheet(name: "座席 Seating", rows: seatingRows),
      XLSXSheet(name: "参加者別 Per person", rows: tablePerPersonRows),
    ])
  }
}
