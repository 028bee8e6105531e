import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

@Suite struct TextEncodingTests {
  let expectedRows = [
    ["番号", "氏名", "職種", "所属"],
    ["1", "山田 太郎", "医師", "①クリニック"],
    ["2", "髙橋 花子", "看護師", "㈱訪問看護ステーション"],
  ]

  @Test(arguments: [
    ("utf8.csv", TextEncoding.utf8), ("utf8-bom.csv", .utf8BOM), ("cp932.csv", .cp932),
  ])
  func test_read_detectsEncodingAndDecodesSameRows(file: String, encoding: TextEncoding) throws {
    let result = Table.read(data: try fixture(file), file: file)
    #expect(result.encoding == encoding)
    #expect(result.diagnostics.isEmpty)
    #expect(result.table.rows == expectedRows)
  }

  @Test func test_decode_bomIsNotPartOfFirstHeader() throws {
    let result = Table.read(data: try fixture("utf8-bom.csv"), file: "x.csv")
    #expect(result.table.columnIndex(named: "番号") == 0)
  }

  @Test func test_decode_cp932BadByteIsLocatedAndOtherLinesSurvive() throws {
    let result = Table.read(data: try fixture("cp932-bad-byte.csv"), file: "roster.csv")
    #expect(result.encoding == .cp932)
    let errors = result.diagnostics.filter { $0.code == "csv-bad-encoding" }
    #expect(errors.count == 1)
    #expect(errors.first?.location == SourceLocation(file: "roster.csv", line: 3, column: 4))
    #expect(errors.first?.formatted.hasPrefix("roster.csv:3:4: error:") == true)
    #expect(result.table.records.map(\.line) == [2, 3, 4])
    #expect(result.table.records[0].fields == ["1", "山田 太郎", "医師"])
    #expect(result.table.records[1].fields == ["2", "あ\u{FFFD} X", "\u{FFFD}"])
    #expect(result.table.records[2].fields == ["3", "佐藤 一郎", "薬剤師"])
  }

  @Test func test_decode_forcedUTF8OnCP932ReportsEveryBadLine() throws {
    let decoded = DecodedText(decoding: try fixture("cp932.csv"), file: "f.csv", encoding: .utf8)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.diagnostics.map(\.location.line) == [1, 2, 3])
    #expect(decoded.diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func test_decode_utf8WithOneBrokenByteStaysUTF8() {
    var data = Data("氏名\n山田\n".utf8)
    data.append(contentsOf: [0xE5, 0x0A])  // a truncated three-byte sequence
    data.append(Data("佐藤\n".utf8))
    let decoded = DecodedText(decoding: data, file: "f.csv")
    #expect(decoded.encoding == .utf8)
    #expect(decoded.diagnostics.map(\.location.line) == [3])
    #expect(decoded.text.hasSuffix("佐藤\n"))
  }

  @Test func test_decode_utf16WithBOMAsExcelUnicodeText() throws {
    let result = Table.read(data: try fixture("utf16.txt"), file: "u.txt")
    #expect(result.encoding == .utf16)
    #expect(result.separator == .tab)
    #expect(result.table.rows == [["ID", "氏名"], ["1", "①髙"]])
  }

  @Test func test_encode_cp932RoundTripsExcelCharacters() throws {
    let rows = expectedRows + [["3", "渡邉 﨑子", "介護支援専門員", "ⅰ～Ⅲ、№１、℡"]]
    let writer = CSVWriter(encoding: .cp932)
    let encoded = writer.data(for: rows, file: "out.csv")
    #expect(encoded.diagnostics.isEmpty)
    let back = Table.read(data: encoded.data, file: "out.csv")
    #expect(back.encoding == .cp932)
    #expect(back.table.rows == rows)
  }

  @Test func test_encode_cp932MapsJISVariantsAndWarnsOnLostCharacters() {
    let encoded = EncodedText(encoding: "10〜12時−\r\nCafé 😀\r\n", as: .cp932, file: "out.csv")
    #expect(
      DecodedText(decoding: encoded.data, file: "out.csv", encoding: .cp932).text == "10～12時－\r\nCaf? ?\r\n")
    #expect(encoded.diagnostics.count == 1)
    #expect(encoded.diagnostics.first?.location.line == 2)
    #expect(encoded.diagnostics.first?.code == "csv-unencodable-character")
  }

  @Test func test_encode_utf8BOMStartsWithBOMAndRoundTrips() {
    let encoded = CSVWriter(encoding: .utf8BOM).data(for: expectedRows)
    #expect(encoded.data.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(Table.read(data: encoded.data, file: "x.csv").table.rows == expectedRows)
  }

  @Test func test_encode_utf16RoundTrips() {
    let encoded = CSVWriter(separator: .tab, encoding: .utf16).data(for: expectedRows)
    let back = Table.read(data: encoded.data, file: "x.txt")
    #expect(back.encoding == .utf16)
    #expect(back.table.rows == expectedRows)
  }

  @Test(arguments: [
    ("Shift_JIS", TextEncoding.cp932), ("sjis", .cp932), ("windows-31j", .cp932), ("UTF-8", .utf8),
    ("utf8-bom", .utf8BOM),
  ])
  func test_parsing_acceptsCommonEncodingNames(name: String, encoding: TextEncoding) {
    #expect(TextEncoding(parsing: name) == encoding)
  }
}

@Suite struct UTF8ValidationTests {
  /// Agrees with the standard library's validation on every sequence of up to three bytes drawn
  /// from the boundary values of table 3-7, and on long mixed runs (the eight-byte ASCII skip).
  @Test func test_isValid_agreesWithTheStandardLibrary() {
    let interesting: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
      0xEE,
      0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    func check(_ bytes: [UInt8]) {
      let expected = String(validating: bytes, as: UTF8.self) != nil
      let actual = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
      #expect(actual == expected, "\(bytes.map { String($0, radix: 16) })")
    }
    for a in interesting {
      check([a])
      for b in interesting {
        check([a, b])
        for c in interesting { check([a, b, c]) }
      }
    }
    for suffix in [[0xF0, 0x9F, 0x8F, 0xA5], [0xF0, 0x9F, 0x8F], [0xE7, 0x9C, 0x8B], [0xED, 0xA0, 0x80]]
      as [[UInt8]]
    {
      for prefixLength in 0..<20 {
        check(
          Array(repeating: 0x61, count: prefixLength) + suffix
            + Array(repeating: 0x62, count: prefixLength % 9))
      }
    }
  }
}
