import KenshuModel
import KenshuXML

extension ValueReader {
  mutating func objectives(_ element: XMLElementView) -> [Objective] {
    element.children(named: "objective").map {
      Objective(id: identifierIfPresent($0), text: $0.normalizedText, location: $0.location)
    }
  }

  mutating func identifierIfPresent(_ element: XMLElementView) -> String? {
    element.attribute("id") == nil ? nil : identifier(element)
  }

  mutating func edition(_ element: XMLElementView) -> Edition? {
    guard let edition = element.child(named: "edition"), let version = string(edition, "version") else {
      return nil
    }
    let note = edition.normalizedText
    return Edition(version: version, date: date(edition), note: note.isEmpty ? nil : note)
  }

  mutating func programme(_ element: XMLElementView) -> Programme {
    var programme = Programme(
      id: identifier(element) ?? "", language: language(element) ?? "",
      title: element.child(named: "title")?.normalizedText ?? "", location: element.location)
    programme.subtitle = element.child(named: "subtitle")?.normalizedText
    programme.edition = edition(element)
    programme.purpose = element.child(named: "purpose").flatMap { markdown($0) }
    programme.audience = element.child(named: "audience").map { professions($0, "professions") } ?? []
    programme.organiser = element.child(named: "organiser")?.normalizedText
    programme.venue = element.child(named: "venue")?.normalizedText
    programme.objectives = objectives(element)
    programme.roster = string(element, "roster")
    // The schema allows only the eight item codes; anything else has been reported by then.
    programme.serves = (string(element, "serves") ?? "").split(whereSeparator: \.isWhitespace).compactMap {
      ServiceItem(rawValue: String($0))
    }
    programme.courses = element.children(named: "course").map { course($0, programme: programme.id) }
    programme.awards = awards(element, programme: programme.id, course: nil)
    return programme
  }

  mutating func course(_ element: XMLElementView, programme: String) -> Course {
    var course = Course(
      id: identifier(element) ?? "", title: element.child(named: "title")?.normalizedText ?? "",
      location: element.location)
    course.date = date(element)
    course.start = clockTime(element, "start")
    course.end = clockTime(element, "end")
    course.venue = string(element, "venue")
    course.mode = string(element, "mode")
    course.description = element.child(named: "description").flatMap { markdown($0) }
    course.objectives = objectives(element)
    course.sessions = element.children(named: "session").map { session($0) }
    course.awards = awards(element, programme: programme, course: course.id)
    return course
  }

  mutating func session(_ element: XMLElementView) -> Session {
    let kind = element.attribute("kind").flatMap(SessionKind.init(rawValue:)) ?? .lecture
    var session = Session(
      id: identifier(element) ?? "", kind: kind, title: element.child(named: "title")?.normalizedText ?? "",
      location: element.location)
    session.start = clockTime(element, "start")
    session.durationMinutes = duration(element)
    session.objectives = objectives(element)
    session.practises = identifierList(element, "practises")
    session.professions = professions(element, "professions")
    session.instructors = identifierList(element, "instructors")
    session.facilitators = identifierList(element, "facilitators")
    session.survey = string(element, "survey")
    session.module = string(element, "module")
    session.content = element.child(named: "content").flatMap { markdown($0) }
    session.facilitatorNotes = element.children(named: "facilitator-notes").compactMap { markdown($0) }
    session.groupWork = groupWork(element)
    session.language = language(element)
    if let language = session.language { session.inheritLanguage(language) }
    return session
  }

  /// A session's group-work spec, when it has groups, cases, questions, roles or phases.
  mutating func groupWork(_ session: XMLElementView) -> GroupWorkSpec? {
    // One pass over the session's children instead of one per kind.
    var groups: XMLElementView?
    var cases: [XMLElementView] = []
    var questions: [XMLElementView] = []
    var roles: [XMLElementView] = []
    var phases: [XMLElementView] = []
    for child in session.children {
      // Names compared as bytes, without making a string per child.
      if child.isNamed("groups") {
        if groups == nil { groups = child }
      } else if child.isNamed("case") {
        cases.append(child)
      } else if child.isNamed("question") {
        questions.append(child)
      } else if child.isNamed("role") {
        roles.append(child)
      } else if child.isNamed("phase") {
        phases.append(child)
      }
    }
    if groups == nil, cases.isEmpty, questions.isEmpty, roles.isEmpty, phases.isEmpty { return nil }
    var spec = GroupWorkSpec(size: 6, location: groups?.location ?? session.location)
    if let groups {
      spec.size = integer(groups, "size", in: 2...20) ?? 6
      spec.maxSize = integer(groups, "max-size", in: 2...30)
      spec.minProfessions = integer(groups, "min-professions", in: 1...20)
      spec.rounds = integer(groups, "rounds", in: 1...20) ?? 1
      for token in identifierList(groups, "separate") {
        if let rule = SeparationRule(rawValue: token) {
          spec.separate.append(rule)
        } else {
          diagnostics.append(
            .error(
              Catalogue.invalidValue,
              ("<groups>", "separate", String(token), ["organisation", "municipality"], nil),
              at: groups.location(ofAttribute: "separate")))
        }
      }
    }
    spec.cases = cases.map { element in
      let src = element.attribute("src")
      let bodyElement = element.child(named: "body")
      let body =
        if let src {
          MarkdownBlock(.file(src), location: element.location(ofAttribute: "src"))
        } else {
          bodyElement.flatMap { markdown($0) }
        }
      if src != nil, bodyElement != nil {
        diagnostics.append(
          .error(Catalogue.srcAndBody, element.displayLabel, at: element.location))
      } else if body == nil, bodyElement == nil {
        diagnostics.append(
          .error(Catalogue.caseWithoutText, element.displayLabel, at: element.location))
      }
      return GroupCase(
        id: identifierIfPresent(element), title: string(element, "title") ?? "",
        body: body ?? MarkdownBlock(.inline(""), location: element.location),
        answerKey: element.child(named: "answer-key").flatMap { markdown($0) }, location: element.location)
    }
    spec.questions = questions.map { DiscussionQuestion(text: $0.normalizedText, location: $0.location) }
    spec.roles = roles.map {
      let text = $0.normalizedText
      return GroupRole(name: string($0, "name") ?? "", description: text.isEmpty ? nil : text)
    }
    spec.phases = phases.map {
      GroupPhase(
        title: string($0, "title") ?? "", minutes: integer($0, "minutes", in: 1...600) ?? 0,
        prompts: $0.children(named: "prompt").map(\.normalizedText), location: $0.location)
    }
    return spec
  }
}

extension Session {
  /// Gives the session's texts without an `xml:lang` of their own the session's language, so
  /// that a page in another language (the programme's handout, the facilitator pack) marks them
  /// as in it, as it marks a `<content xml:lang>`.
  fileprivate mutating func inheritLanguage(_ language: String) {
    func inherited(_ block: MarkdownBlock) -> MarkdownBlock {
      var block = block
      if block.language == nil { block.language = language }
      return block
    }
    content = content.map(inherited)
    facilitatorNotes = facilitatorNotes.map(inherited)
    guard var spec = groupWork else { return }
    for index in spec.cases.indices {
      spec.cases[index].body = inherited(spec.cases[index].body)
      spec.cases[index].answerKey = spec.cases[index].answerKey.map(inherited)
    }
    groupWork = spec
  }
}
