import Foundation
import KenshuModel

/// Text of a learner page for the search index.
struct SearchDocument: Sendable, Hashable {
  var title: String
  var path: String
  var text: String
  /// Section headings of the page: a match there ranks above one in the body text.
  var headings: [String] = []
  /// Readings of the page's ruby and glossary terms (ひらがな), searchable but not shown.
  var readings: [String] = []
}

/// One rendered page.
struct RenderedPage: Sendable {
  var page: SitePage
  var html: String
  var diagnostics: [Diagnostic]
  var searchDocument: SearchDocument?
}

/// Turns a planned page into HTML: builds the page's template context from the model, renders
/// the page template, then wraps it in the layout.
///
/// Context keys ending in `Html` hold HTML this code produced from escaped text or policed
/// Markdown and are used with `{{{…}}}`; every other key is plain text that Mustache escapes.
struct PageRenderer: Sendable {
  let project: Project
  /// How contexts read `content/`; `recording()` gives a copy that records what a page reads.
  private(set) var content: ContentReader
  let theme: Theme
  /// The interface words and date formats of the page being built: those of its content's
  /// language (`localized(for:)`), the site's everywhere else.
  private(set) var strings: UIStrings
  private(set) var format: DisplayFormat
  /// The `xml:lang` of the page being built's content (the site's by default).
  private(set) var contentLanguage: String
  let options: BuildOptions
  /// The edition being built (`BuildOptions.edition`, effective for the project).
  let edition: SiteEdition
  /// `Course.timetable` of every course, `[programme][course]`, computed once per build.
  let timetables: [[[TimetableSlot]]]
  let people: [String: Person]
  let layouts = LayoutCache()
  /// What every page's output depends on besides its context and layout frame: the theme's
  /// templates and the interface strings (`t`), hashed once per build rather than per page.
  let sharedFingerprint: Int
  /// Module pages rendered for a SCORM package: no site navigation, no links out of the module.
  var packaged = false
  /// Seating of group-work sessions from `kenshu groups` (`GroupSeating.read`), shown in the
  /// facilitator packs; empty in the learner edition.
  var groupSeating: [String: [GroupSeating]] = [:]

  init(
    project: Project, content: ContentStore, theme: Theme, options: BuildOptions
  ) {
    self.project = project
    self.content = ContentReader(store: content)
    self.theme = theme
    self.options = options
    edition = options.edition.effective(for: project.settings)
    strings = UIStrings(language: project.settings.language)
    format = DisplayFormat(language: project.settings.language)
    contentLanguage = project.settings.language.isEmpty ? "ja" : project.settings.language
    timetables = project.programmes.map { $0.courses.map(\.timetable) }
    people = project.peopleByID
    var shared = Hasher()
    shared.combine(theme.fingerprint)
    // Pages take the words of their content's language, so both tables are part of every page.
    _ = ContextFingerprint.combine(UIStrings(language: "ja").table, into: &shared)
    _ = ContextFingerprint.combine(UIStrings(language: "en").table, into: &shared)
    sharedFingerprint = shared.finalize()
  }

  var siteTitle: String { project.settings.title ?? project.programmes.first?.title ?? "Kenshu" }

  /// The language of a page's content: the `xml:lang` of its session, programme, module or
  /// survey, else the site's. A Japanese site's English programme has English pages, and the
  /// other way round; so has an English session of a Japanese programme.
  func language(of page: SitePage) -> String {
    let declared: String? =
      switch page.kind {
      case .session(let p, let c, let s):
        project.programmes[p].courses[c].sessions[s].language ?? project.programmes[p].language
      case .programme(let p), .timetable(let p, _), .handout(let p, _), .facilitatorPack(let p, _):
        project.programmes[p].language
      case .module(let id), .modulePart(let id, _): project.module(id)?.language
      case .survey(let id): project.survey(id)?.language
      default: nil
      }
    let site = project.settings.language.isEmpty ? "ja" : project.settings.language
    guard let declared, !declared.isEmpty else { return site }
    return declared
  }

  /// This renderer with the interface words and formats of `page`'s content language.
  func localized(for page: SitePage) -> PageRenderer {
    let language = language(of: page)
    if language == contentLanguage { return self }
    var copy = self
    copy.contentLanguage = language
    copy.strings = UIStrings.shared(for: language)
    copy.format = DisplayFormat(language: language)
    return copy
  }

  /// The page's title, template context and search text, built from the model; `content`
  /// records the `content/` files read on the way.
  func context(of page: SitePage) -> PageContext {
    localized(for: page).localizedContext(of: page)
  }

