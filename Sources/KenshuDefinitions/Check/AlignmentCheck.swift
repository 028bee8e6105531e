import KenshuModel

/// Constructive alignment: each programme- or module-level objective should be practised by an
/// activity and evaluated by a quiz question or survey item. Warnings, not errors: a programme
/// in draft is allowed to be incomplete.
struct AlignmentCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var practised: Set<String> = []
    var evaluated: Set<String> = []
    for session in project.programmes.lazy.flatMap({ $0.courses.lazy.flatMap(\.sessions) }) {
      practised.formUnion(session.practises)
    }
    for module in project.modules {
      practised.formUnion(module.lessons.flatMap(\.practises))
      practised.formUnion(module.scenarios.flatMap(\.practises))
      evaluated.formUnion(module.quiz?.questions.flatMap(\.assesses) ?? [])
    }
    for survey in project.surveys { evaluated.formUnion(survey.items.flatMap(\.evaluates)) }

    var diagnostics: [Diagnostic] = []
    let objectives =
      project.programmes.flatMap(\.allObjectives) + project.modules.flatMap(\.objectives)
    for objective in objectives {
      let location = objective.location ?? SourceLocation(file: "?")
      let preview = objective.text.count > 24 ? String(objective.text.prefix(24)) + "…" : objective.text
      guard let id = objective.id else {
        diagnostics.append(
          .warning(Catalogue.objectiveWithoutID, preview, at: location))
        continue
      }
      if !practised.contains(id) {
        diagnostics.append(
          .warning(Catalogue.objectiveNotPractised, id, at: location))
      }
      if !evaluated.contains(id) {
        diagnostics.append(
          .warning(Catalogue.objectiveNotEvaluated, id, at: location))
      }
    }
    return diagnostics
  }
}
