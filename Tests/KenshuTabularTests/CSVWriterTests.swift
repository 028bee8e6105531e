import Foundation
import Testing

@testable import KenshuTabular

@Suite struct CSVWriterTests {
  @Test func test_quoted_onlyWhenNeeded() {
    let writer = CSVWriter()
    #expect(writer.quoted("山田") == "山田")
    #expect(writer.quoted("a,b") == "\"a,b\"")
    #expect(writer.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(writer.quoted("line\nbreak") == "\"line\nbreak\"")
    #expect(writer.quoted(" lead") == "\" lead\"")
    #expect(writer.quoted("") == "")
    #expect(CSVWriter(separator: .tab).quoted("a,b") == "a,b")
  }

  @Test func test_text_usesChosenLineEnding() {
    #expect(CSVWriter().text(for: [["a", "b"], ["1", "2"]]) == "a,b\r\n1,2\r\n")
    #expect(CSVWriter(lineEnding: .lf).text(for: [["a"]]) == "a\n")
    #expect(CSVWriter(lineEnding: .lf).text(for: [["a"], [""]]) == "a\n\"\"\n")
  }

  @Test func test_writeThenRead_roundTripsAwkwardFields() {
    let rows = [["id", "note"], ["1", "複数行\n\"引用\", カンマ"], ["2", ""], ["3", " 前後の空白 "]]
    for lineEnding in CSVWriter.LineEnding.allCases {
      let data = CSVWriter(lineEnding: lineEnding).data(for: rows).data
      #expect(Table.read(data: data, file: "x.csv").table.rows == rows)
    }
  }
}

@Suite struct FormulaGuardTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://x\",\"押して\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"押して\"\")\""),
    ("+81 3 1234", "'+81 3 1234"),
    ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("-5", "-5"), ("+1,234.5", "\"+1,234.5\""),
    ("看護師", "看護師"), ("a=b", "a=b"), ("", ""),
  ])
  func test_guardsFormulas_prefixesTextASpreadsheetWouldRun(field: String, written: String) {
    #expect(CSVWriter(guardsFormulas: true).quoted(field) == written)
  }

  @Test func test_withoutGuard_textIsWrittenExactly() {
    let rows = [["=1+1", "-x", "@a"]]
    let text = CSVWriter(guardsFormulas: false).text(for: rows)
    #expect(text == "=1+1,-x,@a\r\n")
    #expect(CSVParser().parse(text).records.map(\.fields) == rows)
  }
}

@Suite struct QuotingEndsTests {
  @Test(arguments: ["山田\u{3000}", "\u{3000}山田", "a\u{00A0}", "\tx", "x\n", "🏥 "])
  func test_quoted_whiteSpaceAtEitherEndIsQuoted(field: String) {
    #expect(CSVWriter(guardsFormulas: false).quoted(field).hasPrefix("\""))
  }

  @Test(arguments: ["山田", "🏥", "é", "終わり。", "a b"])
  func test_quoted_otherwiseLeftAlone(field: String) {
    #expect(CSVWriter().quoted(field) == field)
  }
}

@Suite struct RecordsTests {
  @Test(arguments: [TextEncoding.utf8, .utf8BOM, .cp932])
  func test_recordsFieldByField_equalWholeRows(encoding: TextEncoding) {
    let rows = [["id", "text"], [""], ["1", "a,b"], ["2", " 前後に空白 "], ["", ""], ["=1+1"]]
    let writer = CSVWriter(encoding: encoding, guardsFormulas: true)
    var records = CSVWriter.Records(writer: writer)
    for row in rows {
      for field in row { records.append(field: field) }
      records.endRecord()
    }
    #expect(records.data().data == writer.data(for: rows).data)
    #expect(writer.text(for: rows).hasPrefix("id,text\r\n\"\"\r\n1,\"a,b\"\r\n"))
  }
}

