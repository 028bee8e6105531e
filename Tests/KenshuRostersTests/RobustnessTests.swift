import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

/// Arbitrary bytes must never crash or hang the importer, and every row must be accounted for.
@Suite struct RobustnessTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Bytes that exercise every branch: separators, quotes, line breaks, CP932 lead and trail
  /// bytes, UTF-8 fragments, a BOM start, letters and a header the importer recognises.
  static let alphabet: [[UInt8]] = [
    [0x2C], [0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x09], [0x82], [0xA0], [0x80], [0xFF], [0xEF, 0xBB, 0xBF],
    [0xE5, 0xB1, 0xB1], Array("a".utf8), Array("p1".utf8), Array("医師".utf8), Array("氏名".utf8), [0x20],
    Array(":".utf8),
    Array("2022-12-10".utf8), Array("はい".utf8), Array("・".utf8),
  ]

  @Test func test_import_randomBytesNeverCrashAndAccountForEveryRow() {
    var generator = SeededGenerator(state: 2026)
    for _ in 0..<300 {
      var bytes = Array("氏名,職種,ID,資格,同席不可,修了,地域研修実施\n".utf8)
      for _ in 0..<Int.random(in: 0..<80, using: &generator) {
        bytes += Self.alphabet.randomElement(using: &generator) ?? []
      }
      let result = RosterImport().importData(Data(bytes), file: "fuzz.csv")
      #expect(result.rowsRead == result.rowsImported + result.rowsRejected)
      #expect(Set(result.roster.people.map(\.id)).count == result.roster.people.count, "ids are unique")
      _ = RosterXMLWriter().xml(for: result.roster)
      _ = RosterSummary(people: result.roster.people, by: .profession).rendered(as: .table)
    }
  }

  @Test func test_writeThenRead_randomFieldsRoundTripInCP932() {
    var generator = SeededGenerator(state: 932)
    let pieces = ["山田", "①", "㈱", "髙", ",", "\"", "\n", "\r\n", " ", "a", "ｱ", "～", ""]
    for _ in 0..<100 {
      let rows = (0..<3).map { _ in
        (0..<3).map { _ in (0..<4).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined() }
      }
      let data = CSVWriter(encoding: .cp932, guardsFormulas: false).data(for: [["a", "b", "c"]] + rows).data
      let back = Table.read(
        data: data, file: "x.csv", options: TableReadOptions(encoding: .cp932, separator: .comma))
      // The reader normalises line breaks inside a quoted field to LF.
      let expected = rows.map { $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
      #expect(back.table.records.map(\.fields) == expected)
    }
  }
}
