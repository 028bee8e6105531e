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
          .error(Catalogue.missingContent, (owner, path, content.displayName(path)), at: location))
      case .outside:
        diagnostics.append(
          .error(Catalogue.contentOutside, (owner, path), at: location))
      }
    }

    if let logo = project.settings.logo {
      let location = project.settings.logoLocation ?? SourceLocation(file: "kenshu.xml")
      switch content.resolve(logo) {
      case .found: break
      case .missing:
        diagnostics.append(
          .error(Catalogue.missingLogo, (logo, content.displayName(logo)), at: location))
      case .outside:
        diagnostics.append(
          .error(Catalogue.logoOutside, logo, at: location))
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
            Catalogue.unknownObjective, (owner, attribute, id, closestName(id, among: Array(objectiveIDs))),
            at: location ?? SourceLocation(file: "?")))
      }
    }

    for programme in project.programmes {
      let roster = programme.roster.flatMap { project.roster($0) }
      if let name = programme.roster, roster == nil {
        diagnostics.append(
          .error(
            Catalogue.unknownRoster, (programme.id, name), at: programme.location ?? SourceLocation(file: "?")
          ))
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
              Catalogue.unknownSurvey, (label, survey, closestName(survey, among: Array(surveyIDs))),
              at: location))
        }
        if session.kind == .survey, session.survey == nil {
          diagnostics.append(
            .error(Catalogue.missingSurvey, label, at: location))
        }
        if session.kind == .selfstudy, session.module == nil {
          diagnostics.append(
            .error(Catalogue.missingModule, label, at: location))
        }
        if let module = session.module, !moduleIDs.contains(module) {
          diagnostics.append(
            .error(
              Catalogue.unknownModule, (label, module, closestName(module, among: Array(moduleIDs))),
              at: location))
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
                .error(Catalogue.unknownPerson, (label, role.rawValue, id, programme.roster), at: location))
              continue
            }
            // Qualification tracking is on when the roster records qualifications at all; a
            // one-off local training whose roster has none is not nagged about every facilitator.
            if tracksQualifications, !person.isQualified(as: role, for: programme.id) {
              diagnostics.append(
                .warning(
                  role == .instructor ? Catalogue.unqualifiedInstructor : Catalogue.unqualifiedFacilitator,
                  (label, id, programme.id), at: location))
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
          .error(Catalogue.unknownModule, (label, module, nil), at: location))
      }
      if let partner = survey.pairedWith {
        if !surveyIDs.contains(partner) {
          diagnostics.append(
            .error(Catalogue.unknownPairedSurvey, (label, partner), at: location))
        } else if partner == survey.id {
          diagnostics.append(.error(Catalogue.invalidPairing, label, at: location))
        }
      }
      let measures = Set(survey.measures.map(\.id))
      for item in survey.items {
        let itemLabel = "<item> \"\(item.id)\""
        let itemLocation = item.location ?? location
        if let scale = item.scale, survey.scale(named: scale) == nil {
          diagnostics.append(
            .error(Catalogue.unknownScale, (item.id, scale, LikertScale.builtIn.map(\.id)), at: itemLocation))
        }
        if let measure = item.measure, !measures.contains(measure) {
          diagnostics.append(
            .error(Catalogue.unknownMeasure, (item.id, measure), at: itemLocation))
        }
        checkObjectives(item.evaluates, "evaluates", at: item.location, itemLabel)
      }
    }
    return diagnostics
  }
}
