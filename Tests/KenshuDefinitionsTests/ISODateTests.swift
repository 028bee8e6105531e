import Testing

@testable import KenshuDefinitions

/// Dates in definitions (`date="2026-10-17"`): YYYY-MM-DD that exist in the calendar.
@Suite struct ISODateTests {
  @Test(arguments: ["2026-10-17", "2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01"])
  func test_calendarDates_areValid(text: String) {
    #expect(isValidISODate(text))
  }

  @Test(arguments: [
    "", "2026-10", "2026-10-17-1", "2026/10/17", "26-10-17", "2026-1-17", "2026-10-7", "2026-13-01",
    "2026-00-10", "2026-10-00", "2026-04-31", "2026-02-29", "1900-02-29", "２０２６-10-17", "2026-1a-17",
    "2026--10-17", " 2026-10-17",
  ])
  func test_otherText_isNotADate(text: String) {
    #expect(!isValidISODate(text))
  }
}
