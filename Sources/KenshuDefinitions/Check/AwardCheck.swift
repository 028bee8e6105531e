import KenshuModel

/// Completion rules must be satisfiable and name what exists: sessions in the award's scope,
/// modules, surveys; numbering patterns of one programme must not produce the same numbers.
struct AwardCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for programme in project.programmes {
      var ids: [String: SourceLocation] = [:]
      var patterns: [String: String] = [:]
      for award in programme.allAwards {
        let location = award.location ?? programme.location ?? SourceLocation(file: "?")
        let label = "<award> \"\(award.id)\""
        if let first = ids[award.id] {
          diagnostics.append(
            .error(
              "duplicate-id", at: location, "award id \"\(award.id)\" is used twice",
              hint: "first defined at \(first)"))
        } else {
          ids[award.id] = location
        }
        let pattern = award.numbering.prefix + "\u{0}" + award.numbering.suffix
        if !award.numbering.prefix.isEmpty || !award.numbering.suffix.isEmpty {
          if let other = patterns[pattern] {
            diagnostics.append(
              .error(
                "duplicate-numbering", at: location,
                "\(label) numbers its certificates like <award> \"\(other)\" (\(award.numbering))",
                hint: "give each award its own prefix, e.g. R8-修了-{n:03} and R8-受講-{n:03}"))
          } else {
            patterns[pattern] = award.id
          }
        }
        if award.requirements.isEmpty {
          diagnostics.append(
            .warning(
              "award-without-rule", at: location,
              "\(label) has no requirement, so everyone on the roster would receive it",
              hint: "add <attend/> (every learning session) or another requirement"))
        }
        diagnostics += check(award, of: programme, label: label, location: location)
      }
    }
    return diagnostics
  }

  private func check(_ award: Award, of programme: Programme, label: String, location: SourceLocation)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    let scope = programme.sessions(inScopeOf: award)
    let scopeName = award.course.map { "course \"\($0)\"" } ?? "programme \"\(programme.id)\""
    for requirement in award.requirements {
      let at = requirement.location ?? location
      switch requirement {
      case .attend(let kinds, let sessions, let minutes, _):
        let known = Set(scope.map(\.id))
        for id in sessions where !known.contains(id) {
          diagnostics.append(
            .error(
              "unknown-session", at: at,
              "\(label): <attend> names session \"\(id)\", which is not in \(scopeName)",
              hint: "use the id of a <session> of \(scopeName)"))
        }
        for kind in kinds where !scope.contains(where: { $0.kind == kind }) {
          diagnostics.append(
            .error(
              "unsatisfiable-rule", at: at,
              "\(label): <attend kinds=\"…\"> asks for \(kind.rawValue) sessions, but \(scopeName) has none",
              hint: "remove the kind or add such a session"))
        }
        let selected = Eligibility.selectedSessions(kinds: kinds, sessions: sessions, in: scope)
        let total = selected.reduce(0) { $0 + ($1.durationMinutes ?? 0) }
        if selected.isEmpty {
          diagnostics.append(
            .error(
              "unsatisfiable-rule", at: at, "\(label): <attend> selects no session of \(scopeName)",
              hint: "name sessions with sessions=\"…\" or kinds=\"…\""))
        } else if let minutes, minutes > total {
          diagnostics.append(
            .error(
              "unsatisfiable-rule", at: at,
              "\(label): <attend minutes=\"\(minutes)\"> asks for more than the \(total) minutes its sessions last",
              hint: "lower minutes to at most \(total)"))
        }
      case .pass(let module, _):
        if project.module(module) == nil {
          diagnostics.append(
            .error(
              "unknown-module", at: at, "\(label): <pass> names module \"\(module)\", which is not defined",
              hint: "define the <module> or fix the id"))
        }
      case .submit(let survey, _):
        if project.survey(survey) == nil {
          diagnostics.append(
            .error(
              "unknown-survey", at: at, "\(label): <submit> names survey \"\(survey)\", which is not defined",
              hint: "define the <survey> or fix the id"))
        }
      case .complete(let stage, _):
        if programme.roster == nil {
          diagnostics.append(
            .error(
              "unsatisfiable-rule", at: at,
              "\(label): <complete stage=\"\(stage.rawValue)\"> needs the programme's roster, and it names none",
              hint: "add roster=\"…\" to the <programme>"))
        }
      }
    }
    return diagnostics
  }
}
