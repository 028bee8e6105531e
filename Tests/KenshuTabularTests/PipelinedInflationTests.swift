import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

/// Issue 12: a large sheet is inflated on a thread of its own while libxml2 parses it on the
/// calling one. The serial inflation is the reference: every seeded sheet below, whole or
/// broken part-way (a bad cell, broken XML, a cell limit, a lying or short zip entry, damaged
/// deflate data, a wrong CRC), must read to the same table and the same diagnostics both ways.
@Suite struct PipelinedInflationTests {
  /// Both ways, plus the standard setting (pipelined only above a megabyte).
  private func readAllWays(_ data: Data, limits: SpreadsheetLimits = SpreadsheetLimits())
    -> (serial: TableReadResult, pipelined: TableReadResult, standard: TableReadResult)
  {
    let options = TableReadOptions(limits: limits)
    func read(_ inflation: SpreadsheetArchive.Inflation) -> TableReadResult {
      SpreadsheetReader.read(
        data: data, file: "seeded.xlsx", format: .xlsx, options: options, inflation: inflation)
    }
    return (read(.serial), read(.pipelined(above: 0)), read(.standard))
  }

  private func expectSame(
    _ data: Data, limits: SpreadsheetLimits = SpreadsheetLimits(), error code: String?,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let (serial, pipelined, standard) = readAllWays(data, limits: limits)
    #expect(pipelined == serial, sourceLocation: sourceLocation)
    #expect(standard == serial, sourceLocation: sourceLocation)
    // The breakage is the one meant, so the comparison covers the path it names.
    let errors = serial.diagnostics.filter { $0.severity == .error }.map(\.code)
    #expect(errors == (code.map { [$0] } ?? []), sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "roster.xlsx", "date1900.xlsx", "date1904.xlsx", "doctype.xlsx", "broken-xml.xlsx", "missing-sheet.xlsx",
    "bad-shared-string.xlsx", "bad-reference.xlsx", "lying-size.xlsx", "absurd-size.xlsx", "roster.ods",
    "repeat-columns.ods", "repeat-rows.ods",
  ])
  func test_everyFixture_readsTheSameBothWays(name: String) throws {
    let data = try spreadsheet(name)
    let format: SpreadsheetFormat = name.hasSuffix(".ods") ? .ods : .xlsx
    func read(_ inflation: SpreadsheetArchive.Inflation) -> TableReadResult {
      SpreadsheetReader.read(
        data: data, file: name, format: format, options: TableReadOptions(), inflation: inflation)
    }
    #expect(read(.pipelined(above: 0)) == read(.serial))
  }

  @Test(arguments: [(1, 1), (2, 3), (50, 7), (3_000, 12), (12_000, 9)])
  func test_seededSheets_readTheSameBothWays(rows: Int, columns: Int) throws {
    for seed in UInt64(1)...3 {
      let sheet = SeededSheet(seed: seed &* 7919 &+ UInt64(rows), rows: rows, columns: columns)
      let data = try sheet.workbook()
      expectSame(data, error: nil)
    }
  }

  @Test(arguments: SeededSheet.Breakage.allCases)
  func test_sheetBrokenPartWay_failsTheSameBothWays(breakage: SeededSheet.Breakage) throws {
    for seed in UInt64(1)...3 {
      // 6,000 rows: about 700 KB of XML, 11 chunks; broken somewhere past the first quarter.
      var sheet = SeededSheet(seed: seed, rows: 6_000, columns: 6)
      sheet.breakage = (breakage, 1_500 + Int(seed) * 1_201)
      expectSame(try sheet.workbook(), error: breakage.code)
    }
  }

  @Test func test_cellLimitPartWay_stopsTheInflaterTheSameWay() throws {
    var limits = SpreadsheetLimits()
    let data = try SeededSheet(seed: 9, rows: 6_000, columns: 6).workbook()
    for cells in [1, 500, 9_337, 23_999] {
      limits.cells = cells
      expectSame(data, limits: limits, error: "spreadsheet-too-large")
    }
  }

  @Test func test_lyingOrShortEntry_failsTheSameBothWays() throws {
    let sheet = SeededSheet(seed: 4, rows: 6_000, columns: 6)
    let xml = sheet.xml()
    let data = try sheet.workbook()
    #expect(xml.count > 300_001)
    // Declares less than it inflates to: refused at the first byte past it, part-way.
    for declared in [1, 65_535, 65_536, 300_001, xml.count - 1] {
      expectSame(try patchedEntry(data, declaredSize: UInt32(declared)), error: "spreadsheet-zip-limit")
    }
    // Declares more than it holds: the entry ends short, after the whole XML was parsed.
    expectSame(try patchedEntry(data, declaredSize: UInt32(xml.count + 1)), error: "spreadsheet-zip-limit")
  }

  @Test func test_damagedDeflateData_failsTheSameBothWays() throws {
    let data = try SeededSheet(seed: 5, rows: 6_000, columns: 6).workbook()
    let entry = try #require(SheetEntry(in: data))
    for fraction in [0.1, 0.5, 0.9] {
      var damaged = data
      let at = entry.dataOffset + Int(Double(entry.compressedSize) * fraction)
      for index in at..<(at + 64) { damaged[index] ^= 0x5A }
      let (serial, pipelined, standard) = readAllWays(damaged)
      #expect(pipelined == serial)
      #expect(standard == serial)
      #expect(serial.diagnostics.hasErrors)
    }
  }

  @Test func test_wrongCRC_isADamagedFile_bothWays() throws {
    let data = try SeededSheet(seed: 6, rows: 6_000, columns: 6).workbook()
    let entry = try #require(SheetEntry(in: data))
    var patched = data
    for offset in [entry.localHeader + 14, entry.centralHeader + 16] { patched[offset] ^= 0xFF }
    let (serial, pipelined, _) = readAllWays(patched)
    #expect(pipelined == serial)
    // Regression: a wrong CRC read as an intact file (the checksum was computed, never compared).
    #expect(serial.diagnostics.contains { $0.message.contains("CRC-32") }, "\(serial.diagnostics)")
    #expect(!readAllWays(data).serial.diagnostics.hasErrors)
  }

  @Test func test_crc32_isTheZipChecksum_wholeOrInChunks() {
    // The check value of CRC-32 (ISO-HDLC, as zip uses it).
    #expect(SpreadsheetArchive.crc32(Data("123456789".utf8), continuing: 0) == 0xCBF4_3926)
    #expect(SpreadsheetArchive.crc32(Data(), continuing: 0) == 0)
    let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
    let whole = SpreadsheetArchive.crc32(bytes, continuing: 0)
    var chunked: UInt32 = 0
    for start in stride(from: 0, to: bytes.count, by: 65_536) {
      chunked = SpreadsheetArchive.crc32(bytes[start..<min(start + 65_536, bytes.count)], continuing: chunked)
    }
    #expect(chunked == whole)
  }

  @Test func test_manyEarlyStops_neverHang() throws {
    // The consumer stops while the inflater is blocked on a full queue, or still inflating, or
    // already done (the last limits are above the sheet's cells): each read must return, and
    // as the serial one does.
    var limits = SpreadsheetLimits()
    let data = try SeededSheet(seed: 11, rows: 10_000, columns: 3).workbook()
    for cells in stride(from: 1, through: 30_000, by: 2_711) {
      limits.cells = cells
      let (serial, pipelined, _) = readAllWays(data, limits: limits)
      #expect(pipelined == serial)
    }
  }

  // MARK: - Zip surgery

  /// Where the sheet's entry sits in a zip written by `makeXLSX`.
  private struct SheetEntry {
    var localHeader: Int
    var centralHeader: Int
    var dataOffset: Int
    var compressedSize: Int

    init?(in data: Data, name: String = "xl/worksheets/sheet1.xml") {
      let bytes = [UInt8](data)
      let encoded = Array(name.utf8)
      func find(_ signature: [UInt8], nameOffset: Int) -> Int? {
        var index = 0
        while index + nameOffset + encoded.count <= bytes.count {
          if Array(bytes[index..<(index + 4)]) == signature,
            Array(bytes[(index + nameOffset)..<(index + nameOffset + encoded.count)]) == encoded
          {
            return index
          }
          index += 1
        }
        return nil
      }
      func uint(_ at: Int, _ width: Int) -> Int {
        (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
      }
      guard let local = find([0x50, 0x4B, 0x03, 0x04], nameOffset: 30),
        let central = find([0x50, 0x4B, 0x01, 0x02], nameOffset: 46)
      else { return nil }
      localHeader = local
      centralHeader = central
      dataOffset = local + 30 + uint(local + 26, 2) + uint(local + 28, 2)
      compressedSize = uint(central + 20, 4)
    }
  }

  /// `data` with the sheet entry's declared uncompressed size rewritten in both its headers.
  private func patchedEntry(_ data: Data, declaredSize: UInt32) throws -> Data {
    let entry = try #require(SheetEntry(in: data))
    var patched = data
    for offset in [entry.localHeader + 22, entry.centralHeader + 24] {
      for byte in 0..<4 {
        patched[offset + byte] = UInt8(truncatingIfNeeded: declaredSize >> (8 * UInt32(byte)))
      }
    }
    return patched
  }
}

