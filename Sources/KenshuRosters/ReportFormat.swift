/// Output formats of summaries and reports (`--format`).
public enum ReportFormat: String, Sendable, Codable, CaseIterable, Hashable {
  /// Aligned text for a terminal.
  case table
  /// RFC 4180 CSV with CR LF, a header row, UTF-8 (choose the bytes with `CSVWriter`).
  case csv
  /// JSON with a documented shape.
  case json
  /// An Excel workbook (`XLSXWriter`): the CSV form's cells, one sheet, numbers as numbers,
  /// frozen header. Binary: write it with `data(as:)` of a `SingleTableReport`; as text
  /// (`rendered(as:)`) it is the CSV form.
  case xlsx

  /// The file extension of a file in this format (`txt` for the terminal table).
  public var fileExtension: String { self == .table ? "txt" : rawValue }
}
