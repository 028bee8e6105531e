import Foundation
import KenshuModel
import Testing
import ZIPFoundation

@testable import KenshuTabular

/// The bytes of a fixture under Fixtures/spreadsheets (written by scripts/make-spreadsheet-fixtures.py).
func spreadsheet(_ name: String) throws -> Data {
  let url = URL(fileURLWithPath: name)
  guard
    let found = Bundle.module.url(
      forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
      subdirectory: "Fixtures/spreadsheets")
  else { throw FixtureMissing(name: name) }
  return try Data(contentsOf: found)
}

func readSpreadsheet(_ name: String, sheet: String? = nil) throws -> TableReadResult {
  Table.read(data: try spreadsheet(name), file: name, options: TableReadOptions(sheet: sheet))
}

/// Builds an .xlsx in memory with the given sheet XML (for files too big to commit).
func makeXLSX(sheetXML: Data, sharedStrings: String? = nil, styles: String? = nil) throws -> Data {
  try makeXLSX(sheets: [("Sheet1", false, sheetXML)], sharedStrings: sharedStrings, styles: styles)
}

/// Builds an .xlsx in memory: the sheets in order (name, hidden, sheet XML), with the shared
/// strings, styles and the 1904 date system when given.
func makeXLSX(
  sheets: [(name: String, hidden: Bool, xml: Data)], sharedStrings: String? = nil, styles: String? = nil,
  date1904: Bool = false
) throws -> Data {
  let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
  func add(_ path: String, _ data: Data) throws {
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
  }
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  try add(
    "[Content_Types].xml",
    Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8))
  var workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rels)\">"
  if date1904 { workbook += "<workbookPr date1904=\"1\"/>" }
  var relationships = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  workbook += "<sheets>"
  for (index, sheet) in sheets.enumerated() {
    workbook +=
      "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "")/>"
    relationships += "<Relationship Id=\"rId\(index + 1)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
  }
  try add("xl/workbook.xml", Data((workbook + "</sheets></workbook>").utf8))
  try add("xl/_rels/workbook.xml.rels", Data((relationships + "</Relationships>").utf8))
  if let sharedStrings { try add("xl/sharedStrings.xml", Data(sharedStrings.utf8)) }
  if let styles { try add("xl/styles.xml", Data(styles.utf8)) }
  for (index, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(index + 1).xml", sheet.xml) }
  return archive.data ?? Data()
}

@Suite struct XLSXCellValueTests {
  @Test func test_firstVisibleSheet_titleRowsSkipped_valuesAsExcelShowsThem() throws {
    let result = try readSpreadsheet("roster.xlsx")
    #expect(result.spreadsheet?.format == .xlsx)
    #expect(result.spreadsheet?.sheet == "名簿")
    #expect(result.table.file == "roster.xlsx [名簿]")
    #expect(result.table.header == ["氏名", "職種", "所属", "受講日", "点数", "修了", "備考"])
    #expect(result.table.headerLine == 3)
    let rows = result.table.records.map(\.fields)
    #expect(result.table.records.map(\.line) == [4, 5, 6, 8])
    #expect(rows[0] == ["山田 太郎", "医師", "さくら病院", "2024-05-01", "4", "TRUE", "要確認"])
    #expect(rows[1] == ["佐藤 花子", "看護師", "さくら病院", "2024-05-01 09:30", "0.3", "FALSE", "=1+1"])
    #expect(rows[2] == ["鈴木一郎", "ケアマネジャー", "ひまわり居宅", "2024-05-01", "4.5", "4.3", "#N/A"])
    // Empty cells at the end of a row are not stored; the row is as wide as the header.
    #expect(rows[3] == ["", "", "", "7", "09:00", "2024-05-01", ""])
    let codes = result.diagnostics.map(\.code)
    #expect(codes.contains("spreadsheet-title-rows"))
    #expect(codes.contains("spreadsheet-sheet"))
    #expect(!result.diagnostics.hasErrors)
  }

  @Test func test_sheetOption_byNameNumberAndHiddenName() throws {
    #expect(try readSpreadsheet("roster.xlsx", sheet: "回答").table.records.map(\.fields) == [["佐藤 花子"]])
    #expect(try readSpreadsheet("roster.xlsx", sheet: "2").spreadsheet?.sheet == "回答")
    #expect(try readSpreadsheet("roster.xlsx", sheet: "1").spreadsheet?.sheet == "名簿")
    #expect(try readSpreadsheet("roster.xlsx", sheet: "設定").table.header == ["内部用"])
    let missing = try readSpreadsheet("roster.xlsx", sheet: "3")
    #expect(missing.diagnostics.map(\.code) == ["spreadsheet-no-sheet"])
    #expect(missing.diagnostics[0].wording(in: .ja).message.contains("「名簿」"))
  }

