import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

/// Issue 12: the rows of an .xlsx sheet are read by `SheetDataScanner` instead of libxml2 when
/// written in the plain form it knows. libxml2 alone is the reference: every fixture, hundreds
/// of seeded plain sheets and hundreds of hostile ones (comments, CDATA, entities, prefixes,
/// namespace declarations, DOCTYPE, encodings, duplicate attributes, bad bytes, broken or cut
/// XML, tags across chunks, bad cells and cell limits part-way) read to the same table, cells
/// and diagnostics both ways.
@Suite struct SheetScanTests {
  private struct Reads: Equatable {
    var table: TableReadResult
    var diagnostics: [Diagnostic]
    var rows: [[String]]?
    var lines: [Int]?
  }

  private func read(_ data: Data, _ scan: SheetScan, sheet: String? = nil, limits: SpreadsheetLimits? = nil)
    -> Reads
  {
    var options = TableReadOptions(sheet: sheet)
    if let limits { options.limits = limits }
    let table = SpreadsheetReader.read(
      data: data, file: "s.xlsx", format: .xlsx, options: options, scan: scan)
    let cells = SpreadsheetReader.readCells(
      data: data, file: "s.xlsx", format: .xlsx, options: options, scan: scan)
    return Reads(
      table: table, diagnostics: cells.diagnostics, rows: cells.cells?.rows,
      lines: cells.cells.map { cells in (0..<cells.count).map { cells.record($0).line } })
  }

  /// Whether the scan read the first sheet's rows (rather than handing the part to libxml2),
  /// and the sheet was read without a problem.
  private func scanned(_ data: Data) throws -> Bool {
    let archive = try #require(SpreadsheetArchive(data: data))
    let reader = XLSXReader(file: "s.xlsx", archive: archive, scan: .scanned)
    guard let (sheets, date1904) = try? reader.sheets(),
      let handler = try? reader.handler(
        sheet: sheets[0], date1904: date1904, limits: SpreadsheetLimits(), compact: true)
    else { return false }
    return handler.readByScan
  }

  private func expectSame(
    _ data: Data, limits: SpreadsheetLimits? = nil, _ context: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let reference = read(data, .libxml2, limits: limits)
    let scanned = read(data, .scanned, limits: limits)
    #expect(scanned == reference, "\(context)", sourceLocation: sourceLocation)
  }

