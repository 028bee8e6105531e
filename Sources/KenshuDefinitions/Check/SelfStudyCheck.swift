import KenshuModel

/// Scenario and quiz questions must be answerable: enough choices and the right number of
/// correct ones.
struct SelfStudyCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for module in project.modules {
      let moduleLocation = module.location ?? SourceLocation(file: "?")
      if module.lessons.isEmpty, module.scenarios.isEmpty, module.quiz == nil {
        diagnostics.append(
          .warning("empty-module", at: moduleLocation, "<module> \"\(module.id)\" has no lessons, scenarios or quiz"))
      }
      for scenario in module.scenarios {
        let location = scenario.location ?? moduleLocation
        let label = "<scenario> \"\(scenario.id)\""
        if scenario.choices.count < 2 {
          diagnostics.append(
            .error(
              "too-few-choices", at: location, "\(label) has \(scenario.choices.count) choice\(scenario.choices.count == 1 ? "" : "s")",
              hint: "a scenario needs at least two choices to decide between"))
        }
        if !scenario.choices.isEmpty, !scenario.choices.contains(where: \.correct) {
          diagnostics.append(
            .error(
              "no-correct-choice", at: location, "\(label) marks no choice as the recommended response",
              hint: "add correct=\"true\" to the best choice"))
        }
        for choice in scenario.choices where choice.feedback == nil {
          diagnostics.append(
            .warning(
              "missing-feedback", at: choice.location ?? location,
              "\(label): choice \"\(choice.id)\" has no feedback explaining why",
              hint: "add <feedback>…</feedback> inside the choice"))
        }
      }
      guard let quiz = module.quiz else { continue }
      for question in quiz.questions {
        let location = question.location ?? moduleLocation
        let label = "<question> \"\(question.id)\""
        let correct = question.choices.filter(\.correct).count
        if question.kind != .trueFalse && question.choices.count < 2 {
          diagnostics.append(
            .error("too-few-choices", at: location, "\(label) needs at least two choices"))
        }
        if correct == 0 && question.kind != .trueFalse {
          diagnostics.append(
            .error(
              "no-correct-choice", at: location, "\(label) has no correct choice",
              hint: "add correct=\"true\" to the right answer"))
        }
        if correct > 1 && question.kind == .single {
          diagnostics.append(
            .error(
              "several-correct-choices", at: location, "\(label) is single-choice but marks \(correct) choices correct",
              hint: "use kind=\"multiple\" or mark one choice"))
        }
        if question.kind == .trueFalse && question.choices.count > 2 {
          diagnostics.append(.error("too-many-choices", at: location, "\(label) is true-false but has more than two choices"))
        }
      }
    }
    return diagnostics
  }
}
