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
          .error(Catalogue.invalidDay, (course.id, "\(start)", "\(end)"), at: courseLocation))
      }
      var previous: TimetableSlot?
      for slot in course.timetable {
        let session = slot.session
        let location = session.location ?? courseLocation
        let label = "<session> \"\(session.id)\""
        if let start = slot.start {
          if let courseStart = course.start, start < courseStart {
            diagnostics.append(
              .error(Catalogue.sessionBeforeStart, (label, "\(start)", "\(courseStart)"), at: location))
          }
          if let previous, let previousEnd = previous.end, start < previousEnd {
            diagnostics.append(
              .error(
                Catalogue.sessionOverlap, (label, "\(start)", previous.session.id, "\(previousEnd)"),
                at: location))
          }
        }
        if let end = slot.end {
          if let courseEnd = course.end, end > courseEnd {
            diagnostics.append(
              .error(Catalogue.sessionPastEnd, (label, "\(end)", "\(courseEnd)"), at: location))
          }
          if end.minutes > 24 * 60 {
            diagnostics.append(.error(Catalogue.sessionPastMidnight, label, at: location))
          }
        }
        previous = slot
      }
      if let first = course.sessions.first, course.start == nil, first.start == nil,
        course.mode != "on-demand"
      {
        diagnostics.append(
          .warning(Catalogue.noStartTime, course.id, at: courseLocation))
      }
    }
    return diagnostics
  }
}
