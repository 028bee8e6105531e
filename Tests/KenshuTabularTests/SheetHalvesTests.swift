import Foundation
import KenshuModel
import KenshuXML
import Testing

@testable import KenshuTabular

/// A large sheet parsed in two halves at once must give exactly what the serial parse gives,
/// and must step aside (nil) whenever the cut or either half is not clean.
@Suite struct SheetHalvesTests {
  static let strings = ["氏名", "職種", "看護師", "介護支援専門員", "その他"]

  static func handler() -> SheetHandler {
    SheetHandler(
      sheet: "Sheet1", file: "big.xlsx", sharedStrings: strings, dateStyles: [false, true], date1904: false,
      limits: SpreadsheetLimits())
  }

  /// A sheet as Excel writes it: shared strings, numbers, inline strings, a date style, gaps,
  /// a merge after the rows; `prefix` names the namespace prefix (`x:`) some writers use.
  static func sheet(rows: Int, seed: UInt64, prefix: String = "", rowNumbers: Bool = true) -> Data {
    var state = seed
    func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    let p = prefix
    let namespace = p.isEmpty ? "xmlns" : "xmlns:\(p.dropLast())"
    var xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <\(p)worksheet \(namespace)="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><\(p)dimension ref="A1:F\(rows)"/><\(p)sheetData>
      """
    for row in 1...rows {
      xml += rowNumbers ? "<\(p)row r=\"\(row)\" spans=\"1:6\">" : "<\(p)row>"
      for column in 1...6 where next(5) > 0 {
        let ref = "\(Character(Unicode.Scalar(UInt8(64 + column))))\(row)"
        switch next(5) {
        case 0: xml += "<\(p)c r=\"\(ref)\" t=\"s\"><\(p)v>\(next(strings.count))</\(p)v></\(p)c>"
        case 1: xml += "<\(p)c r=\"\(ref)\"><\(p)v>\(next(6))</\(p)v></\(p)c>"
        case 2: xml += "<\(p)c r=\"\(ref)\"><\(p)v>\(next(100)).5</\(p)v></\(p)c>"
        case 3: xml += "<\(p)c r=\"\(ref)\" s=\"1\"><\(p)v>\(45000 + next(400))</\(p)v></\(p)c>"
        default:
          xml +=
            "<\(p)c r=\"\(ref)\" t=\"inlineStr\"><\(p)is><\(p)t>自由 &amp; 記述 \(row)</\(p)t></\(p)is></\(p)c>"
        }
      }
      xml += "</\(p)row>"
    }
    xml +=
      "</\(p)sheetData><\(p)mergeCells count=\"1\"><\(p)mergeCell ref=\"A1:B1\"/></\(p)mergeCells></\(p)worksheet>"
    return Data(xml.utf8)
  }

  static func serial(_ xml: Data) -> (grid: SheetGrid, clean: Bool) {
    let handler = handler()
    let parser = XMLStreamParser(path: "big.xlsx [sheet]", handler: handler)
    handler.parser = parser
    xml.withUnsafeBytes { XLSXReader.feed(parser, $0) }
    let clean = parser.finish().isEmpty && handler.problem == nil
    return (handler.grid, clean)
  }

  static func halves(_ xml: Data) -> SheetGrid? {
    XLSXReader.parseInHalves(xml, part: "sheet", file: "big.xlsx", limits: SpreadsheetLimits(), handler)
  }

  static func same(_ a: SheetGrid, _ b: SheetGrid) -> Bool {
    a.merges == b.merges && a.rows.map(\.line) == b.rows.map(\.line)
      && a.rows.map(\.fields) == b.rows.map(\.fields)
  }

  @Test(arguments: [(1 as UInt64, ""), (2, ""), (3, "x:"), (4, "")])
  func halves_equalTheSerialParse(seed: UInt64, prefix: String) throws {
    for rows in [2, 3, 7, 400, 1_500] {
      let xml = Self.sheet(rows: rows, seed: seed &+ UInt64(rows), prefix: prefix)
      let serial = Self.serial(xml)
      #expect(serial.clean)
      // A tiny sheet may have no row start past its middle: then the serial parse reads it.
      guard let halves = Self.halves(xml) else {
        #expect(rows < 10, "rows \(rows)")
        continue
      }
      #expect(Self.same(halves, serial.grid), "rows \(rows)")
      #expect(halves.merges.count == 1)
    }
  }

  @Test func rowsWithoutNumbers_areLeftToTheSerialParse() {
    #expect(Self.halves(Self.sheet(rows: 300, seed: 9, rowNumbers: false)) == nil)
  }

  @Test func aProblemInEitherHalf_orAcrossTheCut_isLeftToTheSerialParse() {
    let xml = String(decoding: Self.sheet(rows: 600, seed: 11), as: UTF8.self)
    // A shared-string index out of range late in the sheet (second half).
    let badLate = xml.replacingOccurrences(
      of: "<row r=\"590\" spans=\"1:6\">",
      with: "<row r=\"590\" spans=\"1:6\"><c r=\"A590\" t=\"s\"><v>99</v></c>")
    #expect(Self.halves(Data(badLate.utf8)) == nil)
    #expect(!Self.serial(Data(badLate.utf8)).clean)
    // Broken XML early (first half).
    let brokenEarly = xml.replacingOccurrences(
      of: "<row r=\"3\" spans=\"1:6\">", with: "<row r=\"3\" spans=\"1:6\"><c>")
    #expect(Self.halves(Data(brokenEarly.utf8)) == nil)
    // Rows out of order exactly across the cut: every later row numbered 1.
    var descending = xml
    for row in 301...600 {
      descending = descending.replacingOccurrences(of: "<row r=\"\(row)\" ", with: "<row r=\"\(row - 300)\" ")
    }
    #expect(Self.halves(Data(descending.utf8)) == nil)
    #expect(!Self.serial(Data(descending.utf8)).clean)
  }

  @Test func aLargeWorkbook_readsTheSameInHalvesAsSerially() throws {
    // Over `SheetHalves.minimumBytes`, so `Table.read` takes the halves.
    let xml = Self.sheet(rows: 40_000, seed: 5)
    #expect(xml.count > SheetHalves.minimumBytes)
    var shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    for text in Self.strings { shared += "<si><t>\(text)</t></si>" }
    shared += "</sst>"
    let data = try makeXLSX(sheetXML: xml, sharedStrings: shared)
    let archive = try #require(SpreadsheetArchive(data: data))
    let inHalves = XLSXReader(file: "big.xlsx", archive: archive)
    var serialReader = XLSXReader(file: "big.xlsx", archive: archive)
    serialReader.parallel = false
    let sheet = try inHalves.sheets().sheets[0]
    let a = try inHalves.read(sheet: sheet, date1904: false, limits: SpreadsheetLimits())
    let b = try serialReader.read(sheet: sheet, date1904: false, limits: SpreadsheetLimits())
    #expect(a.rows.count > 30_000)
    #expect(Self.same(a, b))
  }
}
