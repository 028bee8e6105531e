import KenshuModel
import Testing

/// `Course.sessionSpan` is the first slot's start and the last slot's end of `timetable`.
@Suite struct CourseSessionSpanTests {
  static func session(_ id: String, start: ClockTime? = nil, minutes: Int? = nil) -> Session {
    Session(id: id, kind: .lecture, title: id, start: start, durationMinutes: minutes)
  }

  static let courses: [Course] = [
    Course(id: "empty", title: "空", start: ClockTime(hour: 9, minute: 0)),
    Course(
      id: "clock", title: "時刻あり", start: ClockTime(hour: 9, minute: 30),
      sessions: [session("a", minutes: 10), session("b", minutes: 60), session("c")]),
    Course(
      id: "untimed", title: "時刻なし",
      sessions: [session("a", minutes: 30), session("b", start: ClockTime(hour: 13, minute: 0), minutes: 45)]),
    Course(
      id: "restart", title: "途中から", start: ClockTime(hour: 10, minute: 0),
      sessions: [session("a", minutes: 20), session("b", start: ClockTime(hour: 8, minute: 0), minutes: 15)]),
    Course(id: "none", title: "どちらもなし", sessions: [session("a"), session("b")]),
  ]

  @Test(arguments: courses) func span_isTheTimetablesFirstStartAndLastEnd(course: Course) {
    let slots = course.timetable
    let span = course.sessionSpan
    #expect((span == nil) == slots.isEmpty)
    #expect(span?.start == slots.first?.start)
    #expect(span?.end == slots.last?.end)
  }
}
