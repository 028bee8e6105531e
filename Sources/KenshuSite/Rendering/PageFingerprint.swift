import KenshuModel

/// A hash of everything a page shows, for the pages that are many (sessions) or large
/// (handouts, timetables): when it equals the previous build's, the page is not rendered again.
///
/// Each function must feed the hasher every input its context builder reads; missing one would
/// leave a stale page, so the inputs are listed next to the context they mirror.
extension PageRenderer {
  func fingerprint(_ page: SitePage) -> Int? {
    var ignored: [String] = []
    return fingerprint(page, sources: &ignored)
  }

  /// The fingerprint, and in `sources` the `content/` files it read: the pages a content file
  /// appears on, for rebuilds that re-render only those (`SiteBuilder.patch`).
  func fingerprint(_ page: SitePage, sources: inout [String]) -> Int? {
    var hasher = Hasher()
    hasher.combine(sharedFingerprint)
    hasher.combine(page.path)
    hasher.combine(page.view)
    var unreadable = false
    func text(_ block: MarkdownBlock?) {
      guard let block else { return hasher.combine(0) }
      if case .file(let path) = block.source { sources.append(path) }
      var ignored: [Diagnostic] = []
      if let source = content.source(of: block, diagnostics: &ignored) {
        hasher.combine(source.hash)
        hasher.combineUTF8(source.folder)
      } else {
        unreadable = true
      }
    }
    switch page.kind {
    case .session(let p, let c, let s):
      let programme = project.programmes[p]
      let course = programme.courses[c]
      let slot = timetables[p][c][s]
      hasher.combine(programme.id)
      hasher.combine(programme.title)
      hasher.combine(course.id)
      hasher.combine(course.title)
      hasher.combine(slot)
      let pages = course.sessions.indices.filter { course.sessions[$0].kind != .break }
      if let here = pages.firstIndex(of: s) {
        for neighbour in [here - 1, here + 1] where pages.indices.contains(neighbour) {
          hasher.combine(course.sessions[pages[neighbour]].id)
          hasher.combine(course.sessions[pages[neighbour]].title)
        }
      }
      activityInputs(slot.session, into: &hasher)
      for id in slot.session.instructors + slot.session.facilitators { hasher.combine(people[id]?.name) }
      text(slot.session.content)
      for note in slot.session.facilitatorNotes { text(note) }
      for groupCase in slot.session.groupWork?.cases ?? [] {
        text(groupCase.body)
        text(groupCase.answerKey)
      }
    case .handout(let p, let c), .timetable(let p, let c):
      let programme = project.programmes[p]
      let course = programme.courses[c]
      hasher.combine(programme.id)
      hasher.combine(programme.title)
      hasher.combine(programme.venue)
      hasher.combine(course)
      text(course.description)
      for session in course.sessions {
        activityInputs(session, into: &hasher)
        if case .handout = page.kind { text(session.content) }
      }
    case .programme(let p):
      // Its courses' dates, times and modes, and the purpose.
      let programme = project.programmes[p]
      hasher.combine(programme)
      text(programme.purpose)
    case .facilitatorNotes:
      // Every session's title, time and phases, and every note. Hashing the whole model costs
      // a few milliseconds once per build; rendering this page on a big project costs a
      // hundred times that, and a rebuild then renders it only when a note changed.
      hasher.combine(project.programmes)
      for programme in project.programmes {
        for course in programme.courses {
          for session in course.sessions {
            for note in session.facilitatorNotes { text(note) }
          }
        }
      }
    default:
      return nil
    }
    return unreadable ? nil : hasher.finalize()
  }

  /// Whether the session's survey or module page exists changes its link.
  private func activityInputs(_ session: Session, into hasher: inout Hasher) {
    hasher.combine(session.survey.map { project.survey($0) != nil })
    hasher.combine(session.module.map { project.module($0) != nil })
  }
}
