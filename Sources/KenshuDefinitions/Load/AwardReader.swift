import KenshuModel
import KenshuXML

extension ValueReader {
  /// The `<award>` children of a programme or course (`course` names the course) of the
  /// programme `programme`.
  mutating func awards(_ element: XMLElementView, programme: String, course: String?) -> [Award] {
    element.children(named: "award").map { award($0, programme: programme, course: course) }
  }

  mutating func award(_ element: XMLElementView, programme: String, course: String?) -> Award {
    let kind = element.attribute("kind").flatMap(AwardKind.init(rawValue:)) ?? .completion
    // Without `numbering`, numbers that name the programme and the award: a bare {n} would
    // repeat 1, 2, 3 in every award of every programme.
    var numbering = NumberingPattern.defaultPattern(programme: programme, award: identifier(element) ?? "")
    if let text = element.attribute("numbering") {
      switch NumberingPattern.parse(text) {
      case .success(let pattern): numbering = pattern
      case .failure(let problem):
        diagnostics.append(
          .error(
            Catalogue.invalidNumbering, (element.displayLabel, text, problem.wording),
            at: element.location(ofAttribute: "numbering")))
      }
    }
    var requirements: [Requirement] = []
    for child in element.children {
      if child.isNamed("attend") {
        var kinds: [SessionKind] = []
        for token in identifierList(child, "kinds") {
          if let sessionKind = SessionKind(rawValue: token) {
            kinds.append(sessionKind)
          } else {
            diagnostics.append(
              .error(
                Catalogue.unknownSessionKind, (String(token), SessionKind.allCases.map(\.rawValue)),
                at: child.location(ofAttribute: "kinds")))
          }
        }
        requirements.append(
          .attend(
            kinds: kinds, sessions: identifierList(child, "sessions"),
            minutes: integer(child, "minutes", in: 1...100_000), location: child.location))
      } else if child.isNamed("pass") {
        requirements.append(.pass(module: string(child, "module") ?? "", location: child.location))
      } else if child.isNamed("submit") {
        requirements.append(.submit(survey: string(child, "survey") ?? "", location: child.location))
      } else if child.isNamed("complete") {
        let stage = child.attribute("stage").flatMap(ProgrammeStage.init(rawValue:)) ?? .completion
        requirements.append(.complete(stage: stage, location: child.location))
      }
    }
    let statement = element.child(named: "statement")?.normalizedText
    return Award(
      id: identifier(element) ?? "", kind: kind, title: string(element, "title"),
      issuer: string(element, "issuer"), seal: string(element, "seal"), numbering: numbering,
      statement: statement?.isEmpty == false ? statement : nil, requirements: requirements, course: course,
      location: element.location)
  }

  mutating func attendance(_ element: XMLElementView) -> AttendanceRecord {
    AttendanceRecord(
      programme: string(element, "programme") ?? "",
      attendees: element.children(named: "attendee").map {
        Attendee(
          person: string($0, "person") ?? "", sessions: identifierList($0, "sessions"),
          arrived: clockTime($0, "arrived"), left: clockTime($0, "left"),
          passed: identifierList($0, "passed"),
          submitted: identifierList($0, "submitted"), location: $0.location)
      }, location: element.location)
  }
}
