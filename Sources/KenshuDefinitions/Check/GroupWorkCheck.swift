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
              .warning(
                "groupwork-without-groups", at: location,
                "\(label) is group work but says nothing about groups",
                hint: "add <groups size=\"6\" min-professions=\"4\"/> so kenshu groups can plan the tables"))
          }
          continue
        }
        let specLocation = spec.location ?? location
        let largest = spec.maxSize ?? spec.size
        if let maxSize = spec.maxSize, maxSize < spec.size {
          diagnostics.append(
            .error(
              "invalid-group-size", at: specLocation,
              "\(label): max-size \(maxSize) is smaller than size \(spec.size)"))
        }
        if let minimum = spec.minProfessions {
          if minimum > largest {
            diagnostics.append(
              .error(
                "unsatisfiable-groups", at: specLocation,
                "\(label): groups of \(largest) cannot hold \(minimum) different professions",
                hint: "lower min-professions to \(largest) or raise the group size"))
          } else if minimum > Profession.allCases.count {
            diagnostics.append(
              .error(
                "unsatisfiable-groups", at: specLocation,
                "\(label): there are only \(Profession.allCases.count) professions"))
          } else if !trainees.isEmpty {
            let distinct = Set(trainees.map(\.profession)).count
            if distinct < minimum {
              diagnostics.append(
                .warning(
                  "unsatisfiable-groups", at: specLocation,
                  "\(label): the roster has only \(distinct) profession\(distinct == 1 ? "" : "s"), fewer than min-professions \(minimum)"
                ))
            }
          }
        }
        if !spec.phases.isEmpty, let duration = session.durationMinutes {
          let total = spec.phases.reduce(0) { $0 + $1.minutes }
          if total != duration {
            diagnostics.append(
              .error(
                "phase-minutes", at: spec.phases.first?.location ?? location,
                "\(label): phases add up to \(total) minutes but the session lasts \(duration)",
                hint: total < duration
                  ? "add \(duration - total) minutes to a phase"
                  : "remove \(total - duration) minutes from the phases"))
          }
        }
      }
    }
    return diagnostics
  }
}
