import KenshuModel
import Testing

@testable import KenshuRosters

/// `roster summary --by municipality` (issue 16).
@Suite struct MunicipalityKeyTests {
  @Test func test_municipality_sortsByPrefecture_andKeepsSameNamedTownsApart() {
    let people = [
      Person(id: "a", name: "a", profession: .nurse, prefecture: "広島県", municipality: "府中市"),
      Person(id: "b", name: "b", profession: .nurse, prefecture: "東京都", municipality: "府中市"),
      Person(id: "c", name: "c", profession: .nurse, prefecture: "東京都", municipality: "府中市"),
      Person(id: "d", name: "d", profession: .nurse, prefecture: "北海道", municipality: "札幌市"),
      Person(id: "e", name: "e", profession: .nurse),
    ]
    let summary = RosterSummary(people: people, by: .municipality)
    // 北海道 (01) < 東京都 (13) < 広島県 (34); no municipality: 不明, last.
    #expect(summary.rows.map(\.label) == ["札幌市", "府中市", "府中市", "不明"])
    #expect(summary.rows.map(\.count) == [1, 2, 1, 1])
    #expect(SummaryKey.parseList("市区町村") == [.municipality])
    #expect(SummaryKey.parseList("profession,municipality") == [.profession, .municipality])
  }
}
