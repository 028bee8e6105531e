import Foundation
import Testing

@testable import KenshuTabular

/// What `CSVWriter` guards, `CSVParser` unguards: any text written with the guard reads back
/// exactly (line breaks aside, which the reader normalises to LF).
@Suite struct FormulaGuardRoundTripTests {
  @Test(arguments: [
    ("=1+1", "'=1+1"), ("-特になし", "'-特になし"), ("@x", "'@x"), ("+a", "'+a"), ("\t=1", "'\t=1"),
    ("'=1", "''=1"), ("''-x", "'''-x"), ("'-5", "'-5"), ("'abc", "'abc"), ("'", "'"), ("-5", "-5"),
    ("abc", "abc"), ("", ""),
  ])
  func test_guardedAndUnguarded_areInverse(text: String, cell: String) {
    #expect(FormulaGuard.guarded(text) == cell)
    #expect(FormulaGuard.unguarded(cell) == text)
  }

  @Test func test_writeThenRead_randomFormulaLikeTextRoundTrips() {
    var random = SplitMix64(state: 7)
    let pieces = ["'", "=", "-", "+", "@", "\t", "5", "特", "a", ",", "\"", "\n", " ", ""]
    for separator in [FieldSeparator.comma, .tab] {
      for _ in 0..<500 {
        let rows = (0..<3).map { _ in
          (0..<3).map { _ in (0..<5).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        }
        let data = CSVWriter(separator: separator).data(for: [["a", "b", "c"]] + rows).data
        let back = Table.read(data: data, file: "x.csv", options: TableReadOptions(separator: separator))
        #expect(back.table.records.map(\.fields) == rows, "\(rows)")
      }
    }
  }
}
