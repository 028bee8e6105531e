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
          .warning(Catalogue.emptyModule, module.id, at: moduleLocation))
      }
      for scenario in module.scenarios {
        let location = scenario.location ?? moduleLocation
        let label = "<scenario> \"\(scenario.id)\""
        if scenario.choices.count < 2 {
          diagnostics.append(
            .error(Catalogue.scenarioTooFewChoices, (label, scenario.choices.count), at: location))
        }
        if !scenario.choices.isEmpty, !scenario.choices.contains(where: \.correct) {
          diagnostics.append(
            .error(Catalogue.noRecommendedChoice, label, at: location))
        }
        for choice in scenario.choices where choice.feedback == nil {
          diagnostics.append(
            .warning(Catalogue.missingFeedback, (label, choice.id), at: choice.location ?? location))
        }
      }
      guard let quiz = module.quiz else { continue }
      for question in quiz.questions {
        let location = question.location ?? moduleLocation
        let label = "<question> \"\(question.id)\""
        let correct = question.choices.filter(\.correct).count
        if question.kind != .trueFalse && question.choices.count < 2 {
          diagnostics.append(
            .error(Catalogue.questionTooFewChoices, label, at: location))
        }
        if correct == 0 && question.kind != .trueFalse {
          diagnostics.append(
            .error(Catalogue.noCorrectChoice, label, at: location))
        }
        if correct > 1 && question.kind == .single {
          diagnostics.append(
            .error(Catalogue.severalCorrectChoices, (label, correct), at: location))
        }
        if question.kind == .trueFalse && question.choices.count > 2 {
          diagnostics.append(
            .error(Catalogue.tooManyChoices, label, at: location))
        }
      }
    }
    return diagnostics
  }
}
