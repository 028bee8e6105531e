import KenshuModel

/// Contexts of the glossary and of the module placeholder pages (survey forms: `SurveyFormContext`).
extension PageRenderer {
  func glossaryContext(page: SitePage) -> (String, [String: Any], SearchDocument?) {
    let terms: [[String: Any]] = project.glossary.map { term in
      var item: [String: Any] = [
        "anchor": "term-" + SiteRoutes.segment(term.id),
        "termHtml": term.reading.map { HTMLText.rubyHTML(base: term.term, reading: $0) }
          ?? HTMLText.html(term.term),
        "definitionHtml": HTMLText.html(term.definition),
      ]
      if let english = term.english { item["english"] = english }
      return item
    }
    let professions: [[String: Any]] = Profession.allCases.filter { $0 != .other }.map { profession in
      [
        "anchor": "profession-" + profession.rawValue,
        "termHtml": HTMLText.rubyHTML(base: profession.japaneseLabel, reading: profession.japaneseReading),
        "english": profession.englishLabel,
      ]
    }
    let text =
      project.glossary.map { "\($0.term) \($0.english ?? "") \($0.definition)" }
      + Profession.allCases.map { "\($0.japaneseLabel) \($0.englishLabel)" }
    let search = SearchDocument(
      title: strings["glossary"], path: page.path, text: HTMLText.plain(text.joined(separator: "\n")))
    return (strings["glossary"], ["terms": terms, "professions": professions], search)
  }

  /// Until the module pages (issue 4) exist, the page shows the module's outline.
  func moduleContext(_ id: String, root: String, diagnostics: inout [Diagnostic]) -> (String, [String: Any]) {
    guard let module = project.module(id) else { return (id, ["titleHtml": HTMLText.html(id)]) }
    var context: [String: Any] = [
      "titleHtml": HTMLText.html(module.title), "objectives": objectives(module.objectives),
      "lessons": module.lessons.map { lesson -> [String: Any] in
        var item: [String: Any] = ["titleHtml": HTMLText.html(lesson.title)]
        if let minutes = lesson.minutes { item["minutes"] = String(minutes) }
        return item
      },
    ]
    if let minutes = module.estimatedMinutes { context["minutes"] = String(minutes) }
    if let warning = module.contentWarning { context["contentWarningHtml"] = HTMLText.html(warning) }
    if let html = markdownHTML(module.description, root: root, diagnostics: &diagnostics) {
      context["descriptionHtml"] = html
    }
    return (HTMLText.plain(module.title), context)
  }
}
