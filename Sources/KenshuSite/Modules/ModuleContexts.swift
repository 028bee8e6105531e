import KenshuModel

extension SitePage {
  /// Whether the page belongs to a self-study module (and so loads `module.js`).
  var isModulePage: Bool {
    switch kind {
    case .module, .modulePart: true
    default: false
    }
  }
}

/// Template contexts of a self-study module's pages. Every page gets the same frame (`module`
/// keys, rendered by the `module-header` and `module-footer` partials): the content warning
/// before the content, the module's table of contents and the consultation desks (相談窓口).
///
/// Quiz answers and feedback are part of the quiz page on purpose: the page works without
/// JavaScript, and a self-study pass mark is not an examination (see `docs/modules.md`).
extension PageRenderer {
  func moduleOverviewContext(_ id: String, page: SitePage, diagnostics: inout [Diagnostic])
    -> (String, [String: Any], SearchDocument?)
  {
    guard let module = project.module(id) else { return (id, ["titleHtml": HTMLText.html(id)], nil) }
    var context = moduleFrame(module, current: nil)
    context["titleHtml"] = HTMLText.html(module.title)
    context["objectives"] = objectives(module.objectives)
    context["audience"] = professions(module.audience)
    if let minutes = module.estimatedMinutes { context["minutes"] = String(minutes) }
    if let organiser = module.organiser { context["organiser"] = organiser }
    if let edition = module.edition {
      var text = edition.version
      if let date = edition.date { text += " (" + JapaneseDate.longForm(date) + ")" }
      context["edition"] = text
    }
    let description = content.render(module.description, root: page.root, diagnostics: &diagnostics)
    if let description { context["descriptionHtml"] = description.html }
    if let first = ModulePart.all(of: module).first {
      context["startHref"] = SiteRoutes.module(module, first).fileName
    }
    // The module's pre/post knowledge tests, so they are reachable from the module itself. A
    // package (SCORM) holds the module's pages only: the site's survey pages are not in it, so
    // it links to none (they would be 404 inside the LMS).
    let tests = (packaged ? [] : project.surveys).filter {
      $0.module == module.id && [.preTest, .postTest].contains($0.kind)
    }
    .sorted { ($0.kind == .preTest ? 0 : 1, $0.id) < ($1.kind == .preTest ? 0 : 1, $1.id) }
    if !tests.isEmpty {
      context["hasTests"] = true
      context["tests"] = tests.map { survey -> [String: Any] in
        [
          "href": page.root + SiteRoutes.survey(survey.id),
          "titleHtml": HTMLText.html(survey.title),
          "isPre": survey.kind == .preTest,
        ]
      }
    }
    let search = SearchDocument(
      title: HTMLText.plain(module.title), path: page.path,
      text: ([module.title, description?.plainText ?? ""] + module.objectives.map(\.text)).joined(
        separator: "\n"))
    return (HTMLText.plain(module.title), context, search)
  }

