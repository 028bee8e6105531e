import KenshuModel

/// The course a check-in is for, under the day rule: a check-in is taken only on the
/// course's own date (Japan time), so that a participant holding their slip's code cannot
/// check themselves in from home for a day they never attended (attendance records are
/// audit evidence, issue 15).
public enum CheckInCourseChoice: Sendable, Hashable {
  /// The course, which runs on the day.
  case onTheDay(Course)
  /// The course runs on another day, or has no date: nothing may be recorded for it today.
  case notOnTheDay(Course)
  /// No such course; or none named, none on the day and more than one.
  case unknown
}

extension CheckInDesk {
  /// The course checked in for on `day` (ISO): the one named, else the course dated `day`,
  /// else the programme's only course — refused (`notOnTheDay`) unless it runs on `day`.
  public func course(named id: String?, on day: String) -> CheckInCourseChoice {
    guard let course = course(named: id, today: day) else { return .unknown }
    return course.date == day ? .onTheDay(course) : .notOnTheDay(course)
  }
}
