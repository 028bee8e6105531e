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
            .error(Catalogue.duplicateAward, (award.id, "\(first)"), at: location))
        } else {
          ids[award.id] = location
        }
        let pattern = award.numbering.prefix + "\u{0}" + award.numbering.suffix
        if !award.numbering.prefix.isEmpty || !award.numbering.suffix.isEmpty {
          if let other = patterns[pattern] {
            diagnostics.append(
              .error(Catalogue.duplicateNumbering, (label, other, "\(award.numbering)"), at: location))
          } else {
            patterns[pattern] = award.id
          }
        }
        if award.requirements.isEmpty {
          diagnostics.append(
            .warning(Catalogue.awardWithoutRule, label, at: location))
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
    let scopeName = award.course.map { "<course> \"\($0)\"" } ?? "<programme> \"\(programme.id)\""
    for requirement in award.requirements {
      let at = requirement.location ?? location
      switch requirement {
      case .attend(let kinds, let sessions, let minutes, _):
        let known = Set(scope.map(\.id))
        for id in sessions where !known.contains(id) {
          diagnostics.append(
            .error(Catalogue.attendUnknownSession, (label, id, scopeName), at: at))
        }
        for kind in kinds where !scope.contains(where: { $0.kind == kind }) {
          diagnostics.append(
            .error(Catalogue.attendKindMissing, (label, kind.rawValue, scopeName), at: at))
        }
        let selected = Eligibility.selectedSessions(kinds: kinds, sessions: sessions, in: scope)
        let total = selected.reduce(0) { $0 + ($1.durationMinutes ?? 0) }
        if selected.isEmpty {
          diagnostics.append(
            .error(Catalogue.attendSelectsNothing, (label, scopeName), at: at))
        } else if let minutes, minutes > total {
          diagnostics.append(
            .error(Catalogue.attendTooManyMinutes, (label, minutes, total), at: at))
        }
      case .pass(let module, _):
        if project.module(module) == nil {
          diagnostics.append(
            .error(Catalogue.passUnknownModule, (label, module), at: at))
        }
      case .submit(let survey, _):
        if project.survey(survey) == nil {
          diagnostics.append(
            .error(Catalogue.submitUnknownSurvey, (label, survey), at: at))
        }
      case .complete(let stage, _):
        if programme.roster == nil {
          diagnostics.append(
            .error(Catalogue.completeWithoutRoster, (label, stage.rawValue), at: at))
        }
      }
    }
    return diagnostics
  }
}
