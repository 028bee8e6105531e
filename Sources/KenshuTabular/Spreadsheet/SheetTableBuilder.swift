import KenshuModel

/// Turns a sheet's rows into a `Table`: merged cells resolved, title rows above the header
/// recognised and reported.
///
/// Merged cells: the value of a merged range belongs to its top-left cell. A range spanning
/// several rows (the usual 所属 or 日程 block beside several people) gives that value to every
/// row of its first column, because each of those rows belongs to it; the other columns of the
/// range stay empty, so a heading merged across columns stays one column name.
///
/// Title rows: Excel rosters often start with a title (「令和6年度 多職種研修 名簿」), a date
/// line or a blank row before the header. The header is the first row with at least half as
/// many filled cells as the widest of the first rows (and at least two); rows above it are
/// reported in a note and not read as data.
enum SheetTableBuilder {
  static func table(
    grid: SheetGrid, file: String, sheet: String, limits: SpreadsheetLimits
  ) throws(SpreadsheetProblem) -> (Table, [Diagnostic]) {
    let tableFile = "\(file) [\(sheet)]"
    var rows = grid.rows
    if !grid.merges.isEmpty { try applyMerges(grid.merges, to: &rows, file: tableFile, limits: limits) }
    var diagnostics: [Diagnostic] = []
    let filled = rows.prefix(30).map { $0.fields.count(where: { !$0.trimmingWhitespace().isEmpty }) }
    let widest = filled.max() ?? 0
    let needed = max(2, (widest + 1) / 2)
    let headerIndex = filled.prefix(10).firstIndex { $0 >= needed } ?? (rows.isEmpty ? nil : 0)
    guard let headerIndex else {
      return (Table(file: tableFile, header: [], headerLine: 0, records: []), diagnostics)
    }
    let headerRecord = rows[headerIndex]
    if headerRecord.line > 1 {
      let above = rows[..<headerIndex].map { $0.fields.first { !$0.isEmpty } ?? "" }
      diagnostics.append(
        .note(
          Catalogue.titleRows, (headerRecord.line, above),
          at: SourceLocation(file: tableFile, line: headerRecord.line)))
    }
    // A sheet has no "short rows": empty cells at the end of a row are simply not stored.
    let width = headerRecord.fields.count
    let records = rows[(headerIndex + 1)...].map { record in
      var record = record
      if record.fields.count < width {
        record.fields.append(contentsOf: repeatElement("", count: width - record.fields.count))
      }
      return record
    }
    let table = Table(
      file: tableFile, header: headerRecord.fields.map { $0.trimmingWhitespace() },
      headerLine: headerRecord.line, records: records)
    return (table, diagnostics)
  }

  /// `table` of a sheet read as `CompactSheet`: the same header, title-row note and records,
  /// as `CSVCells` over the sheet's text. A sheet with a range merged over rows is given to
  /// `table` (as `SheetGrid` rows), which copies the value down.
  static func cells(
    sheet compact: CompactSheet, file: String, sheet: String, limits: SpreadsheetLimits
  ) throws(SpreadsheetProblem) -> (CellsOrTable, [Diagnostic]) {
    if compact.merges.contains(where: { $0.last.row > $0.first.row }) {
      var grid = SheetGrid()
      grid.merges = compact.merges
      grid.rows = (0..<compact.recordCount).map {
        CSVRecord(line: compact.part.lines[$0], fields: compact.fields($0))
      }
      let (table, diagnostics) = try table(grid: grid, file: file, sheet: sheet, limits: limits)
      return (.table(table), diagnostics)
    }
    let tableFile = "\(file) [\(sheet)]"
    var diagnostics: [Diagnostic] = []
    let first = (0..<min(30, compact.recordCount)).map { compact.fields($0) }
    let filled = first.map { $0.count(where: { !$0.trimmingWhitespace().isEmpty }) }
    let widest = filled.max() ?? 0
    let needed = max(2, (widest + 1) / 2)
    let headerIndex = filled.prefix(10).firstIndex { $0 >= needed } ?? (compact.recordCount == 0 ? nil : 0)
    guard let headerIndex else {
      return (.table(Table(file: tableFile, header: [], headerLine: 0, records: [])), diagnostics)
    }
    let headerFields = first[headerIndex]
    let headerLine = compact.part.lines[headerIndex]
    if headerLine > 1 {
      let above = first[..<headerIndex].map { $0.first { !$0.isEmpty } ?? "" }
      diagnostics.append(
        .note(Catalogue.titleRows, (headerLine, above), at: SourceLocation(file: tableFile, line: headerLine))
      )
    }
    let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(compact.text.count, 1))
    _ = text.initialize(from: compact.text)
    let cells = CSVCells(
      file: tableFile, text: text, part: compact.part, header: headerFields.map { $0.trimmingWhitespace() },
      headerLine: headerLine, firstRecord: headerIndex + 1, minimumWidth: headerFields.count)
    return (.cells(cells), diagnostics)
  }

  enum CellsOrTable {
    case cells(CSVCells)
    case table(Table)
  }

  /// Copies each vertically merged range's value down its first column.
  private static func applyMerges(
    _ merges: [SheetGrid.Merge], to rows: inout [CSVRecord], file: String, limits: SpreadsheetLimits
  ) throws(SpreadsheetProblem) {
    var index: [Int: Int] = [:]
    for (position, record) in rows.enumerated() { index[record.line] = position }
    var added = 0
    var inserted = false
    for merge in merges where merge.last.row > merge.first.row {
      guard let top = index[merge.first.row], let value = rows[top][field: merge.first.column - 1],
        !value.isEmpty
      else { continue }
      added += merge.last.row - merge.first.row
      if added > limits.cells || merge.last.row > limits.rows {
        throw SpreadsheetProblem(
          Catalogue.spreadsheetMergesTooLarge, (), at: SourceLocation(file: file, line: merge.first.row))
      }
      for row in (merge.first.row + 1)...merge.last.row {
        let position: Int
        if let existing = index[row] {
          position = existing
        } else {
          rows.append(CSVRecord(line: row, fields: []))
          position = rows.count - 1
          index[row] = position
          inserted = true
        }
        let column = merge.first.column - 1
        if rows[position].fields.count <= column {
          rows[position].fields.append(
            contentsOf: repeatElement("", count: column + 1 - rows[position].fields.count))
        }
        if rows[position].fields[column].isEmpty { rows[position].fields[column] = value }
      }
    }
    if inserted { rows.sort { $0.line < $1.line } }
  }
}
