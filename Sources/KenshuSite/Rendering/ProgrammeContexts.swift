import KenshuModel

/// Contexts of the home, programme, timetable and handout pages.
extension PageRenderer {
  /// `language` when it is not the language of the page being built, for a `lang` attribute on
  /// text in another language (an English programme's title on a Japanese home page).
  func otherLanguage(_ language: String) -> String? {
    language.isEmpty || language.lowercased() == contentLanguage.lowercased() ? nil : language
  }

  /// The language of `session` (its own `xml:lang`, else its programme's) when it is not the
  /// page's: an English session's title on a Japanese programme's timetable.
  func otherLanguage(of session: Session, in programme: Programme) -> String? {
    otherLanguage(session.language ?? programme.language)
  }

  func homeContext(root: String) -> (String, [String: Any]) {
    let programmes: [[String: Any]] = project.programmes.map { programme in
      var item: [String: Any] = [
        "href": SiteRoutes.programme(programme.id), "titleHtml": HTMLText.html(programme.title),
      ]
      if let subtitle = programme.subtitle { item["subtitleHtml"] = HTMLText.html(subtitle) }
      if let dates = format.dateRange(programme.courses.compactMap(\.date)) { item["dates"] = dates }
      if let other = otherLanguage(programme.language) { item["itemLang"] = other }
      return item
    }
    let modules: [[String: Any]] = project.modules.map {
      var item: [String: Any] = ["href": SiteRoutes.module($0.id), "titleHtml": HTMLText.html($0.title)]
      if let other = otherLanguage($0.language) { item["itemLang"] = other }
      return item
    }
    let context: [String: Any] = [
      "siteTitleHtml": HTMLText.html(siteTitle), "programmes": programmes, "modules": modules,
    ]
    return (HTMLText.plain(siteTitle), context)
  }

  func programmeContext(_ p: Int, page: SitePage, diagnostics: inout [Diagnostic])
    -> (String, [String: Any], SearchDocument?)
  {
    let programme = project.programmes[p]
    let root = page.root
    var context: [String: Any] = [
      "titleHtml": HTMLText.html(programme.title),
      "objectives": objectives(programme.objectives),
      "audience": professions(programme.audience),
      "calendarHref": SiteRoutes.calendar(programme.id),
    ]
    if let subtitle = programme.subtitle { context["subtitleHtml"] = HTMLText.html(subtitle) }
    if let dates = format.dateRange(programme.courses.compactMap(\.date)) { context["dates"] = dates }
    if let venue = programme.venue { context["venueHtml"] = HTMLText.html(venue) }
    if let organiser = programme.organiser ?? project.settings.organiser {
      context["organiserHtml"] = HTMLText.html(organiser)
    }
    // Organisers and facilitators find reception's page from their edition's programme page;
    // learners never need it, and the learner edition does not link it.
    if edition.includesFacilitatorPages,
      CheckInPageContext.programmes(of: project).contains(where: { $0.id == programme.id })
    {
      context["checkInHref"] = SiteRoutes.checkIn
    }
    if let edition = programme.edition {
      var item: [String: Any] = ["version": edition.version]
      if let date = edition.date { item["date"] = format.date(date) }
      if let note = edition.note { item["note"] = note }
      context["edition"] = item
    }
    let purpose = content.render(
      programme.purpose, root: root, placement: HeadingPlacement(headingBase: 3), diagnostics: &diagnostics)
    if let purpose { context["purposeHtml"] = purpose.html }
    context["courses"] = programme.courses.map { course -> [String: Any] in
      var item: [String: Any] = [
        "href": SiteRoutes.timetable(programme.id, course.id), "titleHtml": HTMLText.html(course.title),
        "handoutHref": SiteRoutes.handout(programme.id, course.id),
      ]
      if let date = course.date { item["date"] = format.date(date) }
      if let range = courseTimeRange(course) { item["timeRange"] = range }
      if let mode = course.mode { item["mode"] = modeLabel(mode) }
      return item
    }
    // What the page shows, as the participant reads it (the search finds pages by their text).
    let text =
      [
        programme.subtitle ?? "", purpose?.plainText ?? "", programme.edition?.note ?? "",
        programme.venue ?? "",
      ]
      + programme.objectives.map(\.text) + programme.courses.map(\.title)
    let search = SearchDocument(
      title: HTMLText.plain(programme.title), path: page.path,
      text: HTMLText.plain(text.joined(separator: "\n")), readings: text.flatMap(HTMLText.readings))
    return (HTMLText.plain(programme.title), context, search)
  }

  func courseTimeRange(_ course: Course) -> String? {
    let span = course.sessionSpan
    return format.timeRange(span?.start ?? course.start, span?.end ?? course.end)
  }

  func timetableContext(_ p: Int, _ c: Int, page: SitePage, diagnostics: inout [Diagnostic])
    -> (String, [String: Any], SearchDocument?)
  {
    let programme = project.programmes[p]
    let course = programme.courses[c]
    var context = courseHeader(programme, course, root: page.root, diagnostics: &diagnostics)
    context["slots"] = timetables[p][c].map { slot in slotContext(programme, course, slot) }
    context["handoutHref"] = SiteRoutes.handout(programme.id, course.id)
    if edition.includesFacilitatorPages {
      context["facilitatorHref"] = SiteRoutes.facilitatorNotes
      context["facilitatorPackHref"] = SiteRoutes.facilitatorPack(programme.id, course.id)
    }
    let search = SearchDocument(
      title: HTMLText.plain(course.title), path: page.path,
      text: HTMLText.plain(
        ([course.title, course.venue ?? programme.venue ?? ""] + course.objectives.map(\.text)
          + course.sessions.flatMap { [$0.title, kindLabel($0.kind)] }).joined(separator: "\n")))
    return (HTMLText.plain(course.title) + " | " + HTMLText.plain(programme.title), context, search)
  }

