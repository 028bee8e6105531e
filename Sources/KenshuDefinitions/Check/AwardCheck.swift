import KenshuModel

/// Completion rules must be satisfiable and name what exists: sessions in the award's scope,
/// modules, surveys; no two awards of the project may be able to produce the same certificate number.
struct AwardCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Every award of the project so far, for numbers two awards could share.
    var numbered: [(programme: String, award: Award)] = []
    for programme in project.programmes {
      var ids: [String: SourceLocation] = [:]
      for award in programme.allAwards {
        let location = award.location ?? programme.location ?? SourceLocation(file: "?")
        let label = "<award> \"\(award.id)\""
        if let first = ids[award.id] {
          diagnostics.append(
            .error(Catalogue.duplicateAward, (award.id, "\(first)"), at: location))
        } else {
          ids[award.id] = location
        }
        // Across programmes too: an auditor quoting "R8-001" must find one certificate.
        if let (other, number) = numbered.lazy.compactMap({ earlier in
          award.numbering.sharedNumber(with: earlier.award.numbering).map { (earlier, $0) }
        }).first {
          let otherName =
            other.programme == programme.id ? other.award.id : other.programme + "/" + other.award.id
          diagnostics.append(
            .error(
              Catalogue.duplicateNumbering, (label, otherName, "\(award.numbering)", number), at: location))
        }
        numbered.append((programme.id, award))
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
