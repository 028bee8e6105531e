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
          .error(
            "unknown-programme", at: location,
            "<attendance> is for programme \"\(record.programme)\", which is not defined",
            hint: "use the id of a <programme> in curricula/"))
        continue
      }
      let roster = programme.roster.flatMap { project.roster($0) }
      if roster == nil {
        diagnostics.append(
          .error(
            "unknown-roster", at: location,
            "<attendance> for \"\(programme.id)\": the programme has no roster to match people against",
            hint: "add roster=\"…\" to the <programme> and the roster under rosters/"))
      }
      let people = Set(roster?.people.map(\.id) ?? [])
      let sessions = Set(programme.courses.flatMap(\.sessions).map(\.id))
      var seen: [String: SourceLocation] = [:]
      for attendee in record.attendees {
        let at = attendee.location ?? location
        let label = "<attendee> \"\(attendee.person)\""
        if let first = seen[attendee.person] {
          diagnostics.append(
            .error(
              "duplicate-attendee", at: at, "\(label) is recorded twice", hint: "first recorded at \(first)"))
        } else {
          seen[attendee.person] = at
        }
        if roster != nil, !people.contains(attendee.person) {
          diagnostics.append(
            .error(
              "unknown-person", at: at,
              "\(label) is not on roster \"\(programme.roster ?? "")\" of programme \"\(programme.id)\"",
              hint: "fix the id or add the person to the roster"))
        }
        for id in attendee.sessions where !sessions.contains(id) {
          diagnostics.append(
            .error(
              "unknown-session", at: at,
              "\(label): session \"\(id)\" is not in programme \"\(programme.id)\"",
              hint: "use the id of a <session> of the programme"))
        }
        for id in attendee.passed where project.module(id) == nil {
          diagnostics.append(
            .error("unknown-module", at: at, "\(label): module \"\(id)\" is not defined"))
        }
        for id in attendee.submitted where project.survey(id) == nil {
          diagnostics.append(
            .error("unknown-survey", at: at, "\(label): survey \"\(id)\" is not defined"))
        }
      }
    }
    return diagnostics
  }
}
