/// Output formats of summaries and reports (`--format`).
public enum ReportFormat: String, Sendable, Codable, CaseIterable, Hashable {
  /// Aligned text for a terminal.
  case table
  /// RFC 4180 CSV with CR LF, a header row, UTF-8 (choose the bytes with `CSVWriter`).
  case csv
  /// JSON with a documented shape.
  case json
}