  @Test func test_fixtures_sameBothWays() throws {
    let names = [
      "roster.xlsx", "date1900.xlsx", "date1904.xlsx", "bad-reference.xlsx", "bad-shared-string.xlsx",
      "broken-xml.xlsx", "doctype.xlsx", "missing-sheet.xlsx", "lying-size.xlsx", "absurd-size.xlsx",
    ]
    for name in names {
      let data = try spreadsheet(name)
      for sheet in [nil, "1", "2", "3", "回答", "設定", "名簿"] {
        #expect(
          read(data, .scanned, sheet: sheet) == read(data, .libxml2, sheet: sheet), "\(name) \(sheet ?? "-")")
      }
    }
  }

  static let sharedStrings =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    + ["氏名", "職種", " 看護師 ", "4", "4.0", "", "a_x000D_b", "そう思う"].map {
      "<si><t xml:space=\"preserve\">\($0)</t></si>"
    }.joined() + "</sst>"

  static let styles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"

  /// A sheet in the plain form the scan reads: every kind of cell in ASCII, written in the
  /// ways XML allows (quotes, white space, line feeds and tabs, empty elements, `xml:space`).
  static func plainSheet(_ random: inout SplitMix64, rows: Int, problemAt: Int? = nil) -> String {
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    func space() -> String { ["", "", "", " ", "\n", "\t", "  \n "][draw(7)] }
    func attribute(_ name: String, _ value: String) -> String {
      let quote = draw(4) == 0 ? "'" : "\""
      return " \(name)\(draw(6) == 0 ? " = " : "=")\(quote)\(value)\(quote)"
    }
    var xml = draw(2) == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
    xml +=
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><dimension ref=\"A1:F9\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>"
    xml += space()
    var row = 0
    for generated in 0..<rows {
      row += draw(8) == 0 ? 2 : 1
      xml +=
        "<row" + (draw(6) == 0 ? "" : attribute("r", "\(row)"))
        + (draw(2) == 0 ? attribute("spans", "1:6") : "")
      if draw(10) == 0 {
        xml += "/>"
        continue
      }
      xml += ">" + space()
      var column = 0
      for _ in 0..<(1 + draw(7)) {
        column += draw(6) == 0 ? 2 : 1
        let reference = "\(CellReference.columnName(column))\(row)"
        let r = draw(8) == 0 ? "" : attribute("r", reference)
        if problemAt == generated, column == 1 {
          xml +=
            ["<c\(r) t=\"s\"><v>99</v></c>", "<c r=\"A\(row)!\"><v>1</v></c>", "<c\(r)><v>1..2</v></c>"][
              draw(3)]
          continue
        }
        switch draw(14) {
        case 0: xml += "<c\(r)\(attribute("t", "s"))><v>\(draw(8))</v></c>"
        case 1:
          xml +=
            "<c\(r)\(attribute("t", "s"))\(attribute("s", "0"))>\(space())<v>\(draw(8))</v>\(space())</c>"
        case 2:
          xml +=
            "<c\(r)><v>\(["4", "4.0", "0.1", "1.5E-3", "-0", "007", " 12 ", "-12", "3.14159265358979"][draw(9)])</v></c>"
        case 3: xml += "<c\(r) s=\"1\"><v>\(["45413", "60", "0.5", "45413.25"][draw(4)])</v></c>"
        case 4: xml += "<c\(r) t=\"b\"><v>\(draw(2))</v></c>"
        case 5: xml += "<c\(r) t=\"e\"><v>#N/A</v></c>"
        case 6: xml += "<c\(r) t=\"str\"><f>SUM(A1:B\(draw(9) + 1))</f><v>text \(draw(9))</v></c>"
        case 7: xml += "<c\(r)><f t=\"shared\" ref=\"B2:B9\" si=\"0\"/><v>\(draw(99))</v></c>"
        case 8:
          xml +=
            "<c\(r) t=\"inlineStr\"><is><t\(draw(2) == 0 ? attribute("xml:space", "preserve") : "")> free text \(draw(9)) </t></is></c>"
        case 9: xml += "<c\(r) t=\"inlineStr\"><is><r><t>run</t></r><r><t>s\t\(draw(9))</t></r></is></c>"
        case 10:
          xml += "<c\(r) t=\"d\"><v>2024-05-0\(1 + draw(9))T\(draw(2) == 0 ? "00:00" : "09:30"):00</v></c>"
        case 11: xml += "<c\(r)\(draw(2) == 0 ? " s=\"0\"" : "")/>"
        case 12: xml += "<c\(r)><v/></c>"
        default: xml += "<c\(r)\(space())><v>\(draw(9) + 1)</v></c\(space())>"
        }
        xml += space()
      }
      xml += "</row>" + space()
    }
    xml += "</sheetData>"
    if draw(3) == 0 { xml += "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>" }
    return xml + "<pageMargins left=\"0.7\" right=\"0.7\"/></worksheet>"
  }

  static func workbook(_ xml: String) throws -> Data {
    try makeXLSX(sheetXML: Data(xml.utf8), sharedStrings: sharedStrings, styles: styles)
  }

  @Test func test_seededPlainSheets_areScanned_andReadAsLibxml2Does() throws {
    for seed in UInt64(0)..<300 {
      var random = SplitMix64(state: seed)
      let xml = Self.plainSheet(&random, rows: 1 + Int(seed % 40))
      let data = try Self.workbook(xml)
      expectSame(data, "seed \(seed)")
      #expect(try scanned(data), "seed \(seed): \(xml)")
    }
  }

  @Test func test_largePlainSheets_acrossChunks_withProblemsPartWay() throws {
    // About 80 bytes a cell: thousands of rows span many 64 KB chunks, so tags and text are cut
    // at every kind of place.
    for seed in UInt64(0)..<12 {
      var random = SplitMix64(state: seed &+ 1_000)
      let rows = 3_000 + Int(seed) * 250
      let problem: Int? = seed % 3 == 0 ? nil : Int(random.next() % UInt64(rows))
      let xml = Self.plainSheet(&random, rows: rows, problemAt: problem)
      let data = try Self.workbook(xml)
      expectSame(data, "seed \(seed)")
      if problem == nil { #expect(try scanned(data), "seed \(seed)") }
      var limits = SpreadsheetLimits()
      for cells in [1, 777, 5_001] {
        limits.cells = cells
        expectSame(data, limits: limits, "seed \(seed) cells \(cells)")
      }
    }
  }

  /// What a hostile or merely unusual sheet may hold, spliced in at a seeded place.
  static let hostile: [String] = [
    "<!-- c -->", "<![CDATA[1]]>", "&amp;", "&#49;", "&#x31;", "&bogus;", "&", "\r\n", "\r", "<x:c/>",
    "<c xmlns=\"urn:x\"/>", "<c xmlns:x=\"urn:x\" x:r=\"B2\"/>", "<?pi x?>", "<c r=\"A1\" r=\"A2\"/>",
    "<c r=\"A1\"r=\"A2\"/>", "<foo/>", "</row>", "<row>", "<c>", "</c>", "<v>", "</sheetData>", "<sheetData>",
    "]]>", ">", "<", "\"", "'", "=", "/", "\u{0}", "\u{1}", "é", "\u{FEFF}", "<c r='A1\">", "<c r=A1/>",
    "<c r=\"A<1\"/>", "<c r=\"A&amp;1\"/>", "<c\tr=\"A1\"\n/>", "<c r=\"A1\" / >", "< c/>", "</ c>", "<c/ >",
    "<t xml:space=\"bogus\">x</t>", "<c xml:lang=\"en\"/>", "<c xmlfoo=\"1\"/>", "<c _r=\"1\"/>",
    "<c 1r=\"1\"/>",
    String(repeating: "<row>", count: 12) + String(repeating: "</row>", count: 12),
    "<c r=\"A1\" s=\"" + String(repeating: "9", count: 5_000) + "\"/>",
    "<v>" + String(repeating: "1", count: 70_000) + "</v>",
  ]

  @Test func test_hostileSheets_readAsLibxml2Does() throws {
    var scannedCount = 0
    for seed in UInt64(0)..<400 {
      var random = SplitMix64(state: seed &+ 50_000)
      var xml = Array(Self.plainSheet(&random, rows: 2 + Int(seed % 30)).utf8)
      let kind = random.next() % 4
      let at = Int(random.next() % UInt64(xml.count))
      switch kind {
      case 0, 1:
        // Splice a hostile snippet in (before `<sheetData>` too, sometimes).
        let snippet = Self.hostile[Int(random.next() % UInt64(Self.hostile.count))]
        xml.insert(contentsOf: Array(snippet.utf8), at: at)
      case 2:
        // Cut the part short.
        xml.removeSubrange(at...)
      default:
        // Change one byte.
        let bytes: [UInt8] = Array("<>\"'/= \n\r&;:!?x".utf8) + [0, 0x80, 0xC3, 0xFF]
        xml[at] = bytes[Int(random.next() % UInt64(bytes.count))]
      }
      let data = try makeXLSX(sheetXML: Data(xml), sharedStrings: Self.sharedStrings, styles: Self.styles)
      expectSame(data, "seed \(seed): \(String(decoding: xml, as: UTF8.self))")
      if try scanned(data) { scannedCount += 1 }
    }
    // Most splices land inside the rows; many are still read by the scan (white space, bytes
    // in text), most are handed to libxml2.
    #expect(scannedCount > 20)
    #expect(scannedCount < 380)
  }

  @Test(arguments: [
    // Prologues the scan must not start after, and one it may.
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding='utf-8'?>",
    "<!DOCTYPE worksheet [<!ENTITY e \"x\">]>", "<!-- <sheetData> -->", "<?pi <sheetData>?>",
    "\u{FEFF}<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
  ])
  func test_prologues_readAsLibxml2Does(prologue: String) throws {
    var random = SplitMix64(state: 7)
    var body = Self.plainSheet(&random, rows: 20)
    if let declaration = body.range(of: "?>\n") { body = String(body[declaration.upperBound...]) }
    let xml = prologue + body
    let data = try Self.workbook(xml)
    expectSame(data, prologue)
    let mayScan = prologue.contains("utf-8") || prologue == "\u{FEFF}<?xml version=\"1.0\"?>"
    #expect(try scanned(data) == mayScan, "\(prologue)")
  }

  @Test func test_sheetDataInAComment_orAnAttribute_isNotWhereTheScanStarts() throws {
    for xml in [
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><!-- <sheetData> --><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData></worksheet>",
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" a=\"<sheetData>\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData></x></worksheet>",
      "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row></sheetData>",
    ] {
      let data = try Self.workbook(xml)
      expectSame(data, xml)
      #expect(try !scanned(data), "\(xml)")
    }
  }

  /// A part in UTF-16 or UCS-4 is never scanned: there, ASCII bytes that spell `<sheetData>`
  /// and a row are text to libxml2 (a review's attack: the real `<sheetData>` in UTF-16LE, then
  /// an ASCII fake row of even length). Read as libxml2 reads it, whatever the byte order.
  @Test func test_aPartInUTF16_orUCS4_isNotScanned() throws {
    let open = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    let close = "</sheetData></worksheet>"
    var fake = Array("<sheetData><row r=\"1\"><c r=\"A1\"><v>42</v></c></row></sheetData>".utf8)
    if fake.count % 2 == 1 { fake.append(0x20) }
    func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    func utf16BE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    func ucs4LE(_ text: String) -> [UInt8] {
      text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
    }
    let parts: [[UInt8]] = [
      [0xFF, 0xFE] + utf16LE(open) + fake + utf16LE(close),
      utf16LE(open) + fake + utf16LE(close),
      [0xFE, 0xFF] + utf16BE(open) + fake + utf16BE(close),
      utf16LE("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + open) + fake + utf16LE(close),
      ucs4LE(open) + fake + fake + ucs4LE(close),
      utf16LE(open + "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>" + close),
    ]
    for (index, part) in parts.enumerated() {
      let data = try makeXLSX(sheetXML: Data(part), sharedStrings: Self.sharedStrings, styles: Self.styles)
      expectSame(data, "part \(index)")
      #expect(try !scanned(data), "part \(index)")
    }
  }
}
