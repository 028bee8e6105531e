import KenshuModel

/// Contexts of session pages (learner and facilitator views) and the aggregate facilitator notes.
///
/// Facilitator-only material (notes, answer keys, phase prompts and clock cues) is added to the
/// context only for the facilitator view, so learner HTML cannot contain it whatever a template
/// does; the same goes for its search text. Facilitator views exist only in the facilitator
/// edition (`SitePlan`).
extension PageRenderer {
  func sessionContext(_ p: Int, _ c: Int, _ s: Int, page: SitePage, diagnostics: inout [Diagnostic])
    -> (String, [String: Any], SearchDocument?)
  {
    let programme = project.programmes[p]
    let course = programme.courses[c]
    let slot = timetables[p][c][s]
    let session = slot.session
    let root = page.root
    let facilitator = page.view == .facilitator
    // Search text: XML text without ruby readings; Markdown's plain text has none already.
    var searchText: [String] = [kindLabel(session.kind)] + session.objectives.map { HTMLText.plain($0.text) }
    var searchReadings: [String] = session.objectives.flatMap { HTMLText.readings($0.text) }
    var searchHeadings: [String] = []

    var context: [String: Any] = [
      "titleHtml": HTMLText.html(session.title), "kindLabel": kindLabel(session.kind),
      "objectives": objectives(session.objectives), "professions": professions(session.professions),
      "people": people(session, programme: programme.id),
    ]
    if let minutes = session.durationMinutes { context["minutes"] = String(minutes) }
    if let range = format.timeRange(slot.start, slot.end) { context["timeRange"] = range }
    if let (href, label) = activityLink(session) {
      context["activityHref"] = href
      context["activityLabel"] = label
    }
    // The content section has no heading of its own: its top headings sit under the page's h1.
    if let rendering = content.render(
      session.content, root: root, placement: HeadingPlacement(headingBase: 2), diagnostics: &diagnostics)
    {
      context["contentHtml"] = markedLanguage(of: session.content, rendering.html)
      searchText.append(rendering.plainText)
      searchReadings += rendering.readings
      searchHeadings += rendering.headings.map(\.text)
    }
    if let spec = session.groupWork {
      context["groupWork"] = groupWorkContext(
        spec, start: slot.start, root: root, facilitator: facilitator, searchText: &searchText,
        diagnostics: &diagnostics)
    }
    if facilitator {
      context["notes"] = session.facilitatorNotes.enumerated().compactMap { index, note -> String? in
        let rendering = content.render(
          note, root: root, placement: HeadingPlacement(headingBase: 3, idPrefix: "note\(index + 1)-"),
          diagnostics: &diagnostics)
        if let rendering { searchText.append(rendering.plainText) }
        return rendering?.html
      }
    } else {
      context["notes"] = [String]()
    }
    // Facilitator pages link back to the learner page. Learner pages link to theirs only in the
    // facilitator edition: the learner edition has none.
    if facilitator {
      context["otherViewHref"] = SiteRoutes.session(programme.id, course.id, session.id, view: .learner)
      context["otherViewLabel"] = strings["learnerView"]
    } else if edition.includesFacilitatorPages {
      context["otherViewHref"] = SiteRoutes.session(programme.id, course.id, session.id, view: .facilitator)
      context["otherViewLabel"] = strings["openFacilitatorView"]
    }
    // Neighbours skip breaks, which have no page of their own.
    let pages = course.sessions.indices.filter { course.sessions[$0].kind != .break }
    if let here = pages.firstIndex(of: s) {
      if here > 0 {
        context["previous"] = neighbour(programme, course, course.sessions[pages[here - 1]], page.view)
      }
      if here + 1 < pages.count {
        context["next"] = neighbour(programme, course, course.sessions[pages[here + 1]], page.view)
      }
    }
    let title = HTMLText.plain(session.title) + " | " + HTMLText.plain(course.title)
    // Facilitator views are searchable in the facilitator edition, with their own text, under
    // a title that tells them from the learner page.
    let search = SearchDocument(
      title: (facilitator ? strings["facilitatorView"] + ": " : "") + HTMLText.plain(session.title),
      path: page.path, text: searchText.joined(separator: "\n"), headings: searchHeadings,
      readings: HTMLText.readings(session.title) + searchReadings)
    return (facilitator ? strings["facilitatorView"] + ": " + title : title, context, search)
  }

