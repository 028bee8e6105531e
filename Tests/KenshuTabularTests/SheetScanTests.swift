import Foundation
import KenshuModel
import KenshuXML
import Testing

@testable import KenshuTabular

/// Issue 12: the rows of an .xlsx sheet are read by `SheetDataScanner` instead of libxml2 when
/// written in the plain form it knows. libxml2 alone is the reference: every fixture, a sheet
/// part as Excel saves it, hundreds of seeded plain sheets (some with Excel's namespaces and
/// `x14ac:dyDescent` rows) and hundreds of hostile ones (comments, CDATA, entities, prefixes
/// declared, undeclared, declared on a row or bound to SpreadsheetML's namespace, namespace
/// declarations, DOCTYPE, encodings, duplicate attributes, bad bytes, broken or cut XML, tags
/// across chunks, bad cells and cell limits part-way) read to the same table, cells and
/// diagnostics both ways.
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

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// What Excel declares on the root of every sheet it saves (it writes `x14ac:dyDescent` on
  /// every row, and may write the others' attributes).
  static let excelNamespaces =
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac xr xr2 xr3\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\" xmlns:xr2=\"http://schemas.microsoft.com/office/spreadsheetml/2015/revision2\" xmlns:xr3=\"http://schemas.microsoft.com/office/spreadsheetml/2016/revision3\" xr:uid=\"{00000000-0001-0000-0000-000000000000}\""

  static let styles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"

  /// A sheet in the plain form the scan reads: every kind of cell in ASCII, written in the
  /// ways XML allows (quotes, white space, line feeds and tabs, empty elements, `xml:space`,
  /// predefined entities in formulas and text),
  /// in every other sheet with Excel's namespaces on the root and `x14ac:dyDescent` on rows;
  /// in every fourth with a prefix `m` bound to SpreadsheetML's namespace (used by no row).
  static func plainSheet(_ random: inout SplitMix64, rows: Int, problemAt: Int? = nil) -> String {
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    func space() -> String { ["", "", "", " ", "\n", "\t", "  \n "][draw(7)] }
    func attribute(_ name: String, _ value: String) -> String {
      let quote = draw(4) == 0 ? "'" : "\""
      return " \(name)\(draw(6) == 0 ? " = " : "=")\(quote)\(value)\(quote)"
    }
    var xml = draw(2) == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
    let excel = draw(2) == 0
    xml +=
      "<worksheet xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
      + (excel ? excelNamespaces : "") + (draw(4) == 0 ? " xmlns:m=\"\(main)\"" : "")
      + "><dimension ref=\"A1:F9\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>"
    xml += space()
    var row = 0
    for generated in 0..<rows {
      row += draw(8) == 0 ? 2 : 1
      xml +=
        "<row" + (draw(6) == 0 ? "" : attribute("r", "\(row)"))
        + (draw(2) == 0 ? attribute("spans", "1:6") : "")
        + (draw(5) == 0 ? attribute("ht", "18") + attribute("customHeight", "1") : "")
        + (excel && draw(4) != 0 ? attribute("x14ac:dyDescent", "0.25") : "")
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
        case 6:
          // Predefined entities in a formula and in its cached text.
          let entities = ["", "", "&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "a&amp;b&gt;&lt;"]
          let formula =
            draw(2) == 0
            ? "SUM(A1:B\(draw(9) + 1))"
            : "IF(A1\(["&gt;", "&lt;", "&lt;&gt;"][draw(3)])1,\"x\"&amp;B\(draw(9) + 1),\"\")"
          xml += "<c\(r) t=\"str\"><f>\(formula)</f><v>text\(entities[draw(8)]) \(draw(9))</v></c>"
        case 7: xml += "<c\(r)><f t=\"shared\" ref=\"B2:B9\" si=\"0\"/><v>\(draw(99))</v></c>"
        case 8:
          xml +=
            "<c\(r) t=\"inlineStr\"><is><t\(draw(2) == 0 ? attribute("xml:space", "preserve") : "")> free text \(draw(9))\(draw(3) == 0 ? " &amp; &quot;more&quot;" : "") </t></is></c>"
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
    // Prefixed attributes: in scope when the root declares Excel's namespaces (or for `xml`), not
    // otherwise, and never for `m` (SpreadsheetML's namespace, when the root declares it).
    "<c x14ac:dyDescent=\"1\"/>", " x14ac:dyDescent=\"0.25\"", "<c xr:uid=\"{1}\" r=\"B2\"/>",
    "<c u:r=\"B2\"/>",
    " u:a=\"1\"", "<c m:r=\"B2\"/>", "<c x14ac:r=\"B2\"/>", "<c x14ac:r=\"B2\" r=\"C2\"/>",
    "<c x14ac:a=\"1\" x14ac:a=\"2\"/>", "<c x14ac:a=\"1\" xr:a=\"2\"/>",
    "<c xmlns:x14ac=\"urn:x\" x14ac:a=\"1\"/>",
    "<c xmlns:p=\"urn:p\" p:a=\"1\"/>", "<c x14ac:=\"1\"/>", "<c :r=\"1\"/>", "<c x14ac:1a=\"1\"/>",
    "<c x14ac:a:b=\"1\"/>", "<c xmlns:a=\"1\"/>", "<c xml:id=\"x\"/>", "<c xml:space=\"preserve\"/>",
    "<x14ac:c/>",
    "<c xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>", "<c xmlns:xmlns=\"urn:x\"/>",
    // Entities: the five predefined ones are read in text, nothing else is.
    "&lt;", "&gt;", "&quot;", "&apos;", "&lt", "&lt ;", "&LT;", "&amp", "&#60;", "&amp;&", "&aposx;", "&;",
    "<c r=\"A&lt;1\"/>",
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
    // Most splices land inside the rows; some are still read by the scan (white space, bytes
    // in text, attributes in scope), most are handed to libxml2 (20 of the 400 scanned since
    // half the roots declare Excel's namespaces: a larger part of each sheet lies before the rows).
    #expect(scannedCount > 12)
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

  /// A tag within one chunk longer than a pending tag may be goes to libxml2: an attribute name
  /// of 50,001 bytes, which libxml2 refuses ("Name too long"), was read by the scan (found in
  /// review), and a long name libxml2 takes reads as it reads it.
  @Test func test_aVeryLongTagWithinOneChunk_isReadAsLibxml2ReadsIt() throws {
    for length in [5_000, 50_001] {
      let xml =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\" " + String(repeating: "a", count: length)
        + "=\"1\"><c r=\"A2\"><v>2</v></c></row></sheetData></worksheet>"
      let data = try Self.workbook(xml)
      expectSame(data, "attribute name of \(length) bytes")
      #expect(try !scanned(data), "\(length)")
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

  /// A sheet part as Excel (Microsoft 365) saves it (Fixtures/excel-sheet.xml: CRLF after the
  /// declaration, `mc`, `x14ac`, `xr`… declared on the root, `x14ac:dyDescent`, `spans`, `ht`,
  /// `customHeight`, `hidden` and styles on rows, `s` and `t` on cells, formulas with cached
  /// values, shared formulas, `t="str"`, `"e"`, `"b"`, `"d"`, inline strings with `xml:space`,
  /// `<extLst>` after the rows) is read by the scan, to what libxml2 reads.
  @Test func test_aSheetAsExcelSavesIt_isScanned_andReadAsLibxml2Does() throws {
    let data = try makeXLSX(
      sheetXML: try fixture("excel-sheet.xml"), sharedStrings: Self.sharedStrings, styles: Self.styles)
    expectSame(data, "excel-sheet.xml")
    #expect(try scanned(data))
    let rows = try #require(read(data, .libxml2).rows)
    #expect(rows.count == 4)
    #expect(rows.first == [" 看護師 ", "2024-05-01", "4", "10", "14", "ok 4", "TRUE"])
    #expect(rows.last == ["7", "", "2024-05-01 09:30:00", "", "", "", ""])
  }

  /// Attributes with a namespace prefix are read by the scan when the prefix is in scope from
  /// the root, as libxml2 has read it (Excel's `x14ac:dyDescent`), or is `xml`; everything else
  /// is left to libxml2, which reads a prefix not in scope as an error. Either way the sheet
  /// reads as libxml2 alone reads it.
  @Test func test_prefixedAttributes_areScannedOnlyWhenInScopeFromTheRoot() throws {
    let x14ac = " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""
    let cases: [(root: String, before: String, rows: String, scanned: Bool)] = [
      (x14ac, "", "<row r=\"1\" spans=\"1:2\" x14ac:dyDescent=\"0.25\"><c r=\"A1\"><v>1</v></c></row>", true),
      (
        Self.excelNamespaces, "",
        "<row r=\"1\" xr:uid=\"{1}\" xr3:a=\"2\"><c r=\"A1\" xr2:b=\"\"><v>1</v></c></row>", true
      ),
      // A prefixed `r` is the `r` libxml2 reports (its local name).
      (x14ac, "", "<row r=\"1\"><c x14ac:r=\"B1\"><v>1</v></c></row>", true),
      (
        "", "",
        "<row r=\"1\"><c r=\"A1\" xml:lang=\"ja\"><v>1</v></c><c r=\"B1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a </t></is></c></row>",
        true
      ),
      // Not declared, declared only on a row or a cell, or on an element that is no ancestor.
      ("", "", "<row r=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A1\"><v>1</v></c></row>", false),
      ("", "", "<row r=\"1\"\(x14ac) x14ac:dyDescent=\"0.25\"><c r=\"A1\"><v>1</v></c></row>", false),
      ("", "", "<row r=\"1\"><c r=\"A1\"\(x14ac)><v x14ac:a=\"1\">1</v></c></row>", false),
      (
        "", "<sheetViews\(x14ac)/>", "<row r=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A1\"><v>1</v></c></row>",
        false
      ),
      // Bound to SpreadsheetML's namespace (transitional or strict).
      (" xmlns:m=\"\(Self.main)\"", "", "<row r=\"1\"><c m:r=\"B1\"><v>1</v></c></row>", false),
      (
        " xmlns:m=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"", "",
        "<row m:r=\"1\"><c><v>1</v></c></row>", false
      ),
      // One local name twice, `xmlns` on a row, a prefixed element.
      (x14ac, "", "<row r=\"1\"><c r=\"A1\" x14ac:r=\"B1\"><v>1</v></c></row>", false),
      (
        Self.excelNamespaces, "", "<row r=\"1\" x14ac:a=\"1\" xr:a=\"2\"><c r=\"A1\"><v>1</v></c></row>",
        false
      ),
      (x14ac, "", "<row r=\"1\" xmlns:x14ac=\"urn:x\" x14ac:a=\"1\"><c r=\"A1\"><v>1</v></c></row>", false),
      (" xmlns:s=\"\(Self.main)\"", "", "<row r=\"1\"><s:c r=\"A1\"><v>1</v></s:c></row>", false),
    ]
    for (root, before, rows, mayScan) in cases {
      let xml = "<worksheet xmlns=\"\(Self.main)\"\(root)>\(before)<sheetData>\(rows)</sheetData></worksheet>"
      let data = try Self.workbook(xml)
      expectSame(data, xml)
      #expect(try scanned(data) == mayScan, "\(xml)")
    }
    // The scan starts only after a bare `<sheetData>`: one declaring a prefix is left to libxml2.
    let declaring =
      "<worksheet xmlns=\"\(Self.main)\"><sheetData\(x14ac)><row r=\"1\" x14ac:dyDescent=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>"
    expectSame(try Self.workbook(declaring), declaring)
    #expect(try !scanned(Self.workbook(declaring)))
    let prefixedR =
      "<worksheet xmlns=\"\(Self.main)\"\(x14ac)><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row><row r=\"2\"><c x14ac:r=\"B2\"><v>3</v></c></row></sheetData></worksheet>"
    #expect(read(try Self.workbook(prefixedR), .scanned).rows == [["", "3"]])
  }

  /// A sheet part fed in two chunks cut at every byte (entities, tags and prefixed attributes
  /// cut everywhere) reads as in one chunk, and as libxml2 alone reads it.
  @Test func test_entitiesAndPrefixedAttributes_cutAtEveryByte() throws {
    let xml =
      "<worksheet xmlns=\"\(Self.main)\"\(Self.excelNamespaces)><sheetData><row r=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"str\"><f>IF(B1&gt;0,\"a\"&amp;B1,\"&lt;\")</f><v>a&amp;b&lt;c&quot;&apos;&gt;</v></c><c r=\"B1\"><v>1</v></c></row><row r=\"2\" xr:uid=\"{1}\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">&lt;x&gt; &amp;</t></is></c></row></sheetData></worksheet>"
    expectSame(try Self.workbook(xml), xml)
    let bytes = Array(xml.utf8)
    func read(cutAt cut: Int) -> (rows: [[String]], scanned: Bool, restart: Bool) {
      let handler = SheetHandler(
        sheet: "Sheet1", file: "s.xlsx", sharedStrings: [], dateStyles: [], date1904: false,
        limits: SpreadsheetLimits(), compact: true)
      let parser = XMLStreamParser(path: "s.xlsx [sheet1.xml]", handler: handler)
      handler.parser = parser
      let feeder = SheetPartFeeder(parser: parser, handler: handler)
      for part in [bytes[..<cut], bytes[cut...]] {
        _ = Array(part).withUnsafeBytes { feeder.feed($0) }
      }
      let diagnostics = feeder.finish()
      let sheet = handler.compactSheet
      let rows = sheet.map { sheet in (0..<sheet.recordCount).map { sheet.fields($0) } } ?? []
      return (diagnostics.isEmpty ? rows : [], feeder.scanned, feeder.needsRestart)
    }
    let whole = read(cutAt: bytes.count)
    #expect(whole.rows == [["a&b<c\"'>", "1"], ["<x> &"]])
    #expect(whole.scanned && !whole.restart)
    for cut in 1..<bytes.count {
      let split = read(cutAt: cut)
      #expect(split.rows == whole.rows && split.scanned && !split.restart, "cut at \(cut)")
    }
  }
}
