import KenshuModel
import KenshuXML

extension ValueReader {
  mutating func survey(_ element: XMLElementView) -> Survey {
    var survey = Survey(
      id: identifier(element) ?? "", language: language(element) ?? "",
      title: element.child(named: "title")?.normalizedText ?? "",
      kind: element.attribute("kind").flatMap(SurveyKind.init(rawValue:)) ?? .evaluation,
      location: element.location)
    survey.description = element.child(named: "description").flatMap { markdown($0) }
    survey.module = string(element, "module")
    survey.pairedWith = string(element, "paired-with")
    survey.invited = integer(element, "invited", in: 1...10_000_000)
    survey.anonymous = flag(element, "anonymous")
    survey.scales = element.children(named: "scale").map {
      LikertScale(
        id: identifier($0) ?? "", labels: $0.children(named: "point").map(\.normalizedText),
        location: $0.location)
    }
    survey.measures = element.children(named: "measure").map {
      Measure(id: identifier($0) ?? "", title: string($0, "title") ?? "", location: $0.location)
    }
    survey.items = element.children(named: "item").map { item in
      SurveyItem(
        id: identifier(item) ?? "",
        type: item.attribute("type").flatMap(SurveyItemType.init(rawValue:)) ?? .text,
        text: item.child(named: "text")?.normalizedText ?? "", required: flag(item, "required"),
        scale: string(item, "scale"), reverse: flag(item, "reverse"),
        retrospective: flag(item, "retrospective"),
        options: item.children(named: "option").map {
          SurveyOption(label: $0.normalizedText, correct: flag($0, "correct"))
        },
        allowOther: flag(item, "other"), minimum: decimal(item, "min"), maximum: decimal(item, "max"),
        maxLength: integer(item, "max-length", in: 1...100_000), measure: string(item, "measure"),
        level: item.attribute("level").flatMap(EvaluationLevel.init(rawValue:)),
        evaluates: identifierList(item, "evaluates"), location: item.location)
    }
    return survey
  }

  mutating func roster(_ element: XMLElementView) -> Roster {
    var roster = Roster(
      id: identifier(element) ?? "", title: element.child(named: "title")?.normalizedText, people: [])
    roster.location = element.location
    roster.people = element.children(named: "person").map { person in
      let professionText = person.attribute("profession") ?? ""
      let profession = Profession(parsing: professionText)
      if profession == nil, !professionText.isEmpty {
        diagnostics.append(
          .warning(
            Catalogue.unknownProfessionCountedAsOther, (person.displayLabel, professionText),
            at: person.location(ofAttribute: "profession")))
      }
      var roles: Set<PersonRole> = []
      for token in identifierList(person, "roles") {
        if let role = PersonRole(parsing: token) {
          roles.insert(role)
        } else {
          diagnostics.append(
            .error(
              Catalogue.invalidValue,
              (
                person.displayLabel, "roles", String(token),
                ["trainee", "instructor", "facilitator", "organiser"], nil
              ),
              at: person.location(ofAttribute: "roles")))
        }
      }
      return Person(
        id: identifier(person) ?? "", name: string(person, "name") ?? "", kana: string(person, "kana"),
        profession: profession ?? .other, organisation: string(person, "organisation"),
        prefecture: string(person, "prefecture"), municipality: string(person, "municipality"),
        roles: roles.isEmpty ? [.trainee] : roles, email: string(person, "email"),
        keepApart: Set(person.children(named: "keep-apart").compactMap { string($0, "person") }),
        progress: person.children(named: "progress").map {
          StageProgress(
            programme: string($0, "programme") ?? "",
            stage: $0.attribute("stage").flatMap(ProgrammeStage.init(rawValue:)) ?? .preLearning,
            date: date($0), ranLocalTraining: $0.attribute("ran-local-training").map { $0 == "true" })
        },
        qualifications: person.children(named: "qualification").map {
          Qualification(
            subject: string($0, "subject") ?? "",
            role: $0.attribute("role").flatMap(PersonRole.init(rawValue:)) ?? .facilitator, date: date($0),
            edition: string($0, "edition"))
        },
        location: person.location)
    }
    checkKeepApart(element, roster: roster)
    return roster
  }

  /// A `<keep-apart>` must name someone on the same roster: it can separate people after
  /// harassment, so one that names nobody (a typo, a removed person) must not pass silently.
  private mutating func checkKeepApart(_ element: XMLElementView, roster: Roster) {
    let ids = Set(roster.people.map(\.id))
    for person in element.children(named: "person") {
      for keepApart in person.children(named: "keep-apart") {
        guard let other = string(keepApart, "person"), !ids.contains(other) else { continue }
        diagnostics.append(
          .error(
            Catalogue.unknownKeepApart, (person.displayLabel, other, roster.id),
            at: keepApart.location(ofAttribute: "person")))
      }
    }
  }

  mutating func glossary(_ element: XMLElementView) -> [GlossaryTerm] {
    element.children(named: "term").map {
      GlossaryTerm(
        id: identifier($0) ?? "", term: string($0, "name") ?? "", reading: string($0, "reading"),
        english: string($0, "english"), definition: $0.normalizedText, location: $0.location)
    }
  }

  mutating func site(_ element: XMLElementView) -> SiteSettings {
    var settings = SiteSettings(language: language(element) ?? "ja")
    settings.title = string(element, "title")
    settings.organiser = string(element, "organiser")
    settings.baseURL = string(element, "base-url")
    settings.logo = string(element, "logo")
    if settings.logo != nil { settings.logoLocation = element.location(ofAttribute: "logo") }
    settings.footer = element.child(named: "footer")?.normalizedText
    if let colour = string(element, "accent-colour") {
      if colour.count == 7, colour.first == "#", colour.dropFirst().allSatisfy(\.isHexDigit) {
        settings.accentColour = colour
      } else {
        diagnostics.append(
          .error(Catalogue.invalidColour, colour, at: element.location(ofAttribute: "accent-colour")))
      }
    }
    settings.collectURL = safeURL(element, "collect-url")
    settings.publishFacilitator = flag(element, "publish-facilitator")
    return settings
  }
}
