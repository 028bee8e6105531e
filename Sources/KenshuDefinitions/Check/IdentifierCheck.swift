import KenshuModel

/// Ids must be unique where they are used to find things: pages, references, answers.
struct IdentifierCheck {
  let project: Project

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func unique(_ kind: String, _ entries: [(id: String, location: SourceLocation?)]) {
      // Nothing repeats in fewer than two entries: most calls (a session's cases) have one or none.
      guard entries.count > 1 else { return }
      var first: [String: SourceLocation?] = [:]
      for entry in entries where !entry.id.isEmpty {
        if let earlier = first[entry.id] {
          diagnostics.append(
            .error(
              Catalogue.duplicateID, (kind, entry.id, earlier.map(\.description)),
              at: entry.location ?? SourceLocation(file: "?")))
        } else {
          first[entry.id] = entry.location
        }
      }
    }
    unique("programme", project.programmes.map { ($0.id, $0.location) })
    unique("module", project.modules.map { ($0.id, $0.location) })
    unique("survey", project.surveys.map { ($0.id, $0.location) })
    unique("roster", project.rosters.map { ($0.id, $0.location) })
    unique("glossary term", project.glossary.map { ($0.id, $0.location) })
    for programme in project.programmes {
      unique("course", programme.courses.map { ($0.id, $0.location) })
      unique("session", Array(programme.courses.lazy.flatMap(\.sessions).map { ($0.id, $0.location) }))
      let objectives =
        programme.allObjectives + programme.courses.lazy.flatMap(\.sessions).flatMap(\.objectives)
      unique("objective", objectives.compactMap { o in o.id.map { ($0, o.location) } })
      // Case ids name cases across the programme (answer keys, group plans), not only within
      // one session.
      unique(
        "case",
        programme.courses.flatMap(\.sessions).flatMap { $0.groupWork?.cases ?? [] }.compactMap { c in
          c.id.map { ($0, c.location) }
        })
    }
    for module in project.modules {
      unique("objective", module.objectives.compactMap { o in o.id.map { ($0, o.location) } })
      unique(
        "lesson or scenario",
        module.lessons.map { ($0.id, $0.location) } + module.scenarios.map { ($0.id, $0.location) })
      unique("question", (module.quiz?.questions ?? []).map { ($0.id, $0.location) })
      for scenario in module.scenarios { unique("choice", scenario.choices.map { ($0.id, $0.location) }) }
      for question in module.quiz?.questions ?? [] {
        unique("choice", question.choices.map { ($0.id, $0.location ?? question.location) })
      }
    }
    for survey in project.surveys {
      unique("item", survey.items.map { ($0.id, $0.location) })
      unique("scale", survey.scales.map { ($0.id, $0.location) })
      unique("measure", survey.measures.map { ($0.id, $0.location) })
      for item in survey.items {
        var seen: Set<String> = []
        for option in item.options where !seen.insert(option.label).inserted {
          diagnostics.append(
            .error(
              Catalogue.duplicateOption, (item.id, option.label),
              at: item.location ?? SourceLocation(file: "?")))
        }
      }
    }
    for roster in project.rosters {
      unique("person", roster.people.map { ($0.id, $0.location) })
    }
    return diagnostics
  }
}
