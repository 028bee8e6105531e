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