/// A sheet of seeded cells of every kind Excel writes: shared strings (with `_x000D_` escapes,
/// rich-text runs and phonetic guides), inline strings, integers, decimals and exponents,
/// booleans, errors, dates by style, formulas' cached text, cells without a reference, gaps
/// between rows and columns, and merged ranges.
struct SeededSheet {
  enum Breakage: CaseIterable, Sendable {
    case badSharedString, badNumber, badReference, rowOutOfOrder, brokenXML, doctype

    var code: String {
      switch self {
      case .brokenXML: "spreadsheet-xml"
      case .doctype: "spreadsheet-doctype"
      default: "spreadsheet-bad-cell"
      }
    }
  }

  var seed: UInt64
  var rows: Int
  var columns: Int
  /// What goes wrong, and at which generated row.
  var breakage: (Breakage, row: Int)?

  init(seed: UInt64, rows: Int, columns: Int) {
    self.seed = seed
    self.rows = rows
    self.columns = columns
  }

  static let strings = [
    "医師", "看護師", "薬剤師", "ケアマネジャー", "line one_x000D_\nline two", "A & B < C", "  spaced  ", "=1+1",
    "訪問看護ステーション", "",
  ]

  var sharedStringsXML: String {
    var xml = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    for text in Self.strings {
      let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
        of: "<", with: "&lt;")
      xml += "<si><t xml:space=\"preserve\">\(escaped)</t></si>"
    }
    xml += "<si><r><t>富士</t></r><r><t>見</t></r><rPh sb=\"0\" eb=\"2\"><t>フジミ</t></rPh></si></sst>"
    return xml
  }

  static let styles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd hh:mm\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"

  func xml() -> Data {
    var random = SplitMix64(state: seed)
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    var xml = ""
    if breakage?.0 == .doctype { xml += "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e \"x\">]>" }
    xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    xml += "<row r=\"1\">"
    for column in 1...columns {
      xml += "<c r=\"\(CellReference.columnName(column))1\" t=\"inlineStr\"><is><t>項目\(column)</t></is></c>"
    }
    xml += "</row>"
    var row = 1
    var merges: [String] = []
    for generated in 1..<max(rows, 1) {
      row += draw(20) == 0 ? 2 + draw(3) : 1
      let broken = breakage?.row == generated ? breakage?.0 : nil
      if broken == .rowOutOfOrder {
        xml += "<row r=\"1\">"
      } else {
        xml += draw(10) == 0 ? "<row>" : "<row r=\"\(row)\" spans=\"1:\(columns)\">"
      }
      let first = "A\(row)"
      switch broken {
      case .badSharedString?: xml += "<c r=\"\(first)\" t=\"s\"><v>\(Self.strings.count + 7)</v></c>"
      case .badNumber?: xml += "<c r=\"\(first)\"><v>12..5</v></c>"
      case .badReference?: xml += "<c r=\"\(first)!\"><v>1</v></c>"
      case .brokenXML?: xml += "<c r=\"\(first)\"><v>1</c>"
      default: break
      }
      var column = 0
      while column < columns {
        column += draw(8) == 0 ? 2 : 1
        if column > columns { break }
        let reference = "\(CellReference.columnName(column))\(row)"
        let r = draw(12) == 0 ? "" : " r=\"\(reference)\""
        switch draw(11) {
        case 0: xml += "<c\(r) t=\"s\"><v>\(draw(Self.strings.count + 1))</v></c>"
        case 1: xml += "<c\(r)><v>\(draw(2_000_000) - 1_000_000)</v></c>"
        case 2:
          xml +=
            "<c\(r)><v>\(["0.1", "1.5E-3", "-2.5", "3.0000000000000004", "1E+20", "007"][draw(6)])</v></c>"
        case 3: xml += "<c\(r) t=\"b\"><v>\(draw(2))</v></c>"
        case 4: xml += "<c\(r) t=\"e\"><v>#N/A</v></c>"
        case 5: xml += "<c\(r) t=\"inlineStr\"><is><r><t>自由</t></r><r><t>記述\(draw(100))</t></r></is></c>"
        case 6: xml += "<c\(r) s=\"\(1 + draw(2))\"><v>\(40_000 + draw(9_000)).\(draw(100))</v></c>"
        case 7: xml += "<c\(r) t=\"str\"><f>A1&amp;B1</f><v>式\(draw(10))</v></c>"
        case 8: xml += "<c\(r) s=\"0\"/>"
        case 9: xml += "<c\(r) t=\"d\"><v>2024-05-0\(1 + draw(9))T00:00:00</v></c>"
        default: xml += "<c\(r) t=\"s\"><v>\(draw(4))</v></c>"
        }
      }
      xml += "</row>"
      if draw(500) == 0 { merges.append("A\(row):A\(row + 1 + draw(3))") }
    }
    xml += "</sheetData>"
    if !merges.isEmpty {
      xml += "<mergeCells>" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
    }
    xml += "</worksheet>"
    return Data(xml.utf8)
  }

  func workbook() throws -> Data {
    try makeXLSX(sheetXML: xml(), sharedStrings: sharedStringsXML, styles: Self.styles)
  }
}
