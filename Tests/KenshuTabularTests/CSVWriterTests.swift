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
  }

  @Test func test_writeThenRead_roundTripsAwkwardFields() {
    let rows = [["id", "note"], ["1", "複数行\n\"引用\", カンマ"], ["2", ""], ["3", " 前後の空白 "]]
    for lineEnding in CSVWriter.LineEnding.allCases {
      let data = CSVWriter(lineEnding: lineEnding).data(for: rows).data
      #expect(Table.read(data: data, file: "x.csv").table.rows == rows)
    }
  }
}
