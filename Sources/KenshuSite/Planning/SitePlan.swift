import KenshuModel

/// The list of pages a project becomes, decided from the model alone (no I/O).
public struct SitePlan: Sendable {
  public var pages: [SitePage]
  public var diagnostics: [Diagnostic]
  /// The edition planned (already `effective` for the project): the learner edition has no
  /// facilitator page at all.
  public var edition: SiteEdition

  /// Pages that go into the search index: pages with text of their own (the facilitator
  /// edition's session pages of both views).
  public var searchablePageCount: Int {
    pages.filter { page in
      switch page.kind {
      case .programme, .timetable, .glossary, .session: true
      default: false
      }
    }.count
  }

  /// Parts the search index is cut in (at least one; `SearchIndexPart`).
  public var searchIndexParts: Int {
    max(1, (searchablePageCount + SearchIndex.documentsPerPart - 1) / SearchIndex.documentsPerPart)
  }

  /// `edition` is the one asked for; the plan is made for its `effective` edition.
  public init(project: Project, edition: SiteEdition = .learner) {
    let edition = edition.effective(for: project.settings)
    let views: [PageView] = edition.includesFacilitatorPages ? [.learner, .facilitator] : [.learner]
    var pages: [SitePage] = [SitePage(path: SiteRoutes.home, kind: .home)]
    var diagnostics: [Diagnostic] = []
    for (p, programme) in project.programmes.enumerated() {
      pages.append(SitePage(path: SiteRoutes.programme(programme.id), kind: .programme(p)))
      for (c, course) in programme.courses.enumerated() {
        pages.append(
          SitePage(
            path: SiteRoutes.timetable(programme.id, course.id), kind: .timetable(programme: p, course: c)))
        pages.append(
          SitePage(path: SiteRoutes.handout(programme.id, course.id), kind: .handout(programme: p, course: c))
        )
        for (s, session) in course.sessions.enumerated() {
          let kind = PageKind.session(programme: p, course: c, session: s)
          for view in views {
            let path = SiteRoutes.session(programme.id, course.id, session.id, view: view)
            pages.append(SitePage(path: path, kind: kind, view: view))
          }
        }
      }
    }
    if edition.includesFacilitatorPages {
      pages.append(SitePage(path: SiteRoutes.facilitatorNotes, kind: .facilitatorNotes, view: .facilitator))
      for (p, programme) in project.programmes.enumerated() {
        for c in programme.courses.indices {
          pages.append(
            SitePage(
              path: SiteRoutes.facilitatorPack(programme.id, programme.courses[c].id),
              kind: .facilitatorPack(programme: p, course: c), view: .facilitator))
        }
      }
    }
    pages.append(SitePage(path: SiteRoutes.glossary, kind: .glossary))
    pages.append(SitePage(path: SiteRoutes.search, kind: .search))
    if project.programmes.contains(where: { !$0.allAwards.isEmpty }) {
      pages.append(SitePage(path: SiteRoutes.verify, kind: .verify))
    }
    // In both editions: it holds no personal data, and whichever edition `serve --collect`
    // serves must have it. Linked from no learner page (docs/training-day.md).
    if !CheckInPageContext.programmes(of: project).isEmpty {
      pages.append(SitePage(path: SiteRoutes.checkIn, kind: .checkIn))
    }
    for survey in Self.surveyIDs(in: project, diagnostics: &diagnostics) {
      pages.append(SitePage(path: SiteRoutes.survey(survey), kind: .survey(id: survey)))
    }
    for module in Self.moduleIDs(in: project, diagnostics: &diagnostics) {
      if let found = project.module(module) {
        pages += SiteRoutes.modulePages(found)
      } else {
        pages.append(SitePage(path: SiteRoutes.module(module), kind: .module(id: module)))
      }
    }

    // Two ids that differ only in characters `SiteRoutes.segment` replaces would share a folder.
    var seen: Set<String> = []
    var unique: [SitePage] = []
    for page in pages {
      if seen.insert(page.path).inserted {
        unique.append(page)
      } else {
        diagnostics.append(
          .error(Catalogue.duplicatePage, page.path, at: Self.location(of: page, in: project)))
      }
    }
    self.pages = unique
    self.diagnostics = diagnostics
    self.edition = edition
  }

  /// Surveys defined in the project; sessions naming an unknown survey are reported (their
  /// timetable entry then has no link, so no link breaks).
  static func surveyIDs(in project: Project, diagnostics: inout [Diagnostic]) -> [String] {
    let known = Set(project.surveys.map(\.id))
    for session in project.programmes.flatMap({ $0.courses.flatMap(\.sessions) }) {
      if let id = session.survey, !known.contains(id) {
        diagnostics.append(
          .warning(
            Catalogue.siteUnknownSurvey, (session.title, id), at: session.location ?? SourceLocation(file: "")
          ))
      }
    }
    return project.surveys.map(\.id)
  }

  static func moduleIDs(in project: Project, diagnostics: inout [Diagnostic]) -> [String] {
    let known = Set(project.modules.map(\.id))
    for session in project.programmes.flatMap({ $0.courses.flatMap(\.sessions) }) {
      if let id = session.module, !known.contains(id) {
        diagnostics.append(
          .warning(
            Catalogue.siteUnknownModule, (session.title, id), at: session.location ?? SourceLocation(file: "")
          ))
      }
    }
    return project.modules.map(\.id)
  }

  static func location(of page: SitePage, in project: Project) -> SourceLocation {
    let unknown = SourceLocation(file: "")
    switch page.kind {
    case .programme(let p): return project.programmes[p].location ?? unknown
    case .timetable(let p, let c), .handout(let p, let c), .facilitatorPack(let p, let c):
      return project.programmes[p].courses[c].location ?? unknown
    case .session(let p, let c, let s):
      return project.programmes[p].courses[c].sessions[s].location ?? unknown
    default: return unknown
    }
  }
}
