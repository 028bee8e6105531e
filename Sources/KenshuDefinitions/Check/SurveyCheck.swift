import KenshuModel

/// Survey items must be answerable and analysable.
struct SurveyCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for survey in project.surveys {
      let surveyLocation = survey.location ?? SourceLocation(file: "?")
      for scale in survey.scales {
        if scale.points < 2 {
          diagnostics.append(
            .error(Catalogue.tooFewPoints, scale.id, at: scale.location ?? surveyLocation))
        }
        // Two points with one label cannot be told apart by whoever answers, nor in the report.
        var seen: Set<String> = []
        for label in scale.labels where !seen.insert(label).inserted {
          diagnostics.append(
            .error(Catalogue.duplicatePoint, (scale.id, label), at: scale.location ?? surveyLocation))
        }
      }
      let isTest = [.preTest, .postTest].contains(survey.kind)
      for item in survey.items {
        let location = item.location ?? surveyLocation
        let label = "<item> \"\(item.id)\""
        switch item.type {
        case .single, .multiple:
          // A knowledge test scores its choice questions by the marked key: without one, the
          // question silently drops out of the pre/post comparison.
          if isTest, !item.options.isEmpty, !item.options.contains(where: \.correct) {
            diagnostics.append(
              .error(Catalogue.noCorrectOption, (label, survey.kind.rawValue, survey.id), at: location))
          }
          if item.options.count < 2 {
            diagnostics.append(
              .error(Catalogue.tooFewOptions, (label, item.type.rawValue), at: location))
          }
        case .likert:
          if item.scale == nil {
            diagnostics.append(
              .error(Catalogue.missingScale, label, at: location))
          }
        case .numeric:
          if let low = item.minimum, let high = item.maximum, low > high {
            diagnostics.append(
              .error(Catalogue.invalidRange, (label, "\(low)", "\(high)"), at: location))
          }
        case .text, .profession:
          break
        }
        if item.type != .likert && (item.reverse || item.retrospective || item.scale != nil) {
          diagnostics.append(
            .warning(Catalogue.likertOnlyAttributes, label, at: location))
        }
        if !item.options.isEmpty && ![.single, .multiple].contains(item.type) {
          diagnostics.append(
            .warning(Catalogue.choiceOnlyOptions, label, at: location))
        }
      }
      for measure in survey.measures {
        let members = survey.items.filter { $0.measure == measure.id }
        if members.count < 2 {
          diagnostics.append(
            .warning(
              Catalogue.smallMeasure, (measure.id, members.count), at: measure.location ?? surveyLocation))
        }
      }
      if [.preTest, .postTest].contains(survey.kind), survey.pairedWith == nil {
        diagnostics.append(
          .warning(Catalogue.unpairedTest, (survey.id, survey.kind.rawValue), at: surveyLocation))
      }
    }
    return diagnostics
  }
}
