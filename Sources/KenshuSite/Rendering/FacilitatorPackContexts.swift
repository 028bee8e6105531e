import KenshuModel

/// The context of a course's facilitator pack (`facilitator/programmes/P/C/pack/index.html`):
/// the course's timetable, then each session on its own printed pages with who runs it, its
/// facilitator notes and its group work with phase prompts, cases and their answer keys.
/// Planned only in the facilitator edition (`SitePlan`), so no learner edition holds it.
extension PageRenderer {
  func facilitatorPackContext(_ p: Int, _ c: Int, root: String, diagnostics: inout [Diagnostic]) -> (
    String, [String: Any]
  ) {
    let programme = project.programmes[p]
    let course = programme.courses[c]
    var context = courseHeader(programme, course, root: root, diagnostics: &diagnostics)
    context["backHref"] = SiteRoutes.facilitatorNotes
    context["slots"] = timetables[p][c].map { slot in slotContext(programme, course, slot) }
    context["sessions"] = timetables[p][c].filter { $0.session.kind != .break }.compactMap {
      slot -> [String: Any]? in
      let session = slot.session
      let anchor = "s-" + SiteRoutes.segment(session.id)
      var item: [String: Any] = [
        "anchor": anchor, "titleHtml": HTMLText.html(session.title), "kindLabel": kindLabel(session.kind),
        "people": people(session, programme: programme.id),
        "notes": session.facilitatorNotes.enumerated().compactMap { index, note in
          markdownHTML(
            note, root: root,
            placement: HeadingPlacement(headingBase: 4, idPrefix: "\(anchor)-note\(index + 1)-"),
            diagnostics: &diagnostics)
        },
        "minutes": session.durationMinutes.map(String.init) ?? "",
      ]
      if let other = otherLanguage(of: session, in: programme) { item["titleLang"] = other }
      item["timeRange"] = format.timeRange(slot.start, slot.end) ?? false
      if let spec = session.groupWork {
        var unused: [String] = []
        item["groupWork"] = groupWorkContext(
          spec, start: slot.start, root: root, facilitator: true, searchText: &unused,
          diagnostics: &diagnostics,
          anchorPrefix: anchor + "-", caseHeadingLevel: 5)
      }
      // The plan's tables, one per round, when kenshu groups has seated this session.
      let seating = groupSeating[programme.id + "/" + session.id] ?? []
      let rounds = seating.reduce(into: [String]()) { if !$0.contains($1.round) { $0.append($1.round) } }
      item["seating"] = rounds.map { round -> [String: Any] in
        [
          "round": round,
          "groups": seating.filter { $0.round == round }.map { table -> [String: Any] in
            [
              "group": table.group, "facilitator": table.facilitator ?? "",
              "members": table.members.map { ["name": $0.name, "profession": $0.profession] },
            ]
          },
        ]
      }
      let empty = (item["notes"] as? [String])?.isEmpty ?? true
      // Sessions with nothing for a facilitator (an opening without notes) stay in the timetable only.
      return empty && session.groupWork == nil ? nil : item
    }
    return (HTMLText.plain(course.title) + " — " + strings["facilitatorPack"], context)
  }
}
