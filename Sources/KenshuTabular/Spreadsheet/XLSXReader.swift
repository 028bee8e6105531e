import Foundation
import KenshuModel
import KenshuXML

/// Reads one sheet of an .xlsx workbook as rows of cell text.
///
/// Parts used: `xl/workbook.xml` (sheet names, order, visibility, the 1904 date system),
/// `xl/_rels/workbook.xml.rels` (which part holds each sheet), `xl/styles.xml` (which cell
/// styles are dates), `xl/sharedStrings.xml` and the sheet itself. Every part is streamed
/// through libxml2 (`XMLStreamParser`), so a sheet of 100,000 rows is never held as a tree.
/// Cell values: shared and inline strings (rich-text runs joined, phonetic `rPh` runs left out),
/// numbers as Excel shows them in General format, booleans as TRUE/FALSE, error values as
/// written (`#N/A`), dates (by the cell's number format) as ISO dates, formulas by their cached
/// value.
struct XLSXReader {
  var file: String
  var archive: SpreadsheetArchive
  /// How the sheet's `<sheetData>` is read.
  var scan: SheetScan = .standard

  /// Sheets of the workbook in tab order.
  func sheets() throws(SpreadsheetProblem) -> (sheets: [SpreadsheetSheet], date1904: Bool) {
    var archive = archive
    let workbook = WorkbookHandler()
    try stream("xl/workbook.xml", into: workbook, archive: &archive, required: true)
    let relationships = RelationshipsHandler()
    try stream("xl/_rels/workbook.xml.rels", into: relationships, archive: &archive, required: true)
    var sheets: [SpreadsheetSheet] = []
    for sheet in workbook.sheets {
      guard let target = relationships.targets[sheet.relationship] else { continue }
      let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      sheets.append(SpreadsheetSheet(name: sheet.name, hidden: sheet.hidden, part: part))
    }
    return (sheets, workbook.date1904)
  }

  /// The rows of `sheet`, with its merged ranges.
  func read(sheet: SpreadsheetSheet, date1904: Bool, limits: SpreadsheetLimits) throws(SpreadsheetProblem)
    -> SheetGrid
  {
    try handler(sheet: sheet, date1904: date1904, limits: limits, compact: false).grid
  }

  /// The rows of `sheet` as one buffer of cell text and positions (the cells `read` gives,
  /// without a `String` per cell), with its merged ranges; nil if the text would not fit
  /// positions of 31 bits.
  func readCompact(sheet: SpreadsheetSheet, date1904: Bool, limits: SpreadsheetLimits)
    throws(SpreadsheetProblem) -> CompactSheet?
  {
    let handler = try handler(sheet: sheet, date1904: date1904, limits: limits, compact: true)
    return handler.compactSheet
  }

  /// The handler that has read `sheet`.
  func handler(sheet: SpreadsheetSheet, date1904: Bool, limits: SpreadsheetLimits, compact: Bool)
    throws(SpreadsheetProblem) -> SheetHandler
  {
    var archive = archive
    let styles = StylesHandler()
    try stream("xl/styles.xml", into: styles, archive: &archive, required: false)
    let strings = SharedStringsHandler()
    try stream("xl/sharedStrings.xml", into: strings, archive: &archive, required: false)
    let dateStyles = styles.dateStyles()
    func makeHandler() -> SheetHandler {
      SheetHandler(
        sheet: sheet.name, file: file, sharedStrings: strings.strings,
        dateStyles: dateStyles, date1904: date1904, limits: limits, compact: compact)
    }
    var handler = makeHandler()
    let before = archive
    if scan == .scanned, try streamScanned(sheet.part, into: handler, archive: &archive) {
      return handler
    }
    if scan == .scanned {
      // The scan met something it does not read the way libxml2 does: libxml2 reads it all.
      handler = makeHandler()
      archive = before
    }
    try stream(sheet.part, into: handler, archive: &archive, required: true)
    if let problem = handler.problem { throw problem }
    return handler
  }

