import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

@Suite struct CalendarTests {
  let ics = ICalendar.calendar(
    for: SampleProject.make().programmes[0], baseURL: "https://example.org/kenshu/")

  @Test func lines_endWithCRLFAndNeverExceed75Octets() {
    #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    let lines = ics.components(separatedBy: "\r\n")
    #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
  }

  @Test func folding_neverSplitsAUTF8CharacterAndUnfoldsToTheOriginal() {
    let line = "SUMMARY:" + String(repeating: "退院支援", count: 20)
    let folded = ICalendar.fold(line)
    #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
  }

  @Test func text_escapesCommasSemicolonsBackslashesAndNewlines() {
    #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
  }

  @Test func events_useTokyoTimeStableUIDsAndClockTimes() {
    #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo"))
    #expect(ics.contains("UID:renkei2026.day1.lecture1@kenshu.invalid"))
    #expect(ics.contains("DTSTART;TZID=Asia/Tokyo:20260704T134500"))
    #expect(ics.contains("DTEND;TZID=Asia/Tokyo:20260704T143000"))
    #expect(ics.contains("DTSTAMP:20260601T000000Z"))
    #expect(
      ics.unfolded.contains(
        "URL:https://example.org/kenshu/programmes/renkei2026/day1/sessions/lecture1.html"))
    #expect(
      ics
        == ICalendar.calendar(for: SampleProject.make().programmes[0], baseURL: "https://example.org/kenshu/")
    )
  }
}

extension String {
  fileprivate var unfolded: String { replacingOccurrences(of: "\r\n ", with: "") }
}