  private func localizedContext(of page: SitePage) -> PageContext {
    var diagnostics: [Diagnostic] = []
    var search: SearchDocument?
    let root = page.root
    var body: [String: Any]
    let title: String
    switch page.kind {
    case .home:
      (title, body) = homeContext(root: root)
    case .programme(let p):
      (title, body, search) = programmeContext(p, page: page, diagnostics: &diagnostics)
    case .timetable(let p, let c):
      (title, body, search) = timetableContext(p, c, page: page, diagnostics: &diagnostics)
    case .handout(let p, let c):
      (title, body) = handoutContext(p, c, root: root, diagnostics: &diagnostics)
    case .session(let p, let c, let s):
      (title, body, search) = sessionContext(p, c, s, page: page, diagnostics: &diagnostics)
    case .facilitatorNotes:
      (title, body) = facilitatorNotesContext(root: root, diagnostics: &diagnostics)
    case .facilitatorPack(let p, let c):
      (title, body) = facilitatorPackContext(p, c, root: root, diagnostics: &diagnostics)
    case .glossary:
      (title, body, search) = glossaryContext(page: page)
    case .search:
      (title, body) = (strings["search"], [:])
    case .verify:
      (title, body) = (strings["verify"], [:])
    case .checkIn:
      (title, body) = (strings["checkIn"], CheckInPageContext(project: project, format: format).context)
      // Check-ins go where the survey forms post (`collect-url`), else to this origin.
      if let url = collectBase { body["collectURL"] = url }
    case .survey(let id):
      (title, body) = surveyContext(id, root: root, diagnostics: &diagnostics)
    case .module(let id):
      (title, body, search) = moduleOverviewContext(id, page: page, diagnostics: &diagnostics)
    case .modulePart(let id, let part):
      (title, body, search) = modulePartContext(id, part, page: page, diagnostics: &diagnostics)
    }
    body["root"] = root
    if search == nil { search = additionalSearchDocument(for: page) }
    return PageContext(title: title, body: body, diagnostics: diagnostics, searchDocument: search)
  }

  /// Renders a page's context with its template and wraps it in the layout.
  func render(_ page: SitePage, context: PageContext) -> RenderedPage {
    localized(for: page).localizedRender(page, context: context)
  }

  private func localizedRender(_ page: SitePage, context: PageContext) -> RenderedPage {
    var body = context.body
    body["t"] = strings.table
    let bodyHtml = theme.render(page.kind.templateName, body) ?? ""
    let html = layouts.wrap(
      bodyHtml, title: context.title, canonicalURL: canonicalURL(for: page), page: page, renderer: self)
    return RenderedPage(
      page: page, html: html, diagnostics: context.diagnostics, searchDocument: context.searchDocument)
  }

  func render(_ page: SitePage) -> RenderedPage { render(page, context: context(of: page)) }

  /// A copy whose context builders record the `content/` files they read in `recorder`.
  func recording(into recorder: ReadRecorder) -> PageRenderer {
    var copy = self
    copy.content = ContentReader(store: content.store, recorder: recorder)
    return copy
  }

  // MARK: Layout

  func layoutContext(page: SitePage, title: String, breadcrumbs: [[String: Any]]) -> [String: Any] {
    let settings = project.settings
    var nav: [[String: Any]] = [
      ["href": SiteRoutes.home, "label": strings["home"], "current": page.kind == .home],
      ["href": SiteRoutes.glossary, "label": strings["glossary"], "current": page.kind == .glossary],
      ["href": SiteRoutes.search, "label": strings["search"], "current": page.kind == .search],
    ]
    // The facilitator edition leads to the notes from every page; the learner edition has no
    // facilitator page to lead to.
    if page.view == .facilitator || edition.includesFacilitatorPages {
      nav.append([
        "href": SiteRoutes.facilitatorNotes, "label": strings["facilitatorNotes"],
        "current": page.kind == .facilitatorNotes,
      ])
    }
    var scripts: [String] = []
    if page.kind == .search {
      scripts = [SiteRoutes.searchManifest, "assets/search.js"]
    }
    if case .survey = page.kind { scripts = ["assets/survey.js"] }
    if page.kind == .verify { scripts = [SiteRoutes.verifyData, "assets/verify.js"] }
    if page.kind == .checkIn { scripts = ["assets/checkin.js"] }
    var stylesheets: [String] = []
    if page.isModulePage {
      scripts = ["assets/module.js"]
      stylesheets = ["assets/module.css"]
    }
    // Every page of the site re-sends survey answers still waiting on this device; first, so
    // that survey.js finds window.KenshuOutbox (deferred scripts run in order). Every page also
    // registers the offline worker (sw.js), last. A packaged module has no collection server,
    // no outbox and no worker: it runs inside the LMS's origin (docs/modules.md, "Offline").
    if !packaged {
      scripts.insert("assets/outbox.js", at: 0)
      scripts.append("assets/offline.js")
    }
    var context: [String: Any] = [
      // The content's language (a language without interface words, fr, keeps Japanese words).
      "lang": contentLanguage,
      "root": page.root,
      "pageTitle": title,
      "siteTitle": HTMLText.plain(siteTitle),
      "t": strings.table,
      "showNavigation": !isHandout(page) && !packaged,
      "extraStylesheets": stylesheets,
      "facilitatorView": page.view == .facilitator,
      "navItems": nav,
      "breadcrumbs": breadcrumbs,
      "scripts": scripts,
      "bodyClass": "page-\(page.kind.templateName) view-\(page.view.rawValue)"
        + (printedProgramme(of: page).map { " " + PrintedEdition.bodyClass($0) } ?? ""),
    ]
    if let footer = settings.footer { context["footerHtml"] = HTMLText.html(footer) }
    if let organiser = settings.organiser { context["organiser"] = organiser }
    if let logo = settings.logo, LinkPolicy.resolve(logo, fromFolder: "") != nil {
      context["logoSrc"] = "content/" + logo
    }
    if let url = canonicalURL(for: page) { context["canonicalURL"] = url }
    // Forms post to the collection server; another origin must be allowed to receive them.
    if let origin = collectOrigin { context["connectOrigin"] = origin }
    context["contentSecurityPolicy"] = ContentSecurityPolicy.policy(connectOrigin: collectOrigin)
    return context
  }