  /// `stream` of a sheet part through `SheetPartFeeder`: libxml2 reads the part but for the
  /// content of `<sheetData>`, which `SheetDataScanner` reads. Returns false (having read
  /// nothing that counts) when the part is to be read again by libxml2 alone: the scan met
  /// something it does not read exactly as libxml2 would, or libxml2 found an error after it
  /// (whose line and column are only right when libxml2 has seen every byte before it).
  private func streamScanned(_ part: String, into handler: SheetHandler, archive: inout SpreadsheetArchive)
    throws(SpreadsheetProblem) -> Bool
  {
    let parser = XMLStreamParser(path: "\(file) [\(part)]", handler: handler)
    handler.parser = parser
    let feeder = SheetPartFeeder(parser: parser, handler: handler)
    let found = try feed(part, from: &archive) { feeder.feed($0) }
    if !found {
      throw SpreadsheetProblem(Catalogue.spreadsheetMissingPart, part, at: SourceLocation(file: file))
    }
    if feeder.needsRestart { return false }
    if let problem = handler.problem { throw problem }
    let diagnostics = feeder.finish()
    if feeder.needsRestart { return false }
    if let first = diagnostics.first { throw SpreadsheetProblem(parsingProblem: first) }
    handler.readByScan = feeder.scanned
    return true
  }

  private func stream(
    _ part: String, into handler: some XMLStreamHandler & PartHandler, archive: inout SpreadsheetArchive,
    required: Bool
  ) throws(SpreadsheetProblem) {
    let parser = XMLStreamParser(path: "\(file) [\(part)]", handler: handler)
    handler.parser = parser
    let found = try feed(part, from: &archive) { parser.feed($0) }
    if !found {
      if required {
        throw SpreadsheetProblem(Catalogue.spreadsheetMissingPart, part, at: SourceLocation(file: file))
      }
      return
    }
    if let problem = handler.problem { throw problem }
    if let first = parser.finish().first { throw SpreadsheetProblem(parsingProblem: first) }
  }

  /// Streams `part`'s inflated bytes to `consumer` (false stops it); whether the part exists.
  /// An archive failure (damaged entry, size or ratio limit) becomes the file's problem.
  private func feed(
    _ part: String, from archive: inout SpreadsheetArchive, to consumer: (UnsafeRawBufferPointer) -> Bool
  ) throws(SpreadsheetProblem) -> Bool {
    do {
      return try archive.stream(part) { chunk in chunk.withUnsafeBytes { consumer($0) } }
    } catch {
      throw SpreadsheetProblem(file: file, archiveFailure: error)
    }
  }
}

/// A handler that can stop its parser with a located problem.
class PartHandler {
  // `unowned`, not `weak`: a weak reference gives the parser a side table, and then every retain
  // and release of it (two per SAX callback, millions per sheet) takes the slow path: 23 % of
  // `evaluate`'s CPU on a 100,000-row .xlsx. The parser outlives every callback that uses this.
  unowned var parser: XMLStreamParser?
  // Read after every event of a sheet (millions); set once, on the parsing thread.
  @exclusivity(unchecked) var problem: SpreadsheetProblem?

  func fail(_ problem: SpreadsheetProblem) {
    if self.problem == nil { self.problem = problem }
    parser?.stop()
  }
}

/// `<sheet name r:id state>` elements and `<workbookPr date1904>`.
private final class WorkbookHandler: PartHandler, XMLStreamHandler {
  struct Entry {
    var name: String
    var relationship: String
    var hidden: Bool
  }
  var sheets: [Entry] = []
  var date1904 = false

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    if name == "sheet" {
      let state = attributes.string("state") ?? "visible"
      sheets.append(
        Entry(
          name: attributes.string("name") ?? "Sheet\(sheets.count + 1)",
          relationship: attributes.string("id", prefix: "r") ?? attributes.string("id") ?? "",
          hidden: state != "visible"))
    } else if name == "workbookPr" {
      let value = attributes.string("date1904")
      date1904 = value == "1" || value == "true"
    }
  }
  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {}
  func characters(_ text: XMLStreamBytes) {}
}