  func modulePartContext(_ id: String, _ part: ModulePart, page: SitePage, diagnostics: inout [Diagnostic])
    -> (String, [String: Any], SearchDocument?)
  {
    guard let module = project.module(id) else { return (id, ["titleHtml": HTMLText.html(id)], nil) }
    var context = moduleFrame(module, current: part)
    let title: String
    var search: SearchDocument?
    switch part {
    case .lesson(let index):
      let lesson = module.lessons[index]
      title = lesson.title
      context["lessonID"] = lesson.id
      if let minutes = lesson.minutes { context["minutes"] = String(minutes) }
      let body = content.render(lesson.body, root: page.root, diagnostics: &diagnostics)
      context["bodyHtml"] = body?.html ?? ""
      search = SearchDocument(
        title: HTMLText.plain(lesson.title + " | " + module.title), path: page.path,
        text: HTMLText.plain(lesson.title) + "\n" + (body?.plainText ?? ""),
        headings: body?.headings.map(\.text) ?? [],
        readings: HTMLText.readings(lesson.title) + (body?.readings ?? []))
    case .scenario(let index):
      let scenario = module.scenarios[index]
      title = scenario.title
      context["scenarioID"] = scenario.id
      context["situationHtml"] =
        markdownHTML(scenario.situation, root: page.root, diagnostics: &diagnostics) ?? ""
      context["promptHtml"] = HTMLText.html(scenario.prompt ?? strings["scenarioPrompt"])
      context["choices"] = choiceContexts(
        scenario.choices, group: "scenario-" + SiteRoutes.segment(scenario.id))
    case .quiz:
      title = strings["quiz"]
      let quiz = module.quiz ?? Quiz(passMark: 0, questions: [])
      context["passMark"] = String(quiz.passMark)
      context["quizIntro"] = strings["quizIntro"].replacingOccurrences(of: "%@", with: String(quiz.passMark))
      context["shuffle"] = quiz.shuffleChoices
      context["questionCount"] = String(quiz.questions.count)
      context["questions"] = quiz.questions.enumerated().map { number, question in
        questionContext(question, number: number + 1)
      }
      if let url = collectionEndpoint(module) { context["collectURL"] = url }
    case .certificate:
      let spec = module.certificate ?? CertificateSpec()
      title = spec.title ?? strings["certificate"]
      context["selfDeclared"] = spec.selfDeclared
      // The quiz posts completions to the organiser's server: once one is stored, the
      // certificate says so instead of "self-declared" (module.js).
      context["collects"] = collectionEndpoint(module) != nil
      if let issuer = spec.issuer ?? module.organiser ?? project.settings.organiser {
        context["issuer"] = issuer
      }
      context["passMark"] = module.quiz.map { String($0.passMark) } ?? ""
      context["hasQuiz"] = module.quiz != nil
    }
    context["titleHtml"] = HTMLText.html(title)
    return (HTMLText.plain(title) + " | " + HTMLText.plain(module.title), context, search)
  }

  /// Keys every module page shares.
  func moduleFrame(_ module: SelfStudyModule, current: ModulePart?) -> [String: Any] {
    let order: [ModulePart?] = [nil] + ModulePart.all(of: module)
    let here = order.firstIndex(of: current) ?? 0
    func link(_ part: ModulePart?) -> [String: Any] {
      [
        "href": SiteRoutes.module(module, part).fileName, "titleHtml": partTitleHTML(module, part),
        "current": part == current, "kind": part.map(\.kindName) ?? "overview",
        "itemID": part.map { partID(module, $0) } ?? "",
      ]
    }
    var frame: [String: Any] = [
      "moduleID": module.id,
      "moduleTitleHtml": HTMLText.html(module.title),
      "packaged": packaged,
      "pageKind": current?.kindName ?? "overview",
      "currentID": current.map { partID(module, $0) } ?? "",
      "lessonIDs": module.lessons.map(\.id).joined(separator: " "),
      "scenarioIDs": module.scenarios.map(\.id).joined(separator: " "),
      "hasQuiz": module.quiz != nil,
      "modulePassMark": module.quiz.map { String($0.passMark) } ?? "",
      "contents": order.map(link),
      "consultation": module.consultation.map(deskContext),
    ]
    if let warning = module.contentWarning { frame["contentWarningHtml"] = HTMLText.html(warning) }
    if here > 0 { frame["previous"] = link(order[here - 1]) }
    if here + 1 < order.count { frame["next"] = link(order[here + 1]) }
    return frame
  }

  /// Breadcrumbs of module pages: the home page and, below the overview, the overview. A
  /// packaged module has no home page to go back to.
  func moduleBreadcrumbs(for page: SitePage) -> [[String: Any]] {
    var crumbs: [[String: Any]] = []
    if !packaged { crumbs.append(["href": SiteRoutes.home, "label": strings["home"]]) }
    if case .modulePart(let id, _) = page.kind, let module = project.module(id) {
      crumbs.append(["href": SiteRoutes.module(module, nil), "label": HTMLText.plain(module.title)])
    }
    return crumbs
  }

