import Foundation
import KenshuModel
import KenshuXML
import Testing

@testable import KenshuTabular

/// `Table.readCells` of an .xlsx (the sheet's text in one buffer, `CSVCells`) against
/// `Table.read` (a `String` per cell, `Table`), the reference: the same file name, header,
/// records, lines and diagnostics on seeded sheets and on every spreadsheet fixture.
@Suite struct SheetCellsTests {
  /// Compares both reads of `data`; returns whether the compact form was used.
  @discardableResult
  func expectSame(_ data: Data, file: String, sheet: String? = nil, _ context: String) -> Bool {
    let options = TableReadOptions(sheet: sheet)
    let reference = Table.read(data: data, file: file, options: options)
    let compact = Table.readCells(data: data, file: file, options: options)
    #expect(compact.diagnostics == reference.diagnostics, "\(context)")
    #expect(compact.rejectedLines == reference.rejectedLines, "\(context)")
    guard let cells = compact.cells else {
      #expect(compact.table == reference.table, "\(context)")
      return false
    }
    #expect(cells.file == reference.table.file, "\(context)")
    #expect(cells.header == reference.table.header, "\(context)")
    #expect(cells.headerLine == reference.table.headerLine, "\(context)")
    #expect(cells.rows == reference.table.records.map(\.fields), "\(context)")
    #expect(
      (0..<cells.count).map { cells.record($0).line } == reference.table.records.map(\.line), "\(context)")
    return true
  }

  @Test func test_fixtures_sameAsTable() throws {
    let names = [
      "roster.xlsx", "date1900.xlsx", "date1904.xlsx", "bad-reference.xlsx", "bad-shared-string.xlsx",
      "broken-xml.xlsx", "doctype.xlsx", "missing-sheet.xlsx", "lying-size.xlsx", "absurd-size.xlsx",
      "roster.ods", "repeat-columns.ods", "repeat-rows.ods", "legacy.xls", "document.docx",
    ]
    for name in names {
      let data = try spreadsheet(name)
      for sheet in [nil, "1", "2", "3", "回答", "設定", "名簿"] {
        expectSame(data, file: name, sheet: sheet, "\(name) \(sheet ?? "-")")
      }
    }
  }

  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
  }

  static let shared = ["氏名", "職種", " 看護師 ", "介護福祉士", "4", "4.0", "", "a_x000D_b", "特になし", "そう思う"]

  /// A cell of a kind chosen by `generator` at `reference` ("" for none).
  static func cell(_ reference: String, _ generator: inout Generator, bad: Bool) -> String {
    let r = generator.next(4) == 0 ? "" : " r=\"\(reference)\""
    switch generator.next(bad ? 17 : 16) {
    case 0: return "<c\(r) t=\"s\"><v>\(generator.next(shared.count))</v></c>"
    case 1:
      return "<c\(r) t=\"inlineStr\"><is><t xml:space=\"preserve\"> 自由記述 \(generator.next(9))</t></is></c>"
    case 2:
      return "<c\(r) t=\"inlineStr\"><is><r><t>東京</t></r><r><t>都</t></r><rPh><t>トウキョウ</t></rPh></is></c>"
    case 3:
      return
        "<c\(r)><v>\(generator.pick(["4", "4.0", "0.1", "1.5E-3", "-0", "007", "-12", "12345678901234567", "3.14159265358979"]))</v></c>"
    case 4:
      return "<c\(r) s=\"1\"><v>\(generator.pick(["45413", "60", "59", "0.5", "45413.25", "1", "0"]))</v></c>"
    case 5: return "<c\(r) t=\"b\"><v>\(generator.next(2))</v></c>"
    case 6: return "<c\(r) t=\"e\"><v>#N/A</v></c>"
    case 7: return "<c\(r) t=\"str\"><f>A1&amp;B1</f><v>結合</v></c>"
    case 8: return "<c\(r)><f>1+1</f><v>\(generator.pick(["2", "2.5", "4.0"]))</v></c>"
    case 9:
      return "<c\(r) t=\"d\"><v>\(generator.pick(["2024-05-01T00:00:00", "2024-05-01T09:30:00"]))</v></c>"
    case 10: return "<c\(r) s=\"1\"/>"
    case 11: return "<c\(r) t=\"s\"/>"
    case 12: return "<c\(r) t=\"inlineStr\"><is><t></t></is></c>"
    case 13: return "<c\(r)><v></v></c>"
    case 14: return "<c\(r) t=\"s\"><v>\(generator.pick(["4", "6"]))</v></c>"
    case 15: return "<c\(r)><v>\(generator.next(5) + 1)</v></c>"
    default: return generator.next(2) == 0 ? "<c\(r) t=\"s\"><v>99</v></c>" : "<c\(r)><v>abc</v></c>"
    }
  }

  static func sheetXML(_ generator: inout Generator, bad: Bool, merges: Bool) -> String {
    var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    var row = 0
    let width = 2 + generator.next(8)
    // Title rows, then the header, then data rows with gaps, blank and ragged rows.
    for _ in 0..<generator.next(3) {
      row += 1 + generator.next(2)
      xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>令和6年度 研修</t></is></c></row>"
    }
    row += 1
    xml += "<row r=\"\(row)\">"
    for column in 0..<width {
      xml +=
        "<c r=\"\(CellReference.columnName(column + 1))\(row)\" t=\"s\"><v>\(column % 3 == 2 ? 0 : column % 2)</v></c>"
    }
    xml += "</row>"
    for _ in 0..<(5 + generator.next(40)) {
      row += 1 + (generator.next(6) == 0 ? generator.next(3) : 0)
      let rowReference = generator.next(5) == 0 ? "" : " r=\"\(row)\""
      xml += "<row\(rowReference)>"
      var column = 0
      for _ in 0..<generator.next(width + 3) {
        column += 1 + (generator.next(5) == 0 ? 1 : 0)
        if generator.next(30) == 0 { column = max(1, column - 2) }
        xml += cell(
          "\(CellReference.columnName(column))\(row)", &generator, bad: bad && generator.next(20) == 0)
      }
      xml += "</row>"
    }
    xml += "</sheetData>"
    if merges {
      xml += "<mergeCells><mergeCell ref=\"A1:C1\"/>"
      if generator.next(2) == 0 { xml += "<mergeCell ref=\"A\(row - 2):A\(row)\"/>" }
      xml += "</mergeCells>"
    }
    return xml + "</worksheet>"
  }

  /// A workbook of `sheets` (name, hidden, sheet XML) with the shared strings and a date style.
  static func workbook(_ sheets: [(String, Bool, String)], date1904: Bool) throws -> Data {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return try makeXLSX(
      sheets: sheets.map { ($0.0, $0.1, Data($0.2.utf8)) },
      sharedStrings: "<sst xmlns=\"\(main)\">"
        + shared.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined() + "</sst>",
      styles:
        "<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
      date1904: date1904)
  }

  @Test func test_seededSheets_sameAsTable() throws {
    var compactReads = 0
    for seed in 0..<120 {
      var generator = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
      let bad = seed % 5 == 4
      let merges = seed % 4 == 3
      var sheets: [(String, Bool, String)] = []
      for index in 0..<(1 + generator.next(3)) {
        sheets.append(
          (
            "シート\(index + 1)", index == 0 && generator.next(3) == 0,
            Self.sheetXML(&generator, bad: bad, merges: merges)
          ))
      }
      let data = try Self.workbook(sheets, date1904: seed % 3 == 1)
      for sheet in [nil, "1", "2", "シート1", "シート3"] {
        if expectSame(data, file: "seed\(seed).xlsx", sheet: sheet, "seed \(seed) sheet \(sheet ?? "-")") {
          compactReads += 1
        }
      }
    }
    #expect(compactReads > 200)
  }

  @Test func test_scannedCellAttributes_sameAsLookupsByName() {
    let tags: [[(String, String)]] = [
      [], [("r", "A1")], [("r", "B2"), ("t", "s")], [("t", "s"), ("r", "C3")],
      [("s", "4"), ("t", "str"), ("r", "D4")],
      [("cm", "1"), ("r", "E5"), ("ph", "1"), ("vm", "2")], [("rr", "x"), ("ss", "y"), ("tt", "z")],
      [("dyDescent", "0.4"), ("t", "b")], [("r", ""), ("s", ""), ("t", "")],
    ]
    for tag in tags {
      let storage = tag.map { (Array($0.0.utf8), Array($0.1.utf8)) }
      let names = storage.map { UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max($0.0.count, 1)) }
      let values = storage.map { UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max($0.1.count, 1)) }
      defer { (names + values).forEach { $0.deallocate() } }
      let entries = UnsafeMutablePointer<ScannedAttributes.Entry>.allocate(capacity: max(tag.count, 1))
      defer { entries.deallocate() }
      for (index, (name, value)) in storage.enumerated() {
        _ = names[index].initialize(from: name)
        _ = values[index].initialize(from: value)
        entries[index] = ScannedAttributes.Entry(
          localName: UnsafeBufferPointer(rebasing: names[index][..<name.count]),
          value: UnsafeBufferPointer(rebasing: values[index][..<value.count]))
      }
      let attributes = ScannedAttributes(entries: entries, count: tag.count)
      let cell = attributes.cellAttributes()
      func same(_ one: XMLStreamBytes?, _ other: XMLStreamBytes?) -> Bool {
        one.map { Array($0.bytes) } == other.map { Array($0.bytes) }
      }
      #expect(same(cell.reference, attributes.attribute("r")), "\(tag)")
      #expect(same(cell.style, attributes.attribute("s")), "\(tag)")
      #expect(same(cell.type, attributes.attribute("t")), "\(tag)")
    }
  }
}