/// `<Relationship Id Target>` elements.
private final class RelationshipsHandler: PartHandler, XMLStreamHandler {
  var targets: [String: String] = [:]

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    guard name == "Relationship", let id = attributes.string("Id"), let target = attributes.string("Target")
    else {
      return
    }
    targets[id] = target
  }
  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {}
  func characters(_ text: XMLStreamBytes) {}
}

/// Custom `<numFmt>`s and the number format of each `<cellXfs><xf>`.
private final class StylesHandler: PartHandler, XMLStreamHandler {
  var customFormats: [Int: String] = [:]
  var cellFormats: [Int] = []
  private var inCellXfs = false

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    if name == "numFmt", let id = attributes.string("numFmtId").flatMap({ Int($0) }) {
      customFormats[id] = attributes.string("formatCode")
    } else if name == "cellXfs" {
      inCellXfs = true
    } else if inCellXfs, name == "xf" {
      cellFormats.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
    }
  }
  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {
    if name == "cellXfs" { inCellXfs = false }
  }
  func characters(_ text: XMLStreamBytes) {}

  /// For each style index, whether it shows a date.
  func dateStyles() -> [Bool] {
    cellFormats.map { CellText.isDateFormat(id: $0, code: customFormats[$0]) }
  }
}

/// `<si>` items: plain `<t>` or rich-text runs `<r><t>`; phonetic guides (`<rPh>`) left out.
private final class SharedStringsHandler: PartHandler, XMLStreamHandler {
  var strings: [String] = []
  private var buffer: [UInt8] = []
  private var inText = false
  private var inPhonetic = false

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    if name == "si" {
      buffer.removeAll(keepingCapacity: true)
    } else if name == "t" {
      inText = !inPhonetic
    } else if name == "rPh" {
      inPhonetic = true
    }
  }
  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {
    if name == "t" {
      inText = false
    } else if name == "rPh" {
      inPhonetic = false
    } else if name == "si" {
      strings.append(CellText.unescapeOOXML(String(decoding: buffer, as: UTF8.self)))
    }
  }
  func characters(_ text: XMLStreamBytes) {
    if inText { buffer.append(contentsOf: text.bytes) }
  }
}

/// The cells of one worksheet, row by row, straight into `SheetGrid`.
final class SheetHandler: PartHandler, XMLStreamHandler {
  // Swift checks exclusive access to a class's stored properties at run time: on this one, one
  // check per SAX callback (swift_beginAccess and its thread-local set: 4 % of the instructions
  // of evaluating an .xlsx). The callbacks come one after another on the parsing thread and
  // none re-enters another, so no two accesses can overlap.
  @exclusivity(unchecked) private var cells: SheetCells

  var grid: SheetGrid { cells.grid }

  /// The rows read in compact form (nil if they overflowed it).
  var compactSheet: CompactSheet? {
    guard !cells.overflow else { return nil }
    var sheet = cells.compact
    sheet.commit()
    sheet.merges = cells.grid.merges
    return sheet
  }

