import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

@Suite struct CSVParserTests {
  @Test func test_parse_quotedFieldsKeepCommasQuotesAndNewlines() throws {
    let result = Table.read(data: try fixture("quoted.csv"), file: "q.csv")
    #expect(result.diagnostics.isEmpty)
    #expect(result.table.header == ["id", "comment", "note"])
    #expect(
      result.table.records.map(\.fields) == [
        ["1", "複数行の\n\"コメント\", です", "a"],
        ["2", "a,b", ""],
        ["3", "", ""],
      ])
  }

  @Test func test_parse_recordsCarryTheLineWhereTheyStart() throws {
    let result = Table.read(data: try fixture("quoted.csv"), file: "q.csv")
    #expect(result.table.records.map(\.line) == [2, 4, 5])
  }

  @Test func test_parse_acceptsCRLFLoneCRAndLF() throws {
    let result = Table.read(data: try fixture("mixed-line-endings.csv"), file: "m.csv")
    #expect(result.table.rows == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    #expect(result.table.records.map(\.line) == [2, 3, 4])
  }

  @Test func test_parse_unterminatedQuoteIsLocatedAndCostsOneRecord() throws {
    let result = Table.read(data: try fixture("unterminated.csv"), file: "u.csv")
    #expect(result.rejectedLines == [2])
    let error = try #require(result.diagnostics.first { $0.code == "csv-unterminated-quote" })
    #expect(error.severity == .error)
    #expect(error.location.line == 2)
    #expect(result.table.records.map(\.fields) == [["2", "佐藤"], ["3", "鈴木"]])
    #expect(result.table.records.map(\.line) == [3, 4])
  }

  @Test func test_parse_unterminatedQuoteOnLastLineDoesNotHang() {
    let document = CSVParser(file: "x.csv").parse("a,b\n1,\"open")
    #expect(document.records.map(\.fields) == [["a", "b"]])
    #expect(document.rejectedLines == [2])
  }

  @Test func test_parse_emptyFieldsAndTrailingSeparator() {
    let document = CSVParser().parse(",,\na,,c,\n")
    #expect(document.records.map(\.fields) == [["", "", ""], ["a", "", "c", ""]])
    #expect(document.records[0].isBlank)
  }

  @Test func test_parse_blankLinesAreSkippedButQuotedEmptyIsKept() {
    let document = CSVParser().parse("a\n\n\"\"\n\r\n\n")
    #expect(document.records.map(\.fields) == [["a"], [""]])
    #expect(document.records.map(\.line) == [1, 3])
  }

  @Test func test_parse_textAfterClosingQuoteIsKeptWithWarning() {
    let document = CSVParser(file: "x.csv").parse("a,b\n\"5\"inch,x\n")
    #expect(document.records[1].fields == ["5inch", "x"])
    #expect(document.diagnostics.map(\.code) == ["csv-text-after-quote"])
    #expect(document.diagnostics.first?.location.line == 2)
  }

  @Test func test_parse_quoteInsideUnquotedFieldIsLiteral() {
    #expect(CSVParser().parse("5\"2,x").records[0].fields == ["5\"2", "x"])
  }

  @Test func test_parse_emptyInputHasNoRecords() {
    #expect(CSVParser().parse("").records.isEmpty)
    let result = Table.read(data: Data(), file: "e.csv")
    #expect(result.diagnostics.map(\.code) == ["csv-empty"])
  }

  @Test func test_read_tsvFileIsTabSeparated() throws {
    let result = try Table.read(contentsOf: fixtureURL("tabs.tsv"), displayName: "tabs.tsv")
    #expect(result.separator == .tab)
    #expect(result.table.records[0].fields == ["1", "山田, 太郎", "医師"])
  }

  @Test(arguments: [
    ("a,b,c", FieldSeparator.comma), ("a\tb\tc", .tab), ("a;b;c", .semicolon), ("abc", .comma),
    ("\"x\ty\",b", .comma),
  ])
  func test_detect_separatorFromHeaderLine(header: String, separator: FieldSeparator) {
    #expect(FieldSeparator.detect(in: header + "\n1\t2\t3\t4\t5") == separator)
  }
}

