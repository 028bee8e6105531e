import Foundation
import Testing

@testable import KenshuModel
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
  /// Checked in stretches at once, the answer is `isValid`'s: Japanese text, four-byte
  /// sequences and invalid bytes at and around every cut, for 2 to 7 stretches.
  @Test func test_isValidInParts_equalsIsValid_withBytesAroundTheCuts() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      Array("退院支援、".utf8), Array("ab,c\n".utf8), Array("😀".utf8), [0x80], [0xBF, 0x80], [0xE3, 0x81],
      [0xF0, 0x9F],
      [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF], [0x80, 0x80, 0x80, 0x80, 0x80],
    ]
    for round in 0..<400 {
      var bytes = [UInt8]()
      while bytes.count < 30_000 { bytes += Array("多職種の連携が分かった。".utf8) + Array("x😀,".utf8) }
      let parts = round % 6 + 2
      // Half the rounds stay well-formed; the others get a piece at or beside a cut.
      if round % 2 == 1 {
        let cut = bytes.count * Int.random(in: 1..<parts, using: &generator) / parts
        let at = max(0, cut + Int.random(in: -5...5, using: &generator))
        bytes.insert(contentsOf: pieces.randomElement(using: &generator)!, at: at)
      }
      let whole = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
      let inParts = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0, parts: parts) }
      #expect(inParts == whole, "round \(round)")
    }
  }

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
      let reference = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffsetBySequence($0) }
      #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == reference)
      #expect((reference == nil) == expected)
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

  /// The automaton against the sequence walk (and the standard library) on seeded runs of
  /// Japanese, ASCII, emoji and stray bytes of every length, each broken at a random place or
  /// not: the ASCII skip, the sixteen-byte blocks and the error check between them meet every
  /// alignment.
  @Test func test_automaton_agreesWithTheSequenceWalk_onSeededText() {
    var random = SplitMix64(state: 3_003)
    let pieces: [[UInt8]] = [
      Array("退院支援".utf8), Array("abcdefghijklmnopq".utf8), Array("😀".utf8), Array("é".utf8), [0x0A],
      Array("研修、".utf8), Array(String(repeating: "x", count: 40).utf8),
    ]
    let strays: [UInt8] = [0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0xE3, 0xE3]
    for _ in 0..<3_000 {
      var bytes: [UInt8] = []
      let pieceCount = Int(random.next() % 24)
      for _ in 0..<pieceCount { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
      switch random.next() % 4 {
      case 0 where !bytes.isEmpty:
        bytes.insert(
          strays[Int(random.next() % UInt64(strays.count))], at: Int(random.next() % UInt64(bytes.count)))
      case 1 where !bytes.isEmpty: bytes.removeLast()
      case 2 where !bytes.isEmpty:
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(random.next() % 256)
      default: break
      }
      let reference = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffsetBySequence($0) }
      let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
      #expect(valid == (reference == nil), "\(bytes.map { String($0, radix: 16) })")
      #expect(valid == (String(validating: bytes, as: UTF8.self) != nil))
      #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == reference)
    }
  }
}
