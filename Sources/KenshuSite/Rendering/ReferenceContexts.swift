import KenshuModel

/// Context of the glossary page (survey forms: `SurveyFormContext`; modules: `ModuleContexts`).
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
      title: strings["glossary"], path: page.path, text: HTMLText.plain(text.joined(separator: "\n")),
      headings: project.glossary.map { HTMLText.plain($0.term) },
      readings: project.glossary.compactMap(\.reading) + Profession.allCases.map(\.japaneseReading))
    return (strings["glossary"], ["terms": terms, "professions": professions], search)
  }
}
