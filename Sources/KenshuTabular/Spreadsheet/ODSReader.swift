import Foundation
import KenshuModel
import KenshuXML

/// Reads an OpenDocument spreadsheet's `content.xml` (streamed) as rows of cell text.
///
/// Cells: `office:value-type` decides — float, percentage and currency from `office:value`
/// (shown as in General format), date from `office:date-value` (ISO), time from
/// `office:time-value`, boolean as TRUE/FALSE, string (and anything else) from the text
/// paragraphs (`text:p` lines joined with a line break, `text:s` spaces, `text:tab`,
/// `text:span` runs; annotations left out). `table:number-columns-repeated` and
/// `table:number-rows-repeated` are honoured without expanding empty repeats (LibreOffice
/// writes a million trailing empty rows that way); repeats of filled cells are bounded by the
/// limits. Sheets whose table style has `table:display="false"` are hidden.
struct ODSReader {
  var file: String
  var archive: SpreadsheetArchive

  struct Document {
    var sheets: [SpreadsheetSheet]
    /// Rows of the sheets that may be the one asked for (by name or number, or the first
    /// visible one); others are skipped unread.
    var grids: [String: SheetGrid]
  }

  func read(sheet selector: String?, limits: SpreadsheetLimits) throws(SpreadsheetProblem) -> Document {
    var archive = archive
    let handler = ContentHandler(file: file, selector: selector, limits: limits)
    let parser = XMLStreamParser(path: "\(file) [content.xml]", handler: handler)
    handler.parser = parser
    let found: Bool
    do {
      found = try archive.stream("content.xml") { chunk in chunk.withUnsafeBytes { parser.feed($0) } }
    } catch {
      throw SpreadsheetProblem(file: file, archiveFailure: error)
    }
    guard found else {
      throw SpreadsheetProblem(Catalogue.spreadsheetMissingContent, (), at: SourceLocation(file: file))
    }
    if let problem = handler.problem { throw problem }
    if let first = parser.finish().first { throw SpreadsheetProblem(parsingProblem: first) }
    return Document(sheets: handler.sheets, grids: handler.grids)
  }
}

private final class ContentHandler: PartHandler, XMLStreamHandler {
  let file: String
  let selector: String?
  let limits: SpreadsheetLimits
  var sheets: [SpreadsheetSheet] = []
  var grids: [String: SheetGrid] = [:]

  private var hiddenStyles: Set<String> = []
  private var styleName: String?
  private var visibleCount = 0
  private var reading: String?
  private var grid = SheetGrid()
  private var row = 0
  private var rowRepeat = 1
  private var fields: [String] = []
  private var column = 0
  private var cellRepeat = 1
  private var cellValue: String?
  private var cellSpan: (columns: Int, rows: Int) = (1, 1)
  private var text: [UInt8] = []
  private var paragraphs = 0
  private var inParagraph = 0
  private var inAnnotation = 0
  private var cells = 0

  init(file: String, selector: String?, limits: SpreadsheetLimits) {
    self.file = file
    self.selector = selector
    self.limits = limits
  }

  private func location(column: Int = 0) -> SourceLocation {
    SourceLocation(file: "\(file) [\(reading ?? "")]", line: row + 1, column: column)
  }

  private static func count(_ attributes: XMLStreamAttributes, _ name: StaticString) -> Int {
    guard let text = attributes.string(name) else { return 1 }
    // Absurd counts (beyond Int) are as bad as huge ones: the bounds below catch both.
    return Int(text).map { max($0, 1) } ?? Int.max / 4
  }

