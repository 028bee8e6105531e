import KenshuModel

/// A day's sessions must not overlap and must fit between the course's start and end.
struct TimetableCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for course in project.programmes.lazy.flatMap(\.courses) {
      let courseLocation = course.location ?? SourceLocation(file: "?")
      if let start = course.start, let end = course.end, end <= start {
        diagnostics.append(
          .error(
            "invalid-day", at: courseLocation,
            "<course> \"\(course.id)\" ends at \(end) but starts at \(start)"))
      }
      var previous: TimetableSlot?
      for slot in course.timetable {
        let session = slot.session
        let location = session.location ?? courseLocation
        let label = "<session> \"\(session.id)\""
        if let start = slot.start {
          if let courseStart = course.start, start < courseStart {
            diagnostics.append(
              .error(
                "session-before-start", at: location,
                "\(label) starts at \(start), before the day starts at \(courseStart)"))
          }
          if let previous, let previousEnd = previous.end, start < previousEnd {
            diagnostics.append(
              .error(
                "session-overlap", at: location,
                "\(label) starts at \(start), before \"\(previous.session.id)\" ends at \(previousEnd)",
                hint: "move its start to \(previousEnd) or shorten \"\(previous.session.id)\""))
          }
        }
        if let end = slot.end {
          if let courseEnd = course.end, end > courseEnd {
            diagnostics.append(
              .error(
                "session-past-end", at: location,
                "\(label) ends at \(end), after the day ends at \(courseEnd)",
                hint: "shorten the sessions or move the day's end"))
          }
          if end.minutes > 24 * 60 {
            diagnostics.append(.error("session-past-midnight", at: location, "\(label) runs past midnight"))
          }
        }
        previous = slot
      }
      if let first = course.sessions.first, course.start == nil, first.start == nil,
        course.mode != "on-demand"
      {
        diagnostics.append(
          .warning(
            "no-start-time", at: courseLocation,
            "<course> \"\(course.id)\" has no start time, so its timetable shows no clock times",
            hint: "add start=\"HH:MM\" to the course"))
      }
    }
    return diagnostics
  }
}