/// `Records.append(field:)` copies a field's bytes unchanged when it can tell that `quoted`
/// would leave it so (issue 18: 400,000 free-text answers in `freetext.csv`); its bytes must be
/// those of `quoted` for every field: formula starts, apostrophes, separators, quotes, line
/// breaks, every Unicode white space at either end, Japanese text, emoji, combining marks.
@Suite struct CSVRecordsFastPathTests {
  static let whiteSpaces: [String] = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
    $0.properties.isWhitespace
  }.map { String(Character($0)) }

  static let pieces: [String] =
    [
      "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "'", "''", "\"", ",", ";", "5", "-5", "1.5", "a", "Z",
      "退院支援", "特になし", "。", "、", "ｹｱﾏﾈ", "ＩＣＴ", "😀", "e\u{301}", "\u{301}", "\u{FEFF}", "\u{200B}",
      "\u{C2}", "¥", "…", "—", "\u{1F1EF}\u{1F1F5}",
    ] + whiteSpaces

  static func reference(_ fields: [String], _ writer: CSVWriter) -> [UInt8] {
    var bytes = writer.encoding == .utf8BOM ? TextEncoding.utf8BOMBytes : []
    bytes += Array(fields.map(writer.quoted).joined(separator: String(writer.separator.scalar)).utf8)
    if fields.count == 1 && fields[0].isEmpty { bytes += Array("\"\"".utf8) }
    return bytes + Array(writer.lineEnding.text.utf8)
  }

  @Test func test_appendField_equalsQuoted_onEveryWhiteSpace_andRandomFields() {
    var generator = SystemRandomNumberGenerator()
    let writers = [FieldSeparator.comma, .tab, .semicolon].flatMap { separator in
      [true, false].map { CSVWriter(separator: separator, encoding: .utf8BOM, guardsFormulas: $0) }
    }
    for writer in writers {
      var cases: [[String]] = [[""], ["", ""], ["a"]]
      for space in Self.whiteSpaces {
        cases += [[space], [space + "退院"], ["退院" + space], ["a" + space + "b"], [space + "=1"]]
      }
      for _ in 0..<3000 {
        cases.append(
          (0..<Int.random(in: 1...3, using: &generator)).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in
              Self.pieces.randomElement(using: &generator)!
            }.joined()
          })
      }
      for fields in cases {
        var records = CSVWriter.Records(writer: writer)
        for field in fields { records.append(field: field) }
        records.endRecord()
        #expect(records.bytes == Self.reference(fields, writer), "\(fields.map(\.unicodeScalars))")
      }
    }
  }
}

/// `Records.containsSpecialByte` reads eight bytes at a time; it must find the separator, a
/// quote or a line break at every position of every length, and nothing in other bytes.
@Suite struct CSVRecordsSpecialByteTests {
  @Test(arguments: [FieldSeparator.comma, .tab, .semicolon])
  func test_containsSpecialByte_findsEachAtEveryPosition(separator: FieldSeparator) {
    // Bytes next to the special ones too, and those with the high bit set (UTF-8 text).
    let plain: [UInt8] =
      [0x00, 0x01, 0x09, 0x0B, 0x0C, 0x0E, 0x21, 0x23, 0x2B, 0x2D, 0x3A, 0x3C, 0x41, 0x7F]
      .filter { $0 != separator.byte } + [0x80, 0x8A, 0xA2, 0xAC, 0xE3, 0xFF]
    for length in 0...40 {
      let base = (0..<length).map { plain[($0 * 7 + length) % plain.count] }
      base.withUnsafeBufferPointer {
        #expect(!CSVWriter.Records.containsSpecialByte($0, separator: separator.byte), "\(base)")
      }
      for position in 0..<length {
        for special in [separator.byte, 0x22, 0x0A, 0x0D] {
          var bytes = base
          bytes[position] = special
          bytes.withUnsafeBufferPointer {
            #expect(CSVWriter.Records.containsSpecialByte($0, separator: separator.byte), "\(bytes)")
          }
        }
      }
    }
  }
}

/// `Records.write(to:)` writes the bytes of `data(file:)` in every encoding (issue 18).
@Suite struct CSVRecordsWriteTests {
  @Test(arguments: [TextEncoding.utf8, .utf8BOM, .cp932, .utf16])
  func test_write_equalsData(_ encoding: TextEncoding) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for rows in [[], [["item", "kind", "text"], ["t1", "text", "=1+1"], ["t1", "other", "退院\n支援 "]]] {
      var records = CSVWriter.Records(writer: CSVWriter(encoding: encoding))
      for row in rows { records.append(row) }
      let url = directory.appendingPathComponent("\(encoding)-\(rows.count).csv")
      try records.write(to: url, file: "f.csv", options: .atomic)
      #expect(try Data(contentsOf: url) == records.data(file: "f.csv").data)
    }
  }

  /// Records written with parts made apart are the file of all of them appended in order (an
  /// existing file replaced, no temporary file left), in every encoding.
  @Test(arguments: [TextEncoding.utf8, .utf8BOM, .cp932, .utf16])
  func test_writeWithParts_equalsAllAppendedInOrder(_ encoding: TextEncoding) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let writer = CSVWriter(encoding: encoding, guardsFormulas: true)
    let rows = [["t1", "text", "=1+1"], [""], ["t1", "other", "退院\n支援 "], ["t2", "text", "特になし"]]
    for partCount in [0, 1, 3] {
      var whole = CSVWriter.Records(writer: writer)
      var header = CSVWriter.Records(writer: writer)
      whole.append(["item", "kind", "text"])
      header.append(["item", "kind", "text"])
      let parts = (0..<partCount).map { part in
        var records = CSVWriter.Records.part(of: writer)
        for row in rows where rows.firstIndex(of: row)! % max(partCount, 1) == part { records.append(row) }
        return records
      }
      for part in 0..<partCount {
        for row in rows where rows.firstIndex(of: row)! % partCount == part { whole.append(row) }
      }
      let url = directory.appendingPathComponent("freetext.csv")
      try Data("old".utf8).write(to: url)
      try header.write(to: url, parts: parts, file: "freetext.csv")
      #expect(try Data(contentsOf: url) == whole.data(file: "freetext.csv").data, "\(partCount) parts")
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["freetext.csv"])
    }
  }
}