  /// Whether the sheet about to start may be the one asked for.
  private func wanted(name: String, hidden: Bool) -> Bool {
    guard let selector else { return !hidden && visibleCount == 1 }
    if name == selector || Table.normalizedHeader(name) == Table.normalizedHeader(selector) { return true }
    return !hidden && Int(selector) == visibleCount
  }

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    if inAnnotation > 0 {
      if name == "annotation" { inAnnotation += 1 }
      return
    }
    if reading != nil {
      if name == "table-cell" || name == "covered-table-cell" {
        cellRepeat = Self.count(attributes, "number-columns-repeated")
        cellSpan = (
          Self.count(attributes, "number-columns-spanned"), Self.count(attributes, "number-rows-spanned")
        )
        text.removeAll(keepingCapacity: true)
        paragraphs = 0
        cellValue = nil
        switch attributes.value("value-type", prefix: "office") {
        case let type? where type == "float" || type == "percentage" || type == "currency":
          if let value = attributes.string("value", prefix: "office").flatMap(CellText.parseNumber) {
            cellValue = CellText.number(value)
          }
        case let type? where type == "date":
          if var value = attributes.string("date-value", prefix: "office") {
            if value.hasSuffix("T00:00:00") { value.removeLast(9) }
            if let dot = value.firstIndex(of: ".") { value = String(value[..<dot]) }
            if value.count > 16, value.hasSuffix(":00") { value.removeLast(3) }
            cellValue = value.replacingOccurrences(of: "T", with: " ")
          }
        case let type? where type == "time":
          cellValue = attributes.string("time-value", prefix: "office").flatMap(Self.time)
        case let type? where type == "boolean":
          cellValue = attributes.string("boolean-value", prefix: "office") == "true" ? "TRUE" : "FALSE"
        default: break
        }
      } else if name == "p" || name == "h" {
        if paragraphs > 0 { text.append(UInt8(ascii: "\n")) }
        paragraphs += 1
        inParagraph += 1
      } else if name == "s", inParagraph > 0 {
        let spaces = min(Self.count(attributes, "c"), 1000)
        text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
      } else if name == "tab", inParagraph > 0 {
        text.append(UInt8(ascii: "\t"))
      } else if name == "line-break", inParagraph > 0 {
        text.append(UInt8(ascii: "\n"))
      } else if name == "annotation" {
        inAnnotation = 1
      } else if name == "table-row" {
        rowRepeat = Self.count(attributes, "number-rows-repeated")
        fields.removeAll(keepingCapacity: true)
        column = 0
      }
      return
    }
    if name == "style", let style = attributes.string("name", prefix: "style") {
      styleName = style
    } else if name == "table-properties", let styleName,
      attributes.string("display", prefix: "table") == "false"
    {
      hiddenStyles.insert(styleName)
    } else if name == "table", prefix == "table" {
      let sheetName = attributes.string("name", prefix: "table") ?? "Sheet\(sheets.count + 1)"
      let hidden = attributes.string("style-name", prefix: "table").map(hiddenStyles.contains) ?? false
      if !hidden { visibleCount += 1 }
      sheets.append(SpreadsheetSheet(name: sheetName, hidden: hidden))
      if wanted(name: sheetName, hidden: hidden) {
        reading = sheetName
        grid = SheetGrid()
        row = 0
        cells = 0
      }
    }
  }

  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {
    if inAnnotation > 0 {
      if name == "annotation" { inAnnotation -= 1 }
      return
    }
    guard let reading else { return }
    if name == "p" || name == "h" {
      inParagraph -= 1
    } else if name == "table-cell" || name == "covered-table-cell" {
      endCell()
    } else if name == "table-row" {
      endRow()
    } else if name == "table", prefix == "table" {
      grids[reading] = grid
      self.reading = nil
    }
  }

  func characters(_ bytes: XMLStreamBytes) {
    if reading != nil, inParagraph > 0, inAnnotation == 0 { text.append(contentsOf: bytes.bytes) }
  }

  private func endCell() {
    let value = cellValue ?? String(decoding: text, as: UTF8.self)
    let first = column + 1
    if value.isEmpty {
      // Empty repeats (often thousands of columns) only move the position.
      column = column > limits.columns ? column : min(column + cellRepeat, limits.columns + 1)
      return
    }
    if cellSpan.columns > 1 || cellSpan.rows > 1 {
      let lastColumn = first + min(cellSpan.columns, limits.columns) - 1
      let lastRow = row + 1 + min(cellSpan.rows, limits.rows + 1) - 1
      grid.merges.append(SheetGrid.Merge(first: (first, row + 1), last: (lastColumn, lastRow)))
    }
    if cellRepeat > limits.columns || first + cellRepeat - 1 > limits.columns {
      fail(
        SpreadsheetProblem(
          Catalogue.spreadsheetTooManyColumns, limits.columns,
          at: location(column: min(first, limits.columns))))
      return
    }
    cells += cellRepeat
    if cells > limits.cells {
      fail(
        SpreadsheetProblem(Catalogue.spreadsheetTooManyCells, limits.cells, at: location(column: first)))
      return
    }
    if fields.count < column { fields.append(contentsOf: repeatElement("", count: column - fields.count)) }
    fields.append(contentsOf: repeatElement(value, count: cellRepeat))
    column += cellRepeat
  }

  private func endRow() {
    defer { row = row > limits.rows ? row : min(row + rowRepeat, limits.rows + 1) }
    guard !fields.isEmpty else { return }
    if rowRepeat > limits.rows || row + rowRepeat > limits.rows {
      fail(
        SpreadsheetProblem(Catalogue.spreadsheetTooManyRows, limits.rows, at: location()))
      return
    }
    cells += fields.count * (rowRepeat - 1)
    if cells > limits.cells {
      fail(
        SpreadsheetProblem(Catalogue.spreadsheetTooManyCells, limits.cells, at: location()))
      return
    }
    for offset in 0..<rowRepeat {
      grid.rows.append(CSVRecord(line: row + 1 + offset, fields: fields))
    }
  }

  /// `PT09H30M00S` → `09:30` (seconds when not zero).
  private static func time(_ text: String) -> String? {
    var hours = 0
    var minutes = 0
    var seconds = 0.0
    var number = ""
    for character in text.dropFirst(2) {
      switch character {
      case "H": hours = Int(number) ?? 0; number = ""
      case "M": minutes = Int(number) ?? 0; number = ""
      case "S": seconds = Double(number) ?? 0; number = ""
      default: number.append(character)
      }
    }
    let whole = Int(seconds.rounded())
    return whole == 0
      ? String(format: "%02d:%02d", hours, minutes) : String(format: "%02d:%02d:%02d", hours, minutes, whole)
  }
}