  func neighbour(_ programme: Programme, _ course: Course, _ session: Session, _ view: PageView) -> [String:
    Any]
  {
    var item: [String: Any] = [
      "href": SiteRoutes.session(programme.id, course.id, session.id, view: view),
      "titleHtml": HTMLText.html(session.title),
    ]
    if let other = otherLanguage(of: session, in: programme) { item["titleLang"] = other }
    return item
  }

  /// Instructors and facilitators by name and role only: learner pages are public, so nothing
  /// else from the roster (organisation, email…) is shown. When the rosters record
  /// qualifications at all, only facilitators qualified for the programme are listed (issue 5).
  func people(_ session: Session, programme: String) -> [[String: Any]] {
    let table = people
    let checksQualifications = table.values.contains { !$0.qualifications.isEmpty }
    let facilitators = session.facilitators.filter { id in
      guard checksQualifications else { return true }
      return table[id]?.isQualified(as: .facilitator, for: programme) ?? false
    }
    var rows: [[String: Any]] = []
    for (key, ids) in [("instructors", session.instructors), ("facilitators", facilitators)]
    where !ids.isEmpty {
      let names = ids.map { table[$0]?.name ?? $0 }.joined(separator: "、")
      rows.append(["role": strings[key], "names": names])
    }
    return rows
  }

  /// The group work of a session: size, roles, phases (with prompts for facilitators only),
  /// cases (answer keys for facilitators only) and questions.
  ///
  /// - Parameters:
  ///   - anchorPrefix: prefixed to the cases' ids, for pages that show several sessions (the
  ///     handout, the facilitator pack), so that two sessions' case 1 do not share an id.
  ///   - caseHeadingLevel: the level of a case's title; its body's headings start one below.
  func groupWorkContext(
    _ spec: GroupWorkSpec, start: ClockTime?, root: String, facilitator: Bool, searchText: inout [String],
    diagnostics: inout [Diagnostic], anchorPrefix: String = "", caseHeadingLevel: Int = 4
  ) -> [String: Any] {
    var context: [String: Any] = [
      "size": String(spec.size),
      "roles": spec.roles.map { role -> [String: Any] in
        var item: [String: Any] = ["nameHtml": HTMLText.html(role.name)]
        if let description = role.description { item["descriptionHtml"] = HTMLText.html(description) }
        return item
      },
      "questions": spec.questions.map { HTMLText.html($0.text) },
      "phases": phaseContexts(spec.phases, start: start, facilitator: facilitator),
    ]
    if spec.rounds > 1 { context["rounds"] = String(spec.rounds) }
    // The section's own headings and lines, as the page shows them.
    searchText.append(strings["groupWork"])
    searchText += spec.roles.flatMap { [HTMLText.plain($0.name), HTMLText.plain($0.description ?? "")] }
    searchText += spec.phases.map { HTMLText.plain($0.title) }
    if !spec.cases.isEmpty { searchText.append(strings["cases"]) }
    if !spec.questions.isEmpty { searchText.append(strings["questions"]) }
    searchText += spec.questions.map { HTMLText.plain($0.text) }
    if facilitator { searchText += spec.phases.flatMap(\.prompts).map(HTMLText.plain) }
    context["cases"] = spec.cases.enumerated().map { index, groupCase -> [String: Any] in
      var item: [String: Any] = [
        "anchor": anchorPrefix + "case-" + (groupCase.id.map(SiteRoutes.segment) ?? String(index + 1)),
        "titleHtml": HTMLText.html(groupCase.title),
      ]
      // Case bodies sit under the case's h4; a body that repeats the case title as its first
      // heading would show the title twice.
      let prefix = item["anchor"] as? String ?? "case"
      let placement = HeadingPlacement(
        headingBase: caseHeadingLevel + 1, idPrefix: prefix + "-", droppingLeadingHeading: groupCase.title)
      if let body = content.render(
        groupCase.body, root: root, placement: placement, diagnostics: &diagnostics)
      {
        item["bodyHtml"] = markedLanguage(of: groupCase.body, body.html)
        searchText.append(HTMLText.plain(groupCase.title) + "\n" + body.plainText)
      }
      if facilitator,
        let key = content.render(
          groupCase.answerKey, root: root,
          placement: HeadingPlacement(headingBase: min(caseHeadingLevel + 2, 6), idPrefix: prefix + "-key-"),
          diagnostics: &diagnostics)
      {
        item["answerKeyHtml"] = markedLanguage(of: groupCase.answerKey, key.html)
        searchText.append(key.plainText)
      }
      return item
    }
    return context
  }

