import KenshuModel

/// A group-work session must be possible to run: its groups satisfiable in principle and its
/// phases adding up to the session's length.
struct GroupWorkCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for programme in project.programmes {
      let trainees = programme.roster.flatMap { project.roster($0) }?.people(withRole: .trainee) ?? []
      for session in programme.courses.lazy.flatMap(\.sessions) {
        let label = "<session> \"\(session.id)\""
        let location = session.location ?? SourceLocation(file: "?")
        guard let spec = session.groupWork else {
          if session.kind == .groupwork {
            diagnostics.append(
              .warning(Catalogue.groupworkWithoutGroups, label, at: location))
          }
          continue
        }
        let specLocation = spec.location ?? location
        let largest = spec.maxSize ?? spec.size
        if let maxSize = spec.maxSize, maxSize < spec.size {
          diagnostics.append(
            .error(Catalogue.invalidGroupSize, (label, maxSize, spec.size), at: specLocation))
        }
        if let minimum = spec.minProfessions {
          if minimum > largest {
            diagnostics.append(
              .error(Catalogue.groupsTooSmall, (label, largest, minimum), at: specLocation))
          } else if minimum > Profession.allCases.count {
            diagnostics.append(
              .error(Catalogue.tooFewProfessionsExist, (label, Profession.allCases.count), at: specLocation))
          } else if !trainees.isEmpty {
            let distinct = Set(trainees.map(\.profession)).count
            if distinct < minimum {
              diagnostics.append(
                .warning(Catalogue.rosterHasFewProfessions, (label, distinct, minimum), at: specLocation))
            }
          }
        }
        if !spec.phases.isEmpty, let duration = session.durationMinutes {
          let total = spec.phases.reduce(0) { $0 + $1.minutes }
          if total != duration {
            diagnostics.append(
              .error(
                Catalogue.phaseMinutes, (label, total, duration), at: spec.phases.first?.location ?? location)
            )
          }
        }
      }
    }
    return diagnostics
  }
}
