import Foundation
import KenshuModel
import Testing

@testable import KenshuTabular

/// `Table.readCells` keeps a delimited file as bytes and field positions; it must give exactly
/// the header, records, lines, rejected lines and diagnostics of `Table.read`, on any input.
@Suite struct CSVCellsTests {
  /// Byte soup built from the pieces the state machine reacts to.
  static func randomCSV(_ random: inout SplitMix64, records: Int, separator: String) -> String {
    let pieces = [
      "a", "1", "4.0", "看護師", "自由記述", "", " ", "\u{3000}", "\"", "\"\"", "\"q\"", "\"x\"y", "\"a,b\"",
      "\"改行\nあり\"", "\"cr\r\"", "'=1+1", "''-x", "'-5", "'@全員", "\"'=SUM(A1)\"", "\u{FEFF}", "😀", "-oth-",
    ]
    let breaks = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]
    var text = ""
    if random.next() % 3 == 0 { text += breaks[Int(random.next() % UInt64(breaks.count))] }
    for _ in 0..<records {
      let width = Int(random.next() % 6)
      for field in 0..<width {
        if field > 0 { text += separator }
        for _ in 0..<Int(random.next() % 3) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
      }
      text += breaks[Int(random.next() % UInt64(breaks.count))]
    }
    // Sometimes a quote that is never closed, somewhere.
    if random.next() % 4 == 0 { text += "x\(separator)\"never closed\(separator)1\n2\(separator)3\n" }
    return text
  }

  static func expectSame(
    _ data: Data, file: String, options: TableReadOptions = TableReadOptions(), threshold: Int
  ) {
    let reference = Table.read(data: data, file: file, options: options)
    let compact = Table.readCells(data: data, file: file, options: options, concurrentThreshold: threshold)
    guard let cells = compact.cells else {
      Issue.record("no cells for \(file)")
      return
    }
    #expect(cells.header == reference.table.header)
    #expect(cells.headerLine == reference.table.headerLine)
    #expect(cells.rows == reference.table.records.map(\.fields))
    #expect((0..<cells.count).map { cells.record($0).line } == reference.table.records.map(\.line))
    #expect(compact.rejectedLines == reference.rejectedLines)
    #expect(compact.diagnostics == reference.diagnostics)
  }

  @Test func test_readCells_matchesReadOnSeededInputs() {
    var random = SplitMix64(state: 18)
    for round in 0..<300 {
      let separator = round % 5 == 4 ? "\t" : ","
      let text = Self.randomCSV(&random, records: Int(random.next() % 40), separator: separator)
      let file = separator == "\t" ? "r\(round).tsv" : "r\(round).csv"
      // Small thresholds split even these inputs into parts, as large files are.
      let threshold = [64, 256, CSVParser.defaultConcurrentThreshold][round % 3]
      Self.expectSame(Data(text.utf8), file: file, threshold: threshold)
      if round % 7 == 0 {
        Self.expectSame(Data(TextEncoding.utf8BOMBytes) + Data(text.utf8), file: file, threshold: threshold)
      }
      if round % 11 == 0, let cp932 = text.data(using: .shiftJIS) {
        Self.expectSame(cp932, file: file, threshold: threshold)
      }
    }
  }

  @Test func test_readCells_matchesReadOnEncodingsAndEdgeCases() {
    let text = "id,名前,メモ\r\n1,看護師,\"複数\n行\"\r\n\r\n,,\r\n2,\u{3000},'=1+1\r\n"
    for data in [
      Data(text.utf8), Data(TextEncoding.utf8BOMBytes) + Data(text.utf8), text.data(using: .shiftJIS)!,
      text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }!, Data(), Data("\n\n".utf8),
      Data(",,\n ,\n".utf8), Data([0x61, 0x2C, 0xFF, 0x0A, 0x62, 0x0A]), Data("\"open\n".utf8),
    ] {
      Self.expectSame(data, file: "edge.csv", threshold: 4)
    }
    Self.expectSame(
      Data(text.utf8), file: "forced.csv", options: TableReadOptions(encoding: .cp932), threshold: 4)
    Self.expectSame(
      Data(text.utf8), file: "forced.csv", options: TableReadOptions(separator: .tab), threshold: 4)
  }
}