  /// Phases with their own clock times, cumulative from the session's start.
  ///
  /// The key is `phaseTime`, not `timeRange`: Mustache looks a missing key up in the enclosing
  /// context, so a phase without a time used to show the session's whole span. It is always
  /// set (false without a start time) for the same reason.
  func phaseContexts(_ phases: [GroupPhase], start: ClockTime?, facilitator: Bool) -> [[String: Any]] {
    var clock = start
    return phases.map { phase in
      var item: [String: Any] = ["titleHtml": HTMLText.html(phase.title), "minutes": String(phase.minutes)]
      let end = clock?.adding(minutes: phase.minutes)
      item["phaseTime"] = format.timeRange(clock, end) ?? false
      if facilitator {
        item["prompts"] = phase.prompts.map(HTMLText.html)
      } else {
        item["prompts"] = [String]()
      }
      clock = end
      return item
    }
  }

  func facilitatorNotesContext(root: String, diagnostics: inout [Diagnostic]) -> (String, [String: Any]) {
    // Programmes printed one after another in the order they take place, each course in date
    // order (undated courses keep their place after the dated ones).
    func firstDate(_ programme: Programme) -> String { programme.courses.compactMap(\.date).min() ?? "9999" }
    let ordered = project.programmes.enumerated().sorted {
      (firstDate($0.element), $0.offset) < (firstDate($1.element), $1.offset)
    }.map(\.element)
    let programmes: [[String: Any]] = ordered.map { programme in
      let byDate = programme.courses.enumerated().sorted {
        ($0.element.date ?? "9999", $0.offset) < ($1.element.date ?? "9999", $1.offset)
      }.map(\.element)
      let courses: [[String: Any]] = byDate.map { course in
        let sessions: [[String: Any]] = course.timetable.filter { $0.session.kind != .break }.map { slot in
          let session = slot.session
          var item: [String: Any] = [
            "href": SiteRoutes.session(programme.id, course.id, session.id, view: .facilitator),
            "titleHtml": HTMLText.html(session.title),
            // Notes of many sessions share this page: ids are prefixed per session and note.
            "notes": session.facilitatorNotes.enumerated().compactMap { index, note in
              markdownHTML(
                note, root: root,
                placement: HeadingPlacement(
                  headingBase: 5,
                  idPrefix: "\(SiteRoutes.segment(programme.id))-\(SiteRoutes.segment(course.id))-"
                    + "\(SiteRoutes.segment(session.id))-note\(index + 1)-"),
                diagnostics: &diagnostics)
            },
            "phases": phaseContexts(session.groupWork?.phases ?? [], start: slot.start, facilitator: true),
          ]
          if let other = otherLanguage(of: session, in: programme) { item["titleLang"] = other }
          if let range = format.timeRange(slot.start, slot.end) { item["timeRange"] = range }
          return item
        }
        var item: [String: Any] = [
          "titleHtml": HTMLText.html(course.title), "sessions": sessions,
          "packHref": SiteRoutes.facilitatorPack(programme.id, course.id),
        ]
        if let date = course.date { item["date"] = format.date(date) }
        return item
      }
      return [
        "anchor": "p-" + SiteRoutes.segment(programme.id), "titleHtml": HTMLText.html(programme.title),
        "courses": courses,
      ]
    }
    return (strings["facilitatorNotes"], ["programmes": programmes])
  }
}