  func canonicalURL(for page: SitePage) -> String? {
    guard let base = options.baseURL else { return nil }
    return base + (page.path.hasSuffix("index.html") ? String(page.path.dropLast(10)) : page.path)
  }

  /// The programme a page belongs to, whose title and edition its printed pages carry.
  func printedProgramme(of page: SitePage) -> Programme? {
    switch page.kind {
    case .programme(let p), .timetable(let p, _), .session(let p, _, _), .handout(let p, _),
      .facilitatorPack(let p, _):
      project.programmes.indices.contains(p) ? project.programmes[p] : nil
    default: nil
    }
  }

  func isHandout(_ page: SitePage) -> Bool {
    switch page.kind {
    case .handout, .facilitatorPack: return true
    default: return false
    }
  }

  func breadcrumbs(for page: SitePage) -> [[String: Any]] {
    func crumb(_ href: String, _ label: String) -> [String: Any] {
      ["href": href, "label": HTMLText.plain(label)]
    }
    let home = crumb(SiteRoutes.home, strings["home"])
    switch page.kind {
    case .programme:
      return [home]
    case .timetable(let p, _), .handout(let p, _):
      let programme = project.programmes[p]
      return [home, crumb(SiteRoutes.programme(programme.id), programme.title)]
    case .session(let p, let c, _):
      let programme = project.programmes[p]
      let course = programme.courses[c]
      // A session in another language than its programme: the programme's and course's titles
      // above it keep theirs.
      var programmeCrumbs = [
        crumb(SiteRoutes.programme(programme.id), programme.title),
        crumb(SiteRoutes.timetable(programme.id, course.id), course.title),
      ]
      // A programme without `xml:lang` is in the site's language.
      let programmeLanguage = programme.language.isEmpty ? project.settings.language : programme.language
      if let other = otherLanguage(programmeLanguage) {
        for index in programmeCrumbs.indices { programmeCrumbs[index]["crumbLang"] = other }
      }
      return [home] + programmeCrumbs
    case .home:
      return []
    case .module, .modulePart:
      return moduleBreadcrumbs(for: page)
    default:
      return [home]
    }
  }

  // MARK: Shared pieces

  func markdownHTML(
    _ block: MarkdownBlock?, root: String, placement: HeadingPlacement = HeadingPlacement(),
    diagnostics: inout [Diagnostic]
  ) -> String? {
    content.render(block, root: root, placement: placement, diagnostics: &diagnostics)
      .map { markedLanguage(of: block, $0.html) }
  }

  /// A text's HTML inside `<div lang="…">` when the text says it is in another language than
  /// the page (`<content xml:lang="ja">` in an English programme), so that browsers, screen
  /// readers and fonts treat it as that language.
  func markedLanguage(of block: MarkdownBlock?, _ html: String) -> String {
    guard let language = block?.language, let other = otherLanguage(language) else { return html }
    return "<div lang=\"\(Markup.escape(other))\">\n\(html)</div>\n"
  }

  func objectives(_ list: [Objective]) -> [String] { list.map { HTMLText.html($0.text) } }

  func professions(_ list: [Profession]) -> [String] {
    list.map { $0.label(language: strings.language) }
  }
}
