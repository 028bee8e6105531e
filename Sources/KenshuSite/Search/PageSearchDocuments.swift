import KenshuModel

/// Search entries of the learner pages whose context builders make none of their own: the home
/// page, survey forms and a module's scenario, quiz and certificate pages, so that every
/// learner page the site has can be found (issue 14). Each holds the page's visible text from
/// the model: what the participant reads there, never an answer key or hidden feedback.
extension PageRenderer {
  /// The search entry of `page`, when its context builder made none.
  func additionalSearchDocument(for page: SitePage) -> SearchDocument? {
    switch page.kind {
    case .home:
      let text =
        [siteTitle]
        + project.programmes.flatMap { [$0.title, $0.subtitle ?? ""] } + project.modules.map(\.title)
      return document(HTMLText.plain(siteTitle), page, text)
    case .survey(let id):
      guard let survey = project.survey(id) else { return nil }
      var ignored: [Diagnostic] = []
      let description = content.render(survey.description, root: page.root, diagnostics: &ignored)
      var text = [survey.title, description?.plainText ?? ""]
      for item in survey.items {
        text.append(item.text)
        text += item.options.map(\.label)
      }
      var found = document(HTMLText.plain(survey.title), page, text)
      found.readings += description?.readings ?? []
      return found
    case .modulePart(let id, let part):
      guard let module = project.module(id) else { return nil }
      switch part {
      case .scenario(let index):
        let scenario = module.scenarios[index]
        var ignored: [Diagnostic] = []
        let situation = content.render(scenario.situation, root: page.root, diagnostics: &ignored)
        var found = document(
          HTMLText.plain(scenario.title + " | " + module.title), page,
          [scenario.title, situation?.plainText ?? "", scenario.prompt ?? strings["scenarioPrompt"]]
            + scenario.choices.map(\.text))
        found.readings += situation?.readings ?? []
        return found
      case .quiz:
        let questions = module.quiz?.questions ?? []
        return document(
          strings["quiz"] + " | " + HTMLText.plain(module.title), page,
          [strings["quiz"]] + questions.flatMap { [$0.text] + $0.choices.map(\.text) })
      case .certificate:
        let title = module.certificate?.title ?? strings["certificate"]
        let shown = ["certificateIntro", "selfDeclared", "certifies", "dateOfCompletion", "selfDeclaredNote"]
        return document(
          HTMLText.plain(title + " | " + module.title), page,
          [
            title, module.title,
            module.certificate?.issuer ?? module.organiser ?? project.settings.organiser ?? "",
          ]
            + shown.map { strings[$0] })
      case .lesson:
        return nil
      }
    case .verify:
      // What the page shows before a certificate is looked up: people search for 修了証の確認.
      let shown = ["verify", "verifyIntro", "verifyNumber", "verifyCode", "verifyButton"]
      return document(strings["verify"], page, shown.map { strings[$0] })
    default:
      return nil
    }
  }

  private func document(_ title: String, _ page: SitePage, _ texts: [String]) -> SearchDocument {
    SearchDocument(
      title: title, path: page.path, text: HTMLText.plain(texts.joined(separator: "\n")),
      readings: texts.flatMap(HTMLText.readings))
  }
}