/// The byte-level reader must split exactly as the scalar reference does, whatever the input.
@Suite struct CSVParserEquivalenceTests {

  static let alphabet = [
    "a", "1", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\u{3000}", "あ", "看護師", "🏥", "é", "'",
    "=",
  ]

  @Test(arguments: [FieldSeparator.comma, .tab, .semicolon])
  func test_parse_matchesScalarReferenceOnGeneratedText(separator: FieldSeparator) {
    var random = SplitMix64(state: 42)
    for _ in 0..<3_000 {
      let length = Int(random.next() % 40)
      let text = (0..<length).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }
        .joined()
      let expected = ScalarReferenceCSVParser(separator: separator, file: "x.csv").parse(text)
      let actual = CSVParser(separator: separator, file: "x.csv").parse(text)
      #expect(actual == expected, "input: \(text.debugDescription)")
      if actual != expected { return }
    }
  }

  /// Long unquoted fields (read eight bytes at a time) with the separator, a quote or a line
  /// break at every offset of the word that holds it.
  @Test(arguments: [FieldSeparator.comma, .tab, .semicolon])
  func test_parse_matchesScalarReferenceOnLongFields(separator: FieldSeparator) {
    var random = SplitMix64(state: 18)
    let plain = ["a", "看護師", "あ", "🏥", "é", "1", " "]
    let special = [String(separator.scalar), "\n", "\r\n", "\r", "\""]
    for _ in 0..<2_000 {
      let length = Int(random.next() % 120)
      let text = (0..<length).map { _ in
        random.next() % 12 == 0
          ? special[Int(random.next() % UInt64(special.count))]
          : plain[Int(random.next() % UInt64(plain.count))]
      }.joined()
      let expected = ScalarReferenceCSVParser(separator: separator, file: "x.csv").parse(text)
      let actual = CSVParser(separator: separator, file: "x.csv").parse(text)
      #expect(actual == expected, "input: \(text.debugDescription)")
      if actual != expected { return }
    }
  }

  @Test func test_parse_matchesScalarReferenceOnFixtures() throws {
    for name in ["quoted.csv", "unterminated.csv", "mixed-line-endings.csv"] {
      let text = String(decoding: try fixture(name), as: UTF8.self)
      #expect(CSVParser(file: name).parse(text) == ScalarReferenceCSVParser(file: name).parse(text))
    }
  }
}

/// Large inputs are split in parts on several threads; whatever the cuts hit (a quoted field
/// with line breaks, CR LF, an unterminated quote), the result must be that of one pass.
@Suite struct ConcurrentSplittingTests {
  static let pieces = [
    "1,看護師,4", "2,\"複数行の\n記述\",5", "3,\"a\"\"b\",", "\"\n\n\n\",x", "4,\"閉じない", "5,ok\r\n", ",,", "\r",
    "\"\"",
    "6,\"x\"y,z", "7,\"\r\n\",8",
  ]

  @Test(arguments: [1, 2, 3, 4, 5])
  func test_parse_concurrentPartsGiveTheOnePassResult(seed: UInt64) {
    var random = SplitMix64(state: seed)
    var text = "id,name,score\n"
    while text.utf8.count < 6_000 {
      text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
      text += random.next() % 3 == 0 ? "\r\n" : "\n"
    }
    var concurrent = CSVParser(file: "big.csv")
    concurrent.concurrentThreshold = 64
    let onePass = ScalarReferenceCSVParser(file: "big.csv").parse(text)
    #expect(concurrent.parse(text) == onePass)
  }

  @Test func test_parse_quotedFieldAcrossEveryCutIsStillOneField() {
    let long = String(repeating: "長い記述\n", count: 400)
    let text = "id,text\n1,\"" + long + "\"\n2,b\n"
    var concurrent = CSVParser(file: "x.csv")
    concurrent.concurrentThreshold = 64
    let document = concurrent.parse(text)
    #expect(document.records.map(\.fields) == [["id", "text"], ["1", long], ["2", "b"]])
    #expect(document.records.map(\.line) == [1, 2, 403])
  }
}
