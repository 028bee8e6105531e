import Foundation
import KenshuModel
import Testing

@testable import KenshuRosters

@Suite struct PublicSummaryTests {
  func summary(_ counts: [(String, Int)]) -> RosterSummary {
    let total = counts.map(\.1).reduce(0, +)
    return RosterSummary(
      key: .profession, total: total,
      rows: counts.map {
        SummaryRow(key: $0.0, label: $0.0, count: $0.1, percent: Percent(count: $0.1, of: total))
      })
  }

  @Test func test_public_cellsUnderFiveAreSuppressed() {
    let shown = PublicSummary(summary([("doctor", 12), ("nurse", 3), ("pharmacist", 2), ("other", 8)]))
    #expect(shown.rows.map(\.count) == [12, nil, nil, 8])
    #expect(shown.rows.map { $0.display(threshold: 5) } == ["12", "<5", "<5", "8"])
    #expect(shown.total == 25)
  }

  @Test func test_public_singleSuppressedCellHidesTheNextSmallestToo() {
    let shown = PublicSummary(summary([("doctor", 12), ("nurse", 3), ("other", 8)]))
    #expect(shown.rows.map(\.count) == [12, nil, nil])
  }

  @Test func test_public_zeroIsShownAndTinyTotalHidesEverything() {
    #expect(
      PublicSummary(summary([("doctor", 12), ("nurse", 0), ("other", 8)])).rows.map(\.count) == [12, 0, 8])
    let tiny = PublicSummary(summary([("doctor", 2), ("nurse", 1)]))
    #expect(tiny.total == nil)
    #expect(tiny.rows.allSatisfy { $0.count == nil })
  }

  @Test func test_public_jsonUsesNullForSuppressedCells() throws {
    let json = PublicSummary(summary([("doctor", 12), ("nurse", 3), ("other", 8)])).json()
    #expect(json.contains("{\"key\": \"nurse\", \"label\": \"nurse\", \"count\": null, \"percent\": null}"))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }
}
