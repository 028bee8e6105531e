import Testing

@testable import KenshuEvaluation

/// The submission-time formats the survey tools write, in Japanese and English locales.
@Suite struct SubmissionTimeTests {
  func time(_ text: String, _ order: SubmissionTime.DateOrder = .monthFirst) -> SubmissionTime? {
    SubmissionTime(text, order: order)
  }

  func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> SubmissionTime {
    SubmissionTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
  }

  @Test(arguments: [
    // LimeSurvey and ISO, spreadsheet date cells as the xlsx/ods readers write them.
    ("2026-11-20 14:03:12", 14, 3, 12), ("2026-11-20T14:03:12.123+09:00", 14, 3, 12),
    ("2026-11-20T05:03:12Z", 14, 3, 12), ("2026-11-20 14:03", 14, 3, 0),
    // Japanese Google and Microsoft Forms.
    ("2026/11/20 14:03:12", 14, 3, 12), ("2026/11/20 2:03:12 午後 GMT+9", 14, 3, 12),
    ("2026/11/20 0:03:12 午前 GMT+9", 0, 3, 12), ("2026/11/20 12:03:12 午前 GMT+9", 0, 3, 12),
    ("2026/11/20 12:03:12 午後 GMT+9", 12, 3, 12), ("2026/11/20 0:03:12 午後", 12, 3, 12),
    ("2026年11月20日 14時03分", 14, 3, 0),
    ("２０２６/１１/２０ １４:０３", 14, 3, 0),
    // English Forms (US order), Google's English CSV download.
    ("11/20/2026 2:03:12 PM", 14, 3, 12), ("11/20/26 14:03", 14, 3, 0),
    ("2026/11/20 2:03:12 PM GMT+9", 14, 3, 12),
  ])
  func readsEveryToolsFormat(text: String, hour: Int, minute: Int, second: Int) throws {
    let read = try #require(time(text), "\(text)")
    #expect(read == at(2026, 11, 20, hour, minute, second), "\(text)")
  }

  /// Regression: the zone was dropped, so a UTC export's evening answers fell on the day before
  /// in Japan. A time with a zone is moved to Japanese time; GMT+9 and no zone stay as written.
  @Test func explicitZonesAreMovedToJapaneseTime() {
    #expect(time("2026-11-19T20:00:00Z") == at(2026, 11, 20, 5, 0))
    #expect(time("2026-11-19T20:00:00.250Z") == at(2026, 11, 20, 5, 0))
    #expect(time("2026-12-31T15:30:00+00:00") == at(2027, 1, 1, 0, 30))
    #expect(time("2026-03-01 08:00 -05:00") == at(2026, 3, 1, 22, 0))
    #expect(time("2026/03/01 1:00 AM UTC") == at(2026, 3, 1, 10, 0))
    #expect(time("11/20/2026 2:03 p.m. GMT-5") == at(2026, 11, 21, 4, 3))
    #expect(time("2026/11/20 2:03:12 午後 GMT+9") == at(2026, 11, 20, 14, 3, 12))
    #expect(time("2026-03-01T00:10:00+0900") == at(2026, 3, 1, 0, 10))
    #expect(time("2028-03-01T00:30:00+10:00") == at(2028, 2, 29, 23, 30))
    #expect(time("2026-11-20") == at(2026, 11, 20))
  }

  @Test func dateOnlyIsMidnight() {
    #expect(time("2026/11/20") == at(2026, 11, 20))
    #expect(time("2026-11-20")?.isoDate == "2026-11-20")
  }

  @Test func dayFirstColumnsAreRecognisedFromTheWholeColumn() {
    let column = ["03/11/2026 09:00", "20/11/2026 14:03", "01/12/2026 10:00"]
    #expect(SubmissionTime.DateOrder.of(column) == .dayFirst)
    #expect(time("03/11/2026 09:00", .dayFirst) == at(2026, 11, 3, 9))
    #expect(time("20.11.2026 14:03", .dayFirst) == at(2026, 11, 20, 14, 3))
    let us = ["11/03/2026 09:00", "11/20/2026 14:03"]
    #expect(SubmissionTime.DateOrder.of(us) == .monthFirst)
    #expect(SubmissionTime.DateOrder.of(["2026/11/20 14:03"]) == .monthFirst)
  }

  @Test(arguments: [
    "", "未回答", "2026/11/20 頃", "2026/13/01", "2026/02/30 10:00", "2026/11/20 25:00", "13:00 PM 2026/11/20",
    "2026/11/20 13:00 PM", "20261120", "11/20", "1/2/3/4/5/6/7/8 junk",
  ])
  func refusesWhatIsNotADate(text: String) {
    #expect(time(text) == nil, "\(text)")
  }

  @Test func leapDaysFollowTheGregorianRule() {
    #expect(time("2028/02/29") != nil)
    #expect(time("2027/02/29") == nil)
    #expect(time("2100/02/29") == nil)
    #expect(time("2000/02/29") != nil)
  }

  @Test func ordersByDateThenTime() {
    #expect(at(2026, 11, 20, 23, 59) < at(2026, 11, 21, 0, 0))
    #expect(!(at(2026, 11, 20, 10) < at(2026, 11, 20, 10)))
  }
}