  init(
    sheet: String, file: String, sharedStrings: [String], dateStyles: [Bool], date1904: Bool,
    limits: SpreadsheetLimits, compact: Bool = false
  ) {
    cells = SheetCells(
      sheet: sheet, file: file, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904,
      limits: limits, isCompact: compact)
  }

  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
    depth += 1
    if depth == 1 {
      rootNamespaces = attributes.namespaceDeclarations
    } else if depth == 2 {
      childNamespaces = attributes.namespaceDeclarations
    }
    sheetDataOpen = depth == 2 && prefix.bytes.isEmpty && name == "sheetData"
    start(SheetElement(name), attributes: attributes)
  }

  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {
    depth -= 1
    sheetDataOpen = false
    end(SheetElement(name))
  }

  func characters(_ text: XMLStreamBytes) {
    cells.characters(text)
  }

  /// `SheetDataScanner` read the rows (for tests).
  var readByScan = false

  /// Elements open (as libxml2 reported them).
  private var depth = 0
  /// The last event from libxml2 was the start tag of `<sheetData>`, the root's child.
  private(set) var sheetDataOpen = false
  /// The namespaces declared on the root, and on the root's child last opened (libxml2's
  /// events only: the scan starts inside `<sheetData>`, whose ancestors libxml2 has read).
  private var rootNamespaces: [XMLNamespaceDeclaration] = []
  private var childNamespaces: [XMLNamespaceDeclaration] = []

  /// The namespace declarations in scope inside the root's child last opened, outermost first
  /// (a later one for the same prefix overrides an earlier one).
  var namespacesInScope: [XMLNamespaceDeclaration] { rootNamespaces + childNamespaces }

  /// A start tag, from libxml2 or from `SheetDataScanner` (which knows the element by name).
  func start(_ element: SheetElement, attributes: some SheetAttributes) {
    if let problem = cells.startElement(element, attributes: attributes) { fail(problem) }
  }

  /// An end tag, from libxml2 or from `SheetDataScanner`.
  func end(_ element: SheetElement) {
    if let problem = cells.endElement(element) { fail(problem) }
  }
}

/// The attributes of a start tag in sheet XML, from libxml2 or from `SheetDataScanner`.
protocol SheetAttributes {
  /// The value of the attribute whose local name is `name`, or nil.
  func attribute(_ name: StaticString) -> XMLStreamBytes?
  /// The attributes `r`, `s` and `t` of a `<c>`: `attribute("r")`, `attribute("s")` and
  /// `attribute("t")`.
  func cellAttributes() -> CellAttributes
}

/// A cell's reference, style and type, as written (nil when absent).
struct CellAttributes {
  var reference: XMLStreamBytes?
  var style: XMLStreamBytes?
  var type: XMLStreamBytes?
}

extension SheetAttributes {
  func cellAttributes() -> CellAttributes {
    CellAttributes(reference: attribute("r"), style: attribute("s"), type: attribute("t"))
  }
}

/// The elements `SheetCells` reads, by local name.
enum SheetElement {
  case c, v, `is`, t, rPh, mergeCell, row, other

  @inline(__always)
  init(_ name: XMLStreamBytes) {
    let bytes = name.bytes
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case UInt8(ascii: "c"): self = .c
      case UInt8(ascii: "v"): self = .v
      case UInt8(ascii: "t"): self = .t
      default: self = .other
      }
    case 2: self = name == "is" ? .is : .other
    case 3: self = name == "row" ? .row : name == "rPh" ? .rPh : .other
    case 9: self = name == "mergeCell" ? .mergeCell : .other
    default: self = .other
    }
  }
}

extension XMLStreamAttributes: SheetAttributes {
  func attribute(_ name: StaticString) -> XMLStreamBytes? { value(name) }
}

/// What `SheetHandler` has read so far and is reading; each event returns the problem that
/// ends the sheet, if any.
private struct SheetCells {
  let sheet: String
  let file: String
  let sharedStrings: [String]
  /// Compact form: the shared strings' UTF-8 one after another, string `i` at
  /// `sharedText[sharedEnds[i - 1]..<sharedEnds[i]]` (from 0 for the first), appended to a
  /// cell's text without touching a `String`.
  private var sharedText: [UInt8] = []
  private var sharedEnds: [Int] = []
  let dateStyles: [Bool]
  let date1904: Bool
  let limits: SpreadsheetLimits
  var grid = SheetGrid()
  /// Cells go to `compact` (bytes and positions) instead of `grid.rows`.
  let isCompact: Bool
  var compact = CompactSheet()
  /// The compact text outgrew positions of 31 bits: the sheet is to be read as `grid`.
  var overflow = false

