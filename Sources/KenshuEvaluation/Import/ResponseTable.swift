/// Responses as read from one file, before any interpretation: a header row and data rows of
/// text cells. The CSV reader (KenshuTabular) fills it; tests and benchmarks build it directly.
public struct ResponseTable: Sendable, Hashable {
  /// File name, for diagnostics and the row accounting.
  public var file: String
  public var header: [String]
  public var rows: [[String]]
  /// 1-based line in the file where each row starts (same length as `rows`).
  public var lines: [Int]
  /// Lines of records the CSV reader could not split; they are rejected rows.
  public var unreadableLines: [Int]

  /// `lines` default to one line per row after the header.
  public init(
    file: String, header: [String], rows: [[String]], lines: [Int]? = nil, unreadableLines: [Int] = []
  ) {
    self.file = file
    self.header = header
    self.rows = rows
    self.unreadableLines = unreadableLines
    // Without a reader's line numbers, assume one line per record after the header.
    self.lines = lines ?? rows.indices.map { $0 + 2 }
  }
}
