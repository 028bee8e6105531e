import KenshuModel
import Testing

@testable import KenshuRosters

/// `roster summary --by municipality` and `--by region` (issue 16).
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

@Suite struct RegionKeyTests {
  @Test func test_region_groupsPrefecturesIntoTheEightRegions() {
    #expect(Region.of(prefecture: "北海道") == .hokkaido)
    #expect(Region.of(prefecture: "新潟県") == .chubu)
    #expect(Region.of(prefecture: "静岡") == .chubu)
    #expect(Region.of(prefecture: "三重県") == .kinki)
    #expect(Region.of(prefecture: "Okinawa") == .kyushuOkinawa)
    #expect(Region.of(prefecture: "どこか") == nil)
    // Every prefecture has a region, and the regions cover 1, 6, 7, 9, 7, 5, 4 and 8 of them.
    let counts = Region.allCases.map { region in
      Prefecture.all.filter { Region.of(prefecture: $0) == region }.count
    }
    #expect(counts == [1, 6, 7, 9, 7, 5, 4, 8])
    let people = [
      Person(id: "a", name: "a", profession: .nurse, prefecture: "沖縄県"),
      Person(id: "b", name: "b", profession: .nurse, prefecture: "東京都"),
      Person(id: "c", name: "c", profession: .nurse, prefecture: "神奈川県"),
      Person(id: "d", name: "d", profession: .nurse),
    ]
    let summary = RosterSummary(people: people, by: .region)
    #expect(summary.rows.map(\.label) == ["関東", "九州・沖縄", "不明"])
    #expect(summary.rows.map(\.count) == [2, 1, 1])
    #expect(SummaryKey.parseList("地方") == [.region])
  }
}
