import KenshuTabular

/// Responses as read from one file, before any interpretation: a header row and data rows of
/// text cells. The CSV reader (KenshuTabular) fills it; tests and benchmarks build it directly.
///
/// A large CSV is kept as the reader's `CSVCells` (the file's bytes and where each field lies)
/// rather than a `String` per cell; `rows` and `lines` read either form the same way.
public struct ResponseTable: Sendable {
  /// File name, for diagnostics and the row accounting.
  public var file: String
  public var header: [String]
  /// Lines of records the CSV reader could not split; they are rejected rows.
  public var unreadableLines: [Int]
  let cells: Cells

  /// Where the cells are.
  enum Cells: Sendable {
    /// Rows of strings, and the line where each starts.
    case strings([[String]], lines: [Int])
    /// The data records of a delimited file.
    case compact(CSVCells)
  }

  /// `lines` default to one line per row after the header.
  public init(
    file: String, header: [String], rows: [[String]], lines: [Int]? = nil, unreadableLines: [Int] = []
  ) {
    self.file = file
    self.header = header
    self.unreadableLines = unreadableLines
    // Without a reader's line numbers, assume one line per record after the header.
    cells = .strings(rows, lines: lines ?? rows.indices.map { $0 + 2 })
  }

  /// The data records of `cells` (blank ones included, so that every row is accounted for).
  public init(_ cells: CSVCells, unreadableLines: [Int] = []) {
    file = cells.file
    header = cells.header
    self.unreadableLines = unreadableLines
    self.cells = .compact(cells)
  }

  /// Number of data rows.
  public var rowCount: Int {
    switch cells {
    case .strings(let rows, _): rows.count
    case .compact(let cells): cells.count
    }
  }

  /// The data rows as strings.
  public var rows: [[String]] {
    switch cells {
    case .strings(let rows, _): rows
    case .compact(let cells): cells.rows
    }
  }

  /// 1-based line in the file where each row starts (same length as `rows`).
  public var lines: [Int] {
    switch cells {
    case .strings(_, let lines): lines
    case .compact(let cells): (0..<cells.count).map { cells.record($0).line }
    }
  }

  /// Row `index`, for reading its cells.
  func row(_ index: Int) -> Row {
    switch cells {
    case .strings(let rows, let lines):
      return Row(strings: rows[index], compact: nil, line: index < lines.count ? lines[index] : index + 2)
    case .compact(let cells):
      let record = cells.record(index)
      return Row(strings: nil, compact: (cells, record), line: record.line)
    }
  }

  /// The cells of one row, in either form.
  struct Row {
    let strings: [String]?
    let compact: (cells: CSVCells, record: CSVCells.Record)?
    let line: Int

    var count: Int { strings?.count ?? compact?.record.fieldCount ?? 0 }

    // The cells are read through `compact?` rather than bound (`if let (cells, record)`):
    // binding retained and released the `CSVCells` for every cell read.

    /// The cell's text ("" beyond the row's end).
    func text(_ column: Int) -> String {
      if let strings { return column < strings.count ? strings[column] : "" }
      guard let record = compact?.record else { return "" }
      return compact?.cells.string(record, column) ?? ""
    }

    /// The cell's one byte when it is exactly one byte long (a Likert digit), else nil.
    func singleByte(_ column: Int) -> UInt8? {
      if let record = compact?.record, let bytes = compact?.cells.bytes(record, column) {
        return bytes.count == 1 ? bytes[0] : nil
      }
      let text = self.text(column)
      return text.utf8.count == 1 ? text.utf8.first : nil
    }

    /// The cell's bytes when the row is held as `CSVCells` (valid while the table lives), else
    /// nil.
    func compactBytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
      guard let record = compact?.record else { return nil }
      return compact?.cells.bytes(record, column)
    }

    /// Whether the cell is empty or white space only.
    func isBlank(_ column: Int) -> Bool {
      if let record = compact?.record, let bytes = compact?.cells.bytes(record, column) {
        guard let first = bytes.first else { return true }
        // Printable ASCII other than the space is not white space: no String needed.
        if first > 0x20 && first < 0x7F { return false }
      }
      return trimmedCell(text(column)).isEmpty
    }
  }
}
