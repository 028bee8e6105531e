import Testing

@testable import KenshuModel

/// The one Japanese-era date (it had a 令和-only copy for module pages, which wrote dates
/// before 2019-05-01 in Western form only).
@Suite struct JapaneseDateTests {
  @Test func reiwa_startsOn1May2019_withGannen() {
    #expect(JapaneseDate.era("2019-05-01") == "令和元年5月1日")
    #expect(JapaneseDate.era("2019-12-31") == "令和元年12月31日")
    #expect(JapaneseDate.era("2020-01-01") == "令和2年1月1日")
    #expect(JapaneseDate.longForm("2026-06-01") == "令和8年6月1日（2026年6月1日）")
  }

  @Test func heisei_runsFrom8January1989To30April2019_withGannen() {
    #expect(JapaneseDate.era("2019-04-30") == "平成31年4月30日")
    #expect(JapaneseDate.longForm("2019-04-30") == "平成31年4月30日（2019年4月30日）")
    #expect(JapaneseDate.era("1989-01-08") == "平成元年1月8日")
    #expect(JapaneseDate.era("1990-01-01") == "平成2年1月1日")
    #expect(JapaneseDate.era("2018-06-01") == "平成30年6月1日")
  }

  @Test func beforeHeisei_isWesternOnly() {
    #expect(JapaneseDate.era("1989-01-07") == "1989年1月7日")
    #expect(JapaneseDate.longForm("1989-01-07") == "1989年1月7日")
  }

  @Test func onlyRealDates_areRead() {
    #expect(JapaneseDate.isValid("2028-02-29") && !JapaneseDate.isValid("2026-02-29"))
    #expect(JapaneseDate.era("2026/10/17") == "令和8年10月17日")
    for bad in ["", "2026-13-01", "2026-06", "20260601", "abcd-01-01", "2026-06-00", "2026-02-30"] {
      #expect(!JapaneseDate.isValid(bad), "\(bad)")
      #expect(JapaneseDate.longForm(bad) == bad, "\(bad)")
    }
  }
}
