import KenshuModel
import Testing

/// Session durations as trainers write them: ISO 8601, whole minutes, at most a day.
@Suite struct ISODurationTests {
  @Test(arguments: [
    ("PT90M", 90), ("PT1H30M", 90), ("PT1H", 60), ("pt45m", 45), ("Pt2h5M", 125), ("PT0030M", 30),
    ("PT24H", 1440),
  ])
  func test_duration_isReadInMinutes(text: String, minutes: Int) {
    #expect(parseISODurationMinutes(text) == minutes)
  }

  @Test(arguments: [
    "", "P", "PT", "PT0M", "PT45S", "PT30", "PTM", "PT1M1H", "PT1H1H", "P1D", "PT25H", " PT30M", "PT30M ",
    "PT３０M", "PT30Ｍ", "PT-5M", "PT+5M", "PT1.5H", "PT99999999999999999999M", "PT9999999999999999H",
    // Overflowed (and trapped) before the byte-level parser.
    "PT999999999999999999H",
  ])
  func test_otherText_isNotADuration(text: String) {
    #expect(parseISODurationMinutes(text) == nil)
  }
}