  @Test func test_dateSystems_1904AndLotusLeapDay() throws {
    let mac = try readSpreadsheet("date1904.xlsx")
    #expect(mac.table.records.map { $0.fields[0] } == ["1904-01-01", "2024-05-01"])
    let lotus = try readSpreadsheet("date1900.xlsx")
    // 59 is 1900-02-28, 60 the phantom 29 February (kept as the number), 61 is 1 March.
    #expect(lotus.table.records.map { $0.fields[0] } == ["1900-02-28", "1900-03-01", "1900-01-01"])
  }

  @Test func test_cellText_numbersAndDateFormats() {
    #expect(CellText.number(4.0) == "4")
    #expect(CellText.number(0.1 + 0.2) == "0.3")
    #expect(CellText.number(-2.5) == "-2.5")
    #expect(CellText.isDateFormat(id: 14, code: nil))
    #expect(CellText.isDateFormat(id: 164, code: "yyyy/mm/dd"))
    #expect(CellText.isDateFormat(id: 164, code: "[$-411]ggge\"年\"m\"月\"d\"日\""))
    #expect(!CellText.isDateFormat(id: 164, code: "0.00"))
    #expect(!CellText.isDateFormat(id: 164, code: "\"day \"0"))
    #expect(!CellText.isDateFormat(id: 164, code: "[Red]0.0"))
    #expect(!CellText.isDateFormat(id: 164, code: "#,##0\\d"))
    #expect(CellText.date(serial: 45413.5, date1904: false) == "2024-05-01 12:00")
    #expect(CellText.date(serial: 60, date1904: false) == nil)
  }

  @Test func test_locationsNameTheCell() {
    #expect(SourceLocation(file: "a.xlsx [Sheet1]", line: 12, column: 3).description == "a.xlsx [Sheet1!C12]")
    #expect(SourceLocation(file: "a.xlsx [Sheet1]", line: 12).description == "a.xlsx [Sheet1!12:12]")
    #expect(SourceLocation(file: "a.xlsx [Sheet1]", line: 1, column: 28).description == "a.xlsx [Sheet1!AB1]")
    #expect(SourceLocation(file: "a.csv", line: 12, column: 3).description == "a.csv:12:3")
  }
}

@Suite struct ODSReaderTests {
  @Test func test_odsCells_repeats_spans_annotations_hiddenSheets() throws {
    let result = try readSpreadsheet("roster.ods")
    #expect(result.spreadsheet?.format == .ods)
    #expect(result.spreadsheet?.sheet == "名簿")
    #expect(result.spreadsheet?.sheets.map(\.hidden) == [true, false, false])
    #expect(result.table.header == ["氏名", "職種", "所属", "受講日", "点数", "時刻"])
    #expect(result.table.headerLine == 4)
    #expect(
      result.table.records.map(\.fields) == [
        ["山田  太郎", "医師", "さくら病院", "2024-05-01", "4", "09:30"],
        ["佐藤 花子", "看護師", "さくら病院", "2024-05-01 09:30", "0.3", "TRUE"],
        ["同じ", "行", "", "", "", ""], ["同じ", "行", "", "", "", ""],
        ["一行目\n二行目", "x", "x", "x", "", ""],
      ])
    #expect(result.table.records.map(\.line) == [5, 6, 7, 8, 9])
    #expect(!result.diagnostics.hasErrors)
    #expect(try readSpreadsheet("roster.ods", sheet: "集計").table.header == ["合計"])
  }
}

@Suite struct HostileSpreadsheetTests {
  func onlyError(_ result: TableReadResult) -> Diagnostic? {
    let errors = result.diagnostics.filter { $0.severity == .error }
    return errors.count == 1 ? errors[0] : nil
  }