  private var row = 0
  private var fields: [String] = []
  private var column = 0
  private var cellType: CellType = .number
  private var cellStyle = 0
  /// The text of the cell's `<v>` or inline string.
  private let buffer = CellTextBuffer()
  private var collecting = false
  private var inInlineString = false
  private var inPhonetic = false
  private var cellHasValue = false
  private var cells = 0

  enum CellType { case number, shared, inline, boolean, error, string, date }

  init(
    sheet: String, file: String, sharedStrings: [String], dateStyles: [Bool], date1904: Bool,
    limits: SpreadsheetLimits, isCompact: Bool
  ) {
    self.sheet = sheet
    self.file = file
    self.sharedStrings = sharedStrings
    self.dateStyles = dateStyles
    self.date1904 = date1904
    self.limits = limits
    self.isCompact = isCompact
    if isCompact {
      sharedEnds.reserveCapacity(sharedStrings.count)
      for text in sharedStrings {
        sharedText.append(contentsOf: text.utf8)
        sharedEnds.append(sharedText.count)
      }
    }
  }

  private func location(column: Int = 0) -> SourceLocation {
    SourceLocation(file: "\(file) [\(sheet)]", line: row, column: column)
  }

  mutating func startElement(_ element: SheetElement, attributes: some SheetAttributes) -> SpreadsheetProblem?
  {
    switch element {
    case .c:
      column += 1
      let cell = attributes.cellAttributes()
      if let reference = cell.reference {
        guard let parsed = CellReference.parse(reference.bytes) else {
          return SpreadsheetProblem(Catalogue.spreadsheetBadReference, reference.string, at: location())
        }
        column = parsed.column
      }
      cellStyle = cell.style.flatMap { Self.integer($0.bytes) } ?? 0
      cellType =
        switch cell.type {
        case let t? where t == "s": .shared
        case let t? where t == "inlineStr": .inline
        case let t? where t == "b": .boolean
        case let t? where t == "e": .error
        case let t? where t == "str": .string
        case let t? where t == "d": .date
        default: .number
        }
      buffer.count = 0
      cellHasValue = false
    case .v:
      collecting = true
      cellHasValue = true
    case .is:
      inInlineString = true
      cellHasValue = true
    case .t:
      collecting = inInlineString && !inPhonetic
    case .rPh:
      inPhonetic = true
    case .mergeCell:
      if let reference = attributes.attribute("ref")?.string, let range = CellReference.parseRange(reference)
      {
        grid.merges.append(SheetGrid.Merge(first: range.first, last: range.last))
      }
    case .row:
      let previous = row
      if let reference = attributes.attribute("r") {
        row = Int(reference.string) ?? (row + 1)
      } else {
        row += 1
      }
      if row <= previous || row > CellReference.maxRows {
        return SpreadsheetProblem(Catalogue.spreadsheetBadRow, row, at: location())
      }
      column = 0
      if isCompact { compact.beginRow() } else { fields.removeAll(keepingCapacity: true) }
    case .other:
      break
    }
    return nil
  }

  mutating func endElement(_ element: SheetElement) -> SpreadsheetProblem? {
    switch element {
    case .v, .t:
      collecting = false
    case .rPh:
      inPhonetic = false
    case .is:
      inInlineString = false
    case .c:
      // Column 0: a `<row>` started inside the cell (well-formed, if absurd): no cell to place.
      guard cellHasValue, column >= 1 else { return nil }
      if isCompact { return endCompactCell() }
      let text: String
      do {
        text = try cellText()
      } catch {
        return error
      }
      if text.isEmpty { return nil }
      if column > limits.columns {
        return SpreadsheetProblem(
          Catalogue.spreadsheetTooManyColumns, limits.columns, at: location(column: column))
      }
      cells += 1
      if cells > limits.cells {
        return SpreadsheetProblem(
          Catalogue.spreadsheetTooManyCells, limits.cells, at: location(column: column))
      }
      if fields.count < column - 1 {
        fields.append(contentsOf: repeatElement("", count: column - 1 - fields.count))
      }
      if fields.count == column - 1 {
        fields.append(text)
      } else {
        fields[column - 1] = text
      }
    case .row:
      if isCompact {
        compact.endRow(line: row)
      } else if !fields.isEmpty {
        grid.rows.append(CSVRecord(line: row, fields: fields))
      }
    case .mergeCell, .other:
      break
    }
    return nil
  }