  func courseHeader(_ programme: Programme, _ course: Course, root: String, diagnostics: inout [Diagnostic])
    -> [String: Any]
  {
    var context: [String: Any] = [
      "titleHtml": HTMLText.html(course.title), "programmeTitleHtml": HTMLText.html(programme.title),
      "objectives": objectives(course.objectives),
    ]
    if let date = course.date { context["date"] = format.date(date) }
    if let range = courseTimeRange(course) { context["timeRange"] = range }
    if let venue = course.venue ?? programme.venue { context["venueHtml"] = HTMLText.html(venue) }
    if let mode = course.mode { context["mode"] = modeLabel(mode) }
    if let description = markdownHTML(course.description, root: root, diagnostics: &diagnostics) {
      context["descriptionHtml"] = description
    }
    return context
  }

  /// One timetable row. Administrative items (breaks, opening…) have no page of their own.
  func slotContext(_ programme: Programme, _ course: Course, _ slot: TimetableSlot) -> [String: Any] {
    let session = slot.session
    var row: [String: Any] = [
      "titleHtml": HTMLText.html(session.title), "kind": session.kind.rawValue,
      "kindLabel": kindLabel(session.kind), "minutes": session.durationMinutes.map(String.init) ?? "",
    ]
    if let start = slot.start {
      row["start"] = start.description
      row["startISO"] = start.description
      row["end"] = slot.end?.description ?? ""
      row["endISO"] = slot.end?.description ?? start.description
    }
    if let other = otherLanguage(of: session, in: programme) { row["titleLang"] = other }
    if session.kind != .break {
      row["href"] = SiteRoutes.session(programme.id, course.id, session.id, view: .learner)
    }
    if let (href, label) = activityLink(session) {
      row["activityHref"] = href
      row["activityLabel"] = label
    }
    return row
  }

  /// A course's delivery mode in words (会場, オンライン…); a value outside the schema's list is
  /// shown as written.
  func modeLabel(_ mode: String) -> String {
    let key = "mode." + mode.lowercased()
    return strings.table[key] ?? mode
  }

  func kindLabel(_ kind: SessionKind) -> String {
    strings.language == "en" ? kind.englishLabel : kind.japaneseLabel
  }

  /// The survey or module page a session leads to, when that survey or module exists.
  func activityLink(_ session: Session) -> (String, String)? {
    if let id = session.survey, project.survey(id) != nil {
      return (SiteRoutes.survey(id), strings["openSurvey"])
    }
    if let id = session.module, project.module(id) != nil {
      return (SiteRoutes.module(id), strings["openModule"])
    }
    return nil
  }

  func handoutContext(_ p: Int, _ c: Int, root: String, diagnostics: inout [Diagnostic]) -> (
    String, [String: Any]
  ) {
    let programme = project.programmes[p]
    let course = programme.courses[c]
    var context = courseHeader(programme, course, root: root, diagnostics: &diagnostics)
    context["backHref"] = SiteRoutes.timetable(programme.id, course.id)
    context["slots"] = timetables[p][c].map { slot in slotContext(programme, course, slot) }
    context["sessions"] = timetables[p][c].filter { $0.session.kind.isLearningActivity }.map {
      slot -> [String: Any] in
      let session = slot.session
      var item: [String: Any] = [
        "anchor": "s-" + SiteRoutes.segment(session.id), "titleHtml": HTMLText.html(session.title),
        "objectives": objectives(session.objectives),
        "questions": (session.groupWork?.questions ?? []).map { HTMLText.html($0.text) },
      ]
      if let other = otherLanguage(of: session, in: programme) { item["titleLang"] = other }
      // Always set: a missing key would be looked up in the course's context (its whole span).
      item["timeRange"] = format.timeRange(slot.start, slot.end) ?? false
      // Every session's content shares the handout: headings under the session's h2, ids
      // prefixed with the session's anchor.
      let placement = HeadingPlacement(headingBase: 3, idPrefix: "s-\(SiteRoutes.segment(session.id))-")
      if let html = markdownHTML(session.content, root: root, placement: placement, diagnostics: &diagnostics)
      {
        item["contentHtml"] = html
      }
      // The learner-visible part of group work — size, roles, phases with minutes, cases — as
      // on the learner session page: never prompts or answer keys (facilitator: false), on
      // whichever edition the handout is built.
      if let spec = session.groupWork {
        var unused: [String] = []
        item["groupWork"] = groupWorkContext(
          spec, start: slot.start, root: root, facilitator: false, searchText: &unused,
          diagnostics: &diagnostics, anchorPrefix: "s-\(SiteRoutes.segment(session.id))-", caseHeadingLevel: 5
        )
      }
      return item
    }
    return (HTMLText.plain(course.title) + " — " + strings["handout"], context)
  }
}
