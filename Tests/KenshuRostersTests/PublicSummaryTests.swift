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
    #expect(shown.rows.map(\.display) == ["12", "×", "×", "8"])
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
    #expect(
      json.contains(
        "{\"key\": \"nurse\", \"label\": \"nurse\", \"count\": null, \"percent\": null, \"suppressed\": true}"
      ))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }
}

@Suite struct PublicCrossTabTests {
  func people(_ spec: [(Profession, String, Int)]) -> [Person] {
    var result: [Person] = []
    for (profession, prefecture, count) in spec {
      for index in 0..<count {
        result.append(
          Person(
            id: "\(profession.rawValue)-\(prefecture)-\(index)", name: "x", profession: profession,
            prefecture: prefecture))
      }
    }
    return result
  }

  @Test func test_publicCrossTab_noHiddenCellCanBeRecoveredFromTotals() {
    let table = RosterCrossTab(
      people: people([
        (.doctor, "北海道", 12), (.doctor, "東京都", 3), (.doctor, "沖縄県", 9),
        (.nurse, "北海道", 7), (.nurse, "東京都", 8), (.nurse, "沖縄県", 6),
      ]), rows: .profession, columns: .prefecture)
    let shown = PublicCrossTab(table)
    #expect(shown.count(row: 0, column: 1) == nil, "3 doctors in Tokyo is below 5")
    for row in shown.hidden {
      #expect(row.count(where: { $0 }) != 1)
    }
    for column in table.columns.indices {
      #expect(shown.hidden.count(where: { $0[column] }) != 1)
    }
    #expect((try? JSONSerialization.jsonObject(with: Data(shown.json().utf8))) != nil)
  }

  @Test func test_publicCrossTab_largeCellsAreAllShown() {
    let table = RosterCrossTab(
      people: people([(.doctor, "北海道", 12), (.nurse, "北海道", 7)]), rows: .profession, columns: .prefecture)
    #expect(PublicCrossTab(table).hidden == [[false], [false]])
  }
}