  /// Where completions are posted: only when the site has a collection server and the module
  /// allows it. Nothing leaves the browser otherwise.
  func collectionEndpoint(_ module: SelfStudyModule) -> String? {
    guard module.collectCompletion, !packaged, let base = project.settings.collectURL, !base.isEmpty else {
      return nil
    }
    return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/api/modules/"
      + SiteRoutes.segment(module.id) + "/completions"
  }

  func partTitleHTML(_ module: SelfStudyModule, _ part: ModulePart?) -> String {
    switch part {
    case nil: strings["moduleOverview"]
    case .lesson(let index): HTMLText.html(module.lessons[index].title)
    case .scenario(let index): HTMLText.html(module.scenarios[index].title)
    case .quiz: HTMLText.html(strings["quiz"])
    case .certificate: HTMLText.html(module.certificate?.title ?? strings["certificate"])
    }
  }

  func partID(_ module: SelfStudyModule, _ part: ModulePart) -> String {
    switch part {
    case .lesson(let index): module.lessons[index].id
    case .scenario(let index): module.scenarios[index].id
    case .quiz: "quiz"
    case .certificate: "certificate"
    }
  }

  func deskContext(_ desk: ConsultationDesk) -> [String: Any] {
    var item: [String: Any] = ["kindLabel": strings["desk-" + desk.kind.rawValue], "name": desk.name]
    if let phone = desk.phone {
      item["phone"] = phone
      // `tel:` keeps digits, `+`, `#` (as %23) and `*`; anything else would make a broken link.
      let dial = phone.unicodeScalars.filter { ("0"..."9").contains($0) || "+*#".unicodeScalars.contains($0) }
      if !dial.isEmpty {
        item["phoneHref"] =
          "tel:" + String(String.UnicodeScalarView(dial)).replacingOccurrences(of: "#", with: "%23")
      }
    }
    if let url = desk.url, url.hasPrefix("https://") || url.hasPrefix("http://") { item["url"] = url }
    if let hours = desk.hours { item["hours"] = hours }
    if let note = desk.note { item["noteHtml"] = HTMLText.html(note) }
    return item
  }

  func choiceContexts(_ choices: [Choice], group: String) -> [[String: Any]] {
    choices.map { choice in
      var item: [String: Any] = [
        "choiceID": choice.id, "inputID": group + "-" + SiteRoutes.segment(choice.id),
        "textHtml": HTMLText.html(choice.text), "correct": choice.correct,
      ]
      // Distinct from the question's `questionFeedbackHtml`: Mustache looks a missing key up in
      // the enclosing context, so a shared name would repeat the question's feedback per choice.
      if let feedback = choice.feedback { item["choiceFeedbackHtml"] = HTMLText.html(feedback) }
      return item
    }
  }

  func questionContext(_ question: QuizQuestion, number: Int) -> [String: Any] {
    let group = "q-" + SiteRoutes.segment(question.id)
    var item: [String: Any] = [
      "questionID": question.id, "anchor": group, "number": String(number),
      "kind": question.kind.rawValue, "textHtml": HTMLText.html(question.text),
      "inputType": question.kind == .multiple ? "checkbox" : "radio",
      "hint": strings[question.kind == .multiple ? "chooseAll" : "chooseOne"],
      "choices": choiceContexts(question.choices, group: group),
      "correctHtml": question.choices.filter(\.correct).map { HTMLText.html($0.text) }.joined(separator: "、"),
    ]
    if let feedback = question.feedback { item["questionFeedbackHtml"] = HTMLText.html(feedback) }
    return item
  }
}

extension ModulePart {
  /// `lesson`, `scenario`, `quiz` or `certificate`: the page kind `module.js` acts on.
  var kindName: String {
    switch self {
    case .lesson: "lesson"
    case .scenario: "scenario"
    case .quiz: "quiz"
    case .certificate: "certificate"
    }
  }
}

extension String {
  /// The last path component: module pages link to each other within their folder.
  var fileName: String { split(separator: "/").last.map(String.init) ?? self }
}