  /// `endElement("c")` in compact form: the cell's text appended to `compact.text`, with the
  /// same checks in the same order.
  private mutating func endCompactCell() -> SpreadsheetProblem? {
    let start = compact.text.count
    let isDate = cellType == .number && dateStyles.indices.contains(cellStyle) && dateStyles[cellStyle]
    let buffer = self.buffer.bytes
    if cellType == .number, !isDate, Self.isPlainInteger(buffer) {
      compact.text.append(contentsOf: buffer)
    } else if cellType == .shared {
      guard let index = Self.integer(buffer), sharedEnds.indices.contains(index) else {
        return SpreadsheetProblem(Catalogue.spreadsheetBadSharedString, (), at: location(column: column))
      }
      let from = index == 0 ? 0 : sharedEnds[index - 1]
      compact.text.append(contentsOf: sharedText[from..<sharedEnds[index]])
    } else {
      do {
        compact.text.append(contentsOf: try cellText().utf8)
      } catch {
        return error
      }
    }
    if compact.text.count == start { return nil }
    if column > limits.columns {
      return SpreadsheetProblem(
        Catalogue.spreadsheetTooManyColumns, limits.columns, at: location(column: column))
    }
    cells += 1
    if cells > limits.cells {
      return SpreadsheetProblem(
        Catalogue.spreadsheetTooManyCells, limits.cells, at: location(column: column))
    }
    if compact.text.count >= CSVCells.sizeLimit { overflow = true }
    if overflow {
      compact.text.removeAll()
      return nil
    }
    compact.set(column: column - 1, start: start, end: compact.text.count)
    return nil
  }

  /// `Int(String(decoding: bytes, as: UTF8.self))` for the plain digits of a shared string's
  /// index or a cell's style; anything else goes through `Int`.
  private static func integer(_ bytes: some Collection<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return Int(String(decoding: bytes, as: UTF8.self)) }
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
        return Int(String(decoding: bytes, as: UTF8.self))
      }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  mutating func characters(_ text: XMLStreamBytes) {
    if collecting { buffer.append(text.bytes) }
  }

  /// The cell's text.
  private func cellText() throws(SpreadsheetProblem) -> String {
    let buffer = self.buffer.bytes
    switch cellType {
    case .shared:
      guard let index = Int(String(decoding: buffer, as: UTF8.self)), sharedStrings.indices.contains(index)
      else {
        throw SpreadsheetProblem(Catalogue.spreadsheetBadSharedString, (), at: location(column: column))
      }
      return sharedStrings[index]
    case .inline, .string:
      return CellText.unescapeOOXML(String(decoding: buffer, as: UTF8.self))
    case .boolean:
      return buffer.count == 1 && buffer[0] == UInt8(ascii: "1") ? "TRUE" : "FALSE"
    case .error:
      return String(decoding: buffer, as: UTF8.self)
    case .date:
      // ISO 8601 text; a midnight time adds nothing.
      var text = String(decoding: buffer, as: UTF8.self)
      if text.hasSuffix("T00:00:00") { text.removeLast(9) }
      return text.replacingOccurrences(of: "T", with: " ")
    case .number:
      if buffer.isEmpty { return "" }
      let isDate = dateStyles.indices.contains(cellStyle) && dateStyles[cellStyle]
      if !isDate, Self.isPlainInteger(buffer) { return String(decoding: buffer, as: UTF8.self) }
      let raw = String(decoding: buffer, as: UTF8.self)
      guard let value = CellText.parseNumber(raw) else {
        throw SpreadsheetProblem(Catalogue.spreadsheetBadNumber, raw, at: location(column: column))
      }
      if isDate, let date = CellText.date(serial: value, date1904: date1904) { return date }
      return CellText.number(value)
    }
  }

  /// Digits with an optional minus sign and no leading zero: already as Excel shows it.
  private static func isPlainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
    guard index < bytes.count, bytes.count - index <= 15 else { return false }
    if bytes[index] == UInt8(ascii: "0") { return bytes.count - index == 1 }
    while index < bytes.count {
      guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return false }
      index += 1
    }
    return true
  }
}

