import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

@Suite struct TableTests {
  let table = Table(
    file: "t.csv", header: ["ＩＤ", " 氏 名 ", "E-Mail", "ﾌﾘｶﾞﾅ"],
    records: [CSVRecord(line: 2, fields: ["1", "　山田　", ""])])

  @Test func test_columnIndex_normalisesWidthCaseAndSpaces() {
    #expect(table.columnIndex(named: "id") == 0)
    #expect(table.columnIndex(named: "氏名") == 1)
    #expect(table.columnIndex(named: "email") == 2)
    #expect(table.columnIndex(named: "フリガナ") == 3)
    #expect(table.columnIndex(named: ["name", "氏名"]) == 1)
    #expect(table.columnIndex(named: "所属") == nil)
  }

  @Test func test_value_trimsIdeographicSpaceAndTreatsEmptyAsMissing() {
    let record = table.records[0]
    #expect(record.value(at: 1) == "山田")
    #expect(record.value(at: 2) == nil)
    #expect(record.value(at: 3) == nil)
    #expect(record.value(at: nil) == nil)
  }

  @Test func test_headerDiagnostics_warnOnDuplicateColumns() {
    let duplicated = Table(file: "d.csv", header: ["氏名", "職種", "氏 名"], records: [])
    let diagnostics = duplicated.headerDiagnostics()
    #expect(diagnostics.map(\.code) == ["csv-duplicate-header"])
    #expect(diagnostics.first?.location == SourceLocation(file: "d.csv", line: 1, column: 3))
  }

  @Test func test_table_headerIsFirstNonBlankRecord() {
    let document = CSVParser().parse(",,\n氏名,職種\n山田,医師\n")
    let table = Table(file: "x.csv", document: document)
    #expect(table.header == ["氏名", "職種"])
    #expect(table.headerLine == 2)
    #expect(table.records.map(\.line) == [3])
  }
}

/// UTF-8 files are split straight from their bytes; the result must be that of decoding the
/// whole text first and splitting it (the general path, which every other encoding takes).
@Suite struct DirectUTF8ReadingTests {
  static func decodedThenSplit(_ data: Data, file: String, encoding: TextEncoding? = nil) -> TableReadResult {
    let decoded = DecodedText(decoding: data, file: file, encoding: encoding)
    let separator = FieldSeparator.detect(in: decoded.text)
    let document = CSVParser(separator: separator, file: file).parse(decoded.text)
    let table = Table(file: file, document: document)
    var diagnostics = decoded.diagnostics + document.diagnostics + table.headerDiagnostics()
    if table.header.isEmpty && document.rejectedLines.isEmpty {
      diagnostics.append(
        .error(Catalogue.emptyTable, (), at: SourceLocation(file: file, line: 1)))
    }
    return TableReadResult(
      table: table, encoding: decoded.encoding, separator: separator, rejectedLines: document.rejectedLines,
      diagnostics: diagnostics.sortedByLocation())
  }

  @Test(arguments: [
    "cp932-bad-byte.csv", "cp932.csv", "mixed-line-endings.csv", "quoted.csv", "tabs.tsv", "unterminated.csv",
    "utf16.txt", "utf8-bom.csv", "utf8.csv",
  ])
  func test_read_sameAsDecodingFirst(name: String) throws {
    let data = try fixture(name)
    #expect(Table.read(data: data, file: name) == Self.decodedThenSplit(data, file: name))
  }

  @Test func test_read_invalidUTF8InOneCellFallsBackAndIsReported() {
    var data = Data("id,name\n1,山田\n2,".utf8)
    data.append(contentsOf: [0xE5, 0xB1])  // a truncated three-byte sequence
    data.append(contentsOf: Array("\n3,佐藤\n4,鈴木\n".utf8))
    let result = Table.read(data: data, file: "bad.csv")
    #expect(result == Self.decodedThenSplit(data, file: "bad.csv"))
    #expect(result.encoding == .utf8)
    #expect(result.diagnostics.map(\.code) == ["csv-bad-encoding"])
    #expect(result.diagnostics.first?.location.line == 3)
    #expect(result.table.records.count == 4)
  }

  @Test func test_read_forcedEncodingsAndBOMs() {
    let text = "a,b\n1,看護師\n"
    let bom = Data(TextEncoding.utf8BOMBytes) + Data(text.utf8)
    for (data, forced) in [
      (bom, nil), (bom, TextEncoding.utf8), (Data(text.utf8), .utf8BOM), (Data(text.utf8), nil),
    ] {
      #expect(
        Table.read(data: data, file: "x.csv", options: TableReadOptions(encoding: forced))
          == Self.decodedThenSplit(data, file: "x.csv", encoding: forced))
    }
  }
}
