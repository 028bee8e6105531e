import Testing

@testable import KenshuRosters

@Suite struct RosterCellsTests {
  @Test(arguments: [
    ("2022-09-01", "2022-09-01"), ("2022/9/1", "2022-09-01"), ("2022.09.01", "2022-09-01"),
    ("2022年9月1日", "2022-09-01"), ("２０２２／９／１", "2022-09-01"),
  ])
  func test_isoDate_acceptsCommonSpellings(text: String, iso: String) {
    #expect(RosterCells.isoDate(text) == iso)
  }

  @Test(arguments: ["2022-02-30", "2022-13-01", "9/1", "2022-09-01 予定", "R4.9.1"])
  func test_isoDate_rejectsNonDates(text: String) {
    #expect(RosterCells.isoDate(text) == nil)
  }

  @Test func test_splitList_separatesJapaneseAndASCIILists() {
    #expect(RosterCells.splitList("受講者・ファシリテーター") == ["受講者", "ファシリテーター"])
    #expect(RosterCells.splitList("trainee; instructor、講師") == ["trainee", "instructor", "講師"])
  }

  @Test func test_personID_foldsWidthAndRejectsOtherCharacters() {
    #expect(RosterCells.personID("Ａ－０２") == "A-02")
    #expect(RosterCells.personID("p_01") == "p_01")
    #expect(RosterCells.personID("山田") == nil)
    #expect(RosterCells.personID("p 01") == nil)
  }

  @Test func test_prefecture_canonicalNames() {
    #expect(Prefecture.canonicalName("東京") == "東京都")
    #expect(Prefecture.canonicalName("北海道") == "北海道")
    #expect(Prefecture.canonicalName("京都") == "京都府")
    #expect(Prefecture.canonicalName("Tokyo") == "東京都")
    #expect(Prefecture.canonicalName("Hyōgo-ken") == "兵庫県")
    #expect(Prefecture.canonicalName("Kyoto") == "京都府")
    #expect(Prefecture.canonicalName("Toyama") == "富山県")
    #expect(Prefecture.canonicalName("Atlantis") == nil)
    #expect(Prefecture.all.count == 47)
  }
}
