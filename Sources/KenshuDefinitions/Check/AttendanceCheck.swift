import KenshuModel

/// Attendance records must name a programme, people on its roster, its sessions, and known
/// modules and surveys; nobody is recorded twice in one file.
struct AttendanceCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for record in project.attendance {
      let location = record.location ?? SourceLocation(file: "?")
      guard let programme = project.programme(record.programme) else {
        diagnostics.append(
          .error(Catalogue.attendanceUnknownProgramme, record.programme, at: location))
        continue
      }
      let roster = programme.roster.flatMap { project.roster($0) }
      if roster == nil {
        diagnostics.append(
          .error(Catalogue.attendanceWithoutRoster, programme.id, at: location))
      }
      let people = Set(roster?.people.map(\.id) ?? [])
      let sessions = Set(programme.courses.flatMap(\.sessions).map(\.id))
      var seen: [String: SourceLocation] = [:]
      for attendee in record.attendees {
        let at = attendee.location ?? location
        let label = "<attendee> \"\(attendee.person)\""
        if let first = seen[attendee.person] {
          diagnostics.append(
            .error(Catalogue.duplicateAttendee, (label, "\(first)"), at: at))
        } else {
          seen[attendee.person] = at
        }
        if roster != nil, !people.contains(attendee.person) {
          diagnostics.append(
            .error(Catalogue.attendeeNotOnRoster, (label, programme.roster ?? "", programme.id), at: at))
        }
        for id in attendee.sessions where !sessions.contains(id) {
          diagnostics.append(
            .error(Catalogue.attendeeUnknownSession, (label, id, programme.id), at: at))
        }
        for id in attendee.passed where project.module(id) == nil {
          diagnostics.append(
            .error(Catalogue.attendeeUnknownModule, (label, id), at: at))
        }
        for id in attendee.submitted where project.survey(id) == nil {
          diagnostics.append(
            .error(Catalogue.attendeeUnknownSurvey, (label, id), at: at))
        }
      }
    }
    return diagnostics
  }
}
