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
            .error(
              "too-few-points", at: scale.location ?? surveyLocation,
              "<scale> \"\(scale.id)\" needs at least two points"))
        }
        // Two points with one label cannot be told apart by whoever answers, nor in the report.
        var seen: Set<String> = []
        for label in scale.labels where !seen.insert(label).inserted {
          diagnostics.append(
            .error(
              "duplicate-point", at: scale.location ?? surveyLocation,
              "<scale> \"\(scale.id)\" lists the point \"\(label)\" twice",
              hint: "each point needs its own label, from the lowest to the highest"))
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
              .error(
                "no-correct-option", at: location,
                "\(label) in \(survey.kind.rawValue) \"\(survey.id)\" marks no option as correct",
                hint:
                  "add correct=\"true\" to the right answer; ask background questions as type=\"profession\" or \"text\", or in an evaluation survey"
              ))
          }
          if item.options.count < 2 {
            diagnostics.append(
              .error(
                "too-few-options", at: location,
                "\(label) is a \(item.type.rawValue)-choice item with fewer than two options",
                hint: "add <option>…</option> elements"))
          }
        case .likert:
          if item.scale == nil {
            diagnostics.append(
              .error(
                "missing-scale", at: location, "\(label) is a Likert item without a scale",
                hint: "add scale=\"agree5\" or the id of a <scale> in this survey"))
          }
        case .numeric:
          if let low = item.minimum, let high = item.maximum, low > high {
            diagnostics.append(
              .error("invalid-range", at: location, "\(label): min \(low) is larger than max \(high)"))
          }
        case .text, .profession:
          break
        }
        if item.type != .likert && (item.reverse || item.retrospective || item.scale != nil) {
          diagnostics.append(
            .warning(
              "ignored-attribute", at: location,
              "\(label): scale, reverse and retrospective apply to Likert items only"))
        }
        if !item.options.isEmpty && ![.single, .multiple].contains(item.type) {
          diagnostics.append(
            .warning(
              "ignored-attribute", at: location, "\(label): options apply to single and multiple items only"))
        }
      }
      for measure in survey.measures {
        let members = survey.items.filter { $0.measure == measure.id }
        if members.count < 2 {
          diagnostics.append(
            .warning(
              "small-measure", at: measure.location ?? surveyLocation,
              "<measure> \"\(measure.id)\" has \(members.count) item\(members.count == 1 ? "" : "s"); reliability needs at least two"
            ))
        }
      }
      if [.preTest, .postTest].contains(survey.kind), survey.pairedWith == nil {
        diagnostics.append(
          .warning(
            "unpaired-test", at: surveyLocation,
            "<survey> \"\(survey.id)\" is a \(survey.kind.rawValue) without paired-with",
            hint: "name the matching test so answers can be compared"))
      }
    }
    return diagnostics
  }
}
