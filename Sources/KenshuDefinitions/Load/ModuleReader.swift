import KenshuModel
import KenshuXML

extension ValueReader {
  mutating func module(_ element: XMLElementView) -> SelfStudyModule {
    var module = SelfStudyModule(
      id: identifier(element) ?? "", language: language(element) ?? "",
      title: element.child(named: "title")?.normalizedText ?? "", location: element.location)
    module.edition = edition(element)
    module.description = element.child(named: "description").flatMap { markdown($0) }
    module.objectives = objectives(element)
    module.audience = element.child(named: "audience").map { professions($0, "professions") } ?? []
    module.estimatedMinutes = integer(element, "minutes", in: 1...10_000)
    module.organiser = element.child(named: "organiser")?.normalizedText
    module.contentWarning = element.child(named: "content-warning")?.normalizedText
    module.collectCompletion = flag(element, "collect-completion")
    module.consultation =
      element.child(named: "consultation")?.children(named: "desk").map { desk in
        let note = desk.normalizedText
        return ConsultationDesk(
          kind: desk.attribute("kind").flatMap(ConsultationDesk.Kind.init(rawValue:)) ?? .other,
          name: string(desk, "name") ?? "", phone: string(desk, "phone"), url: safeURL(desk, "url"),
          hours: string(desk, "hours"), note: note.isEmpty ? nil : note)
      } ?? []
    module.lessons = element.children(named: "lesson").map { lesson in
      Lesson(
        id: identifier(lesson) ?? "", title: string(lesson, "title") ?? "",
        body: markdown(lesson) ?? MarkdownBlock(.inline(""), location: lesson.location),
        minutes: integer(lesson, "minutes", in: 1...600), practises: identifierList(lesson, "practises"),
        location: lesson.location)
    }
    module.scenarios = element.children(named: "scenario").map { scenario in
      let situation = scenario.child(named: "situation")
      return Scenario(
        id: identifier(scenario) ?? "", title: string(scenario, "title") ?? "",
        situation: situation.flatMap { markdown($0) }
          ?? MarkdownBlock(.inline(""), location: scenario.location),
        prompt: scenario.child(named: "ask")?.normalizedText,
        choices: scenario.children(named: "choice").map { choice($0) },
        practises: identifierList(scenario, "practises"), location: scenario.location)
    }
    if let quiz = element.child(named: "quiz") {
      module.quiz = Quiz(
        passMark: integer(quiz, "pass-mark", in: 0...100) ?? 100, shuffleChoices: flag(quiz, "shuffle"),
        questions: quiz.children(named: "question").map { question($0) }, location: quiz.location)
    }
    if let certificate = element.child(named: "certificate") {
      module.certificate = CertificateSpec(
        title: string(certificate, "title"), selfDeclared: flag(certificate, "self-declared", default: true),
        issuer: string(certificate, "issuer"))
    }
    return module
  }

  mutating func choice(_ element: XMLElementView) -> Choice {
    let feedback = element.child(named: "feedback")?.normalizedText
    return Choice(
      id: identifier(element) ?? "", text: element.ownText, correct: flag(element, "correct"),
      feedback: feedback?.isEmpty == false ? feedback : nil, location: element.location)
  }

  mutating func question(_ element: XMLElementView) -> QuizQuestion {
    let kind = element.attribute("kind").flatMap(QuestionKind.init(rawValue:)) ?? .single
    var choices = element.children(named: "choice").map { choice($0) }
    if kind == .trueFalse && choices.isEmpty {
      let answer = element.attribute("answer")
      if answer == nil {
        diagnostics.append(
          .error(Catalogue.missingAnswer, element.displayLabel, at: element.location))
      }
      choices = [
        Choice(id: "true", text: "正しい", correct: answer == "true"),
        Choice(id: "false", text: "誤り", correct: answer == "false"),
      ]
    }
    let feedback = element.child(named: "feedback")?.normalizedText
    return QuizQuestion(
      id: identifier(element) ?? "", kind: kind, text: element.child(named: "text")?.normalizedText ?? "",
      choices: choices, feedback: feedback?.isEmpty == false ? feedback : nil,
      assesses: identifierList(element, "assesses"), location: element.location)
  }

  /// Only http(s) and tel/mailto links reach pages; anything else (javascript:, data:) is refused.
  mutating func safeURL(_ element: XMLElementView, _ name: String) -> String? {
    guard let value = string(element, name) else { return nil }
    let lower = value.lowercased()
    guard ["https://", "http://", "tel:", "mailto:"].contains(where: { lower.hasPrefix($0) }) else {
      diagnostics.append(
        .error(
          Catalogue.unsafeURL, (element.displayLabel, name, value), at: element.location(ofAttribute: name)))
      return nil
    }
    return value
  }
}
