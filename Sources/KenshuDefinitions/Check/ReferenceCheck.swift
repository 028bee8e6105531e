import KenshuModel

/// Every reference resolves: content files, surveys, modules, rosters, people, scales,
/// measures and objectives.
struct ReferenceCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (block, owner) in project.contentFileBlocks {
      guard let path = block.path else { continue }
      let location = block.location ?? SourceLocation(file: "?")
      switch content.resolve(path) {
      case .found: break
      case .missing:
        diagnostics.append(
          .error(
            "missing-content", at: location, "\(owner): content file \"\(path)\" does not exist",
            hint: "expected at \(content.displayName(path))"))
      case .outside:
        diagnostics.append(
          .error(
            "content-outside", at: location, "\(owner): \"\(path)\" is outside the content folder",
            hint: "src paths are relative to content/ and cannot use .. or absolute paths"))
      }
    }

    if let logo = project.settings.logo {
      let location = project.settings.logoLocation ?? SourceLocation(file: "kenshu.xml")
      switch content.resolve(logo) {
      case .found: break
      case .missing:
        diagnostics.append(
          .error(
            "missing-content", at: location, "<site>: logo \"\(logo)\" does not exist",
            hint: "expected at \(content.displayName(logo))"))
      case .outside:
        diagnostics.append(
          .error(
            "logo-outside", at: location, "<site>: logo \"\(logo)\" is outside the content folder",
            hint: "put the image under content/ and give its path from there, e.g. logo=\"images/logo.svg\""))
      }
    }

    let surveyIDs = Set(project.surveys.map(\.id))
    let moduleIDs = Set(project.modules.map(\.id))
    var objectiveIDs: Set<String> = []
    for programme in project.programmes {
      objectiveIDs.formUnion(programme.allObjectives.lazy.compactMap(\.id))
      for session in programme.courses.lazy.flatMap(\.sessions) {
        objectiveIDs.formUnion(session.objectives.lazy.compactMap(\.id))
      }
    }
    objectiveIDs.formUnion(project.modules.lazy.flatMap(\.objectives).compactMap(\.id))
    let people = project.peopleByID
    // Computed once, not once per programme: the same for every programme without a roster.
    let anyoneHasQualifications = people.values.contains { !$0.qualifications.isEmpty }

    func checkObjectives(_ ids: [String], _ attribute: String, at location: SourceLocation?, _ owner: String)
    {
      for id in ids where !objectiveIDs.contains(id) {
        diagnostics.append(
          .error(
            "unknown-objective", at: location ?? SourceLocation(file: "?"),
            "\(owner): \(attribute) names objective \"\(id)\", which is not defined",
            hint: closestName(id, among: Array(objectiveIDs)).map { "did you mean \"\($0)\"?" }))
      }
    }

    for programme in project.programmes {
      let roster = programme.roster.flatMap { project.roster($0) }
      if let name = programme.roster, roster == nil {
        diagnostics.append(
          .error(
            "unknown-roster", at: programme.location ?? SourceLocation(file: "?"),
            "<programme> \"\(programme.id)\" names roster \"\(name)\", which is not defined",
            hint: "put the roster in rosters/\(name).xml (kenshu roster import)"))
      }
      let tracksQualifications =
        roster.map { $0.people.contains { !$0.qualifications.isEmpty } } ?? anyoneHasQualifications
      let rosterPeople = roster.map {
        Dictionary($0.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      }
      for session in programme.courses.lazy.flatMap(\.sessions) {
        let label = "<session> \"\(session.id)\""
        let location = session.location ?? SourceLocation(file: "?")
        if let survey = session.survey, !surveyIDs.contains(survey) {
          diagnostics.append(
            .error(
              "unknown-survey", at: location, "\(label) names survey \"\(survey)\", which is not defined",
              hint: closestName(survey, among: Array(surveyIDs)).map { "did you mean \"\($0)\"?" }))
        }
        if session.kind == .survey, session.survey == nil {
          diagnostics.append(
            .error(
              "missing-survey", at: location, "\(label) is a survey session without a survey",
              hint: "add survey=\"…\" with the id of a <survey>"))
        }
        if session.kind == .selfstudy, session.module == nil {
          diagnostics.append(
            .error(
              "missing-module", at: location, "\(label) is a self-study session without a module",
              hint: "add module=\"…\" with the id of a <module>"))
        }
        if let module = session.module, !moduleIDs.contains(module) {
          diagnostics.append(
            .error(
              "unknown-module", at: location, "\(label) names module \"\(module)\", which is not defined",
              hint: closestName(module, among: Array(moduleIDs)).map { "did you mean \"\($0)\"?" }))
        }
        checkObjectives(session.practises, "practises", at: session.location, label)
        for (role, ids) in [
          (PersonRole.instructor, session.instructors), (.facilitator, session.facilitators),
        ] {
          // An undefined roster is reported once above, not once per person named.
          if programme.roster != nil && roster == nil { continue }
          for id in ids {
            guard let person = rosterPeople?[id] ?? people[id] else {
              diagnostics.append(
                .error(
                  "unknown-person", at: location,
                  "\(label) names \(role.rawValue) \"\(id)\", who is not on \(programme.roster.map { "roster \"\($0)\"" } ?? "any roster")"
                ))
              continue
            }
            // Qualification tracking is on when the roster records qualifications at all; a
            // one-off local training whose roster has none is not nagged about every facilitator.
            if tracksQualifications, !person.isQualified(as: role, for: programme.id) {
              diagnostics.append(
                .warning(
                  "unqualified-\(role.rawValue)", at: location,
                  "\(label): \(role.rawValue) \"\(id)\" has no \(role.rawValue) qualification for \"\(programme.id)\"",
                  hint:
                    "record it on the roster: <qualification subject=\"\(programme.id)\" role=\"\(role.rawValue)\"/>"
                ))
            }
          }
        }
      }
    }

    for module in project.modules {
      for lesson in module.lessons {
        checkObjectives(lesson.practises, "practises", at: lesson.location, "<lesson> \"\(lesson.id)\"")
      }
      for scenario in module.scenarios {
        checkObjectives(
          scenario.practises, "practises", at: scenario.location, "<scenario> \"\(scenario.id)\"")
      }
      for question in module.quiz?.questions ?? [] {
        checkObjectives(question.assesses, "assesses", at: question.location, "<question> \"\(question.id)\"")
      }
    }

    for survey in project.surveys {
      let label = "<survey> \"\(survey.id)\""
      let location = survey.location ?? SourceLocation(file: "?")
      if let module = survey.module, !moduleIDs.contains(module) {
        diagnostics.append(
          .error("unknown-module", at: location, "\(label) names module \"\(module)\", which is not defined"))
      }
      if let partner = survey.pairedWith {
        if !surveyIDs.contains(partner) {
          diagnostics.append(
            .error(
              "unknown-survey", at: location,
              "\(label) is paired with survey \"\(partner)\", which is not defined"))
        } else if partner == survey.id {
          diagnostics.append(.error("invalid-pairing", at: location, "\(label) is paired with itself"))
        }
      }
      let measures = Set(survey.measures.map(\.id))
      for item in survey.items {
        let itemLabel = "<item> \"\(item.id)\""
        let itemLocation = item.location ?? location
        if let scale = item.scale, survey.scale(named: scale) == nil {
          diagnostics.append(
            .error(
              "unknown-scale", at: itemLocation, "\(itemLabel) uses scale \"\(scale)\", which is not defined",
              hint: "define <scale id=\"\(scale)\"> or use a built-in scale: "
                + LikertScale.builtIn.map(\.id).joined(separator: ", ")))
        }
        if let measure = item.measure, !measures.contains(measure) {
          diagnostics.append(
            .error(
              "unknown-measure", at: itemLocation,
              "\(itemLabel) belongs to measure \"\(measure)\", which is not defined",
              hint: "add <measure id=\"\(measure)\" title=\"…\"/> to the survey"))
        }
        checkObjectives(item.evaluates, "evaluates", at: item.location, itemLabel)
      }
    }
    return diagnostics
  }
}