/// The bytes of one cell's text, cleared for every cell: `[UInt8]`'s `removeAll(keepingCapacity:)`
/// and `append(contentsOf:)` (not inlined) were 0.13 G of the 1.78 G instructions of scanning
/// a 20,000-row sheet, for a text of one to three bytes.
final class CellTextBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity = 64
  /// Bytes held; set to 0 to clear.
  var count = 0

  init() { storage = .allocate(capacity: capacity) }

  deinit { storage.deallocate() }

  /// The bytes, valid until the next `append`.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

  @inline(__always)
  func append(_ text: UnsafeBufferPointer<UInt8>) {
    guard let source = text.baseAddress else { return }
    let needed = count + text.count
    if needed > capacity { grow(to: needed) }
    (storage + count).update(from: source, count: text.count)
    count = needed
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    larger.initialize(from: storage, count: count)
    storage.deallocate()
    storage = larger
    capacity = newCapacity
  }
}

/// A sheet's rows as `XLSXReader.readCompact` reads them: every cell's final text (as `read`
/// gives it in `SheetGrid.rows`) in one UTF-8 buffer, and where each cell lies, as a
/// `CSVCells.Part` (one record per non-empty row, its line the row number).
struct CompactSheet {
  var text: [UInt8] = []
  var part = CSVCells.Part()
  var merges: [SheetGrid.Merge] = []
  /// Positions of the rows ended so far (cells after them belong to no row yet).
  private var committed = 0

  /// Cells read outside a row are dropped, as `SheetGrid`'s fields are cleared.
  mutating func beginRow() {
    if part.starts.count > committed {
      part.starts.removeSubrange(committed...)
      part.ends.removeSubrange(committed...)
    }
  }

  /// Field `column` (0-based) of the current row: empty fields before it, or in its place.
  mutating func set(column: Int, start: Int, end: Int) {
    let filled = part.starts.count - committed
    if filled < column {
      part.starts.append(contentsOf: repeatElement(0, count: column - filled))
      part.ends.append(contentsOf: repeatElement(0, count: column - filled))
    }
    if filled <= column {
      part.starts.append(UInt32(truncatingIfNeeded: start))
      part.ends.append(UInt32(truncatingIfNeeded: end))
    } else {
      part.starts[committed + column] = UInt32(truncatingIfNeeded: start)
      part.ends[committed + column] = UInt32(truncatingIfNeeded: end)
    }
  }

  /// The current row is a record if it has a cell.
  mutating func endRow(line: Int) {
    guard part.starts.count > committed else { return }
    part.recordStarts.append(UInt32(truncatingIfNeeded: committed))
    part.lines.append(line)
    committed = part.starts.count
  }

  /// Drops cells after the last row.
  mutating func commit() { beginRow() }

  var recordCount: Int { part.lines.count }

  /// The fields of record `index`.
  func fields(_ index: Int) -> [String] {
    let base = Int(part.recordStarts[index])
    let end = index + 1 < part.recordStarts.count ? Int(part.recordStarts[index + 1]) : part.starts.count
    return (base..<end).map { field in
      text.withUnsafeBufferPointer {
        String(decoding: $0[Int(part.starts[field])..<Int(part.ends[field])], as: UTF8.self)
      }
    }
  }
}