  @Test func test_legacyXLS_oneMessageWithWhatToDo() throws {
    let result = try readSpreadsheet("legacy.xls")
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.code == "spreadsheet-legacy-xls")
    #expect(result.diagnostics.first?.hint?.contains("CSV UTF-8") == true)
    // Named anything, the magic bytes decide.
    let renamed = Table.read(data: try spreadsheet("legacy.xls"), file: "名簿.csv")
    #expect(renamed.diagnostics.map(\.code) == ["spreadsheet-legacy-xls"])
  }

  @Test func test_otherZipAndNotReallyXLSX_oneMessage() throws {
    #expect(onlyError(try readSpreadsheet("document.docx"))?.code == "spreadsheet-unreadable")
    let text = Table.read(data: Data("氏名,職種\n山田,医師\n".utf8), file: "roster.xlsx")
    #expect(text.diagnostics.map(\.code) == ["spreadsheet-unreadable"])
    // A text file named .xls (old web systems export CSV that way) is read as text.
    let fakeXLS = Table.read(data: Data("氏名,職種\n山田,医師\n".utf8), file: "roster.xls")
    #expect(fakeXLS.table.header == ["氏名", "職種"])
    #expect(fakeXLS.spreadsheet == nil)
  }

  @Test func test_doctypeAndBrokenXMLAndMissingParts() throws {
    let doctype = try readSpreadsheet("doctype.xlsx")
    #expect(onlyError(doctype)?.code == "spreadsheet-doctype")
    #expect(!doctype.table.records.contains { $0.fields.joined().contains("root") })
    #expect(onlyError(try readSpreadsheet("broken-xml.xlsx"))?.code == "spreadsheet-xml")
    #expect(onlyError(try readSpreadsheet("missing-sheet.xlsx"))?.code == "spreadsheet-missing-part")
  }

  @Test func test_badCells_locatedAtTheCell() throws {
    let shared = try #require(onlyError(try readSpreadsheet("bad-shared-string.xlsx")))
    #expect(shared.code == "spreadsheet-bad-cell")
    #expect(shared.location.description == "bad-shared-string.xlsx [Sheet1!C12]")
    let reference = try #require(onlyError(try readSpreadsheet("bad-reference.xlsx")))
    #expect(reference.code == "spreadsheet-bad-cell")
    #expect(reference.location.description == "bad-reference.xlsx [Sheet1!2:2]")
  }

  @Test func test_lyingAndAbsurdSizes_refused() throws {
    let lying = try #require(onlyError(try readSpreadsheet("lying-size.xlsx")))
    #expect(lying.code == "spreadsheet-zip-limit")
    let absurd = try #require(onlyError(try readSpreadsheet("absurd-size.xlsx")))
    #expect(absurd.code == "spreadsheet-zip-limit")
    #expect(absurd.message.contains("declares"))
  }

  @Test func test_zipBomb_ratioLimit() throws {
    // 16 MB of spaces inside one string deflates about 1000×: refused before inflating.
    var xml = Data(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
        .utf8)
    xml.append(Data(repeating: 0x20, count: 16 << 20))
    xml.append(Data("</t></is></c></row></sheetData></worksheet>".utf8))
    let result = Table.read(data: try makeXLSX(sheetXML: xml), file: "bomb.xlsx")
    #expect(onlyError(result)?.code == "spreadsheet-zip-limit")
    #expect(onlyError(result)?.message.contains("×") == true)
  }

  @Test func test_millionEmptyStyledRows_readQuickly() throws {
    var xml = Data(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>氏名</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>職種</t></is></c></row>"
        .utf8)
    for row in 2...1_000_001 {
      xml.append(Data("<row r=\"\(row)\" s=\"1\" customFormat=\"1\"><c r=\"A\(row)\" s=\"1\"/></row>".utf8))
    }
    xml.append(Data("</sheetData></worksheet>".utf8))
    let result = Table.read(data: try makeXLSX(sheetXML: xml), file: "empty.xlsx")
    #expect(result.table.header == ["氏名", "職種"])
    #expect(result.table.records.isEmpty)
    #expect(!result.diagnostics.hasErrors)
  }

  @Test func test_rowsBeyondExcelsLimit_refused() throws {
    let xml = Data(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2000000\"><c r=\"A2000000\"><v>1</v></c></row></sheetData></worksheet>"
        .utf8)
    let result = Table.read(data: try makeXLSX(sheetXML: xml), file: "tall.xlsx")
    #expect(onlyError(result)?.code == "spreadsheet-bad-cell")
  }

  @Test func test_odsRepeatBombs_refusedQuickly() throws {
    let columns = try #require(onlyError(try readSpreadsheet("repeat-columns.ods")))
    #expect(columns.code == "spreadsheet-too-large")
    #expect(columns.location.description.hasPrefix("repeat-columns.ods [Sheet1!"))
    #expect(onlyError(try readSpreadsheet("repeat-rows.ods"))?.code == "spreadsheet-too-large")
  }
}
