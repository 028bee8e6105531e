import Foundation
import KenshuModel

/// The files under `content/` that only facilitator material shows, which the learner edition
/// leaves out.
///
/// Non-Markdown files under `content/` are copied to the site because Markdown links to them.
/// A file that a facilitator note or an answer key links to or shows (a PDF of the model answer,
/// a diagram of the solution), or a non-Markdown source of such a block, would otherwise be
/// published with the learner site. It is left out unless learner material (session content,
/// case bodies, purposes, descriptions, lessons, scenarios, the logo) links to it or reads it
/// too. Files no Markdown mentions are copied as before: nothing says they are facilitator-only.
struct FacilitatorOnlyFiles: Sendable, Equatable {
  /// `content/`-relative paths left out of the learner edition.
  var excluded: Set<String> = []
  /// What facilitator-only blocks link to or read (besides Markdown files, which are never
  /// copied): the files that could be excluded.
  var candidates: Set<String> = []
  /// `content/` files holding a facilitator note or an answer key, with what each links to.
  var facilitatorSources: [String: Set<String>] = [:]
  /// For each learner Markdown file, the candidates it links to or reads: an edit that changes
  /// these changes `excluded` (see `SiteBuilder.patch`).
  var learnerFileCandidates: [String: Set<String>] = [:]

  init() {}

  /// Reads every facilitator-only block (reporting unreadable ones, as the facilitator pages
  /// would) and, only when they link to files, the learner blocks.
  init(project: Project, content: ContentStore, diagnostics: inout [Diagnostic]) {
    for block in Self.facilitatorBlocks(of: project) {
      let links = Self.paths(content.contentLinks(of: block, diagnostics: &diagnostics))
      if let path = block.path {
        facilitatorSources[path, default: []].formUnion(links)
        if !Self.isMarkdown(path) { candidates.insert(path) }
      }
      candidates.formUnion(links)
    }
    guard !candidates.isEmpty else { return }
    var shown: Set<String> = []
    if let logo = project.settings.logo, let resolved = LinkPolicy.resolve(logo, fromFolder: "") {
      shown.insert(resolved)
    }
    for block in Self.learnerBlocks(of: project) {
      var ignored: [Diagnostic] = []
      var reached = Self.paths(content.contentLinks(of: block, diagnostics: &ignored))
      if let path = block.path { reached.insert(path) }
      reached.formIntersection(candidates)
      guard !reached.isEmpty else { continue }
      shown.formUnion(reached)
      if let path = block.path { learnerFileCandidates[path, default: []].formUnion(reached) }
    }
    excluded = candidates.subtracting(shown)
  }

  /// Whether the Markdown file `path`, just edited, leaves all this as it is: as a note or
  /// answer key it is still readable (a full build reports it otherwise) and links to the same
  /// files; as learner text it links to the same candidates.
  func isUnchanged(byEditOf path: String, content: ContentStore) -> Bool {
    let facilitatorLinks = facilitatorSources[path]
    if facilitatorLinks == nil, candidates.isEmpty { return true }
    var ignored: [Diagnostic] = []
    guard let links = content.contentLinks(of: MarkdownBlock(.file(path)), diagnostics: &ignored) else {
      return facilitatorLinks == nil
    }
    var reached = Self.paths(links)
    if let facilitatorLinks, reached != facilitatorLinks { return false }
    reached.insert(path)
    return reached.intersection(candidates) == (learnerFileCandidates[path] ?? [])
  }

  /// Whether the copied file `path` is left out: it, or a folder holding it, is excluded (a
  /// note may link to a folder of answer sheets).
  func excludes(_ path: String) -> Bool {
    guard !excluded.isEmpty else { return false }
    var current = Substring(path)
    while true {
      if excluded.contains(String(current)) { return true }
      guard let slash = current.lastIndex(of: "/") else { return false }
      current = current[..<slash]
    }
  }

  static func isMarkdown(_ path: String) -> Bool { path.lowercased().hasSuffix(".md") }

  /// Link targets as written and percent-decoded (`%E7%AD%94.pdf` names the file `答.pdf`),
  /// without a trailing slash.
  static func paths(_ links: [String]?) -> Set<String> {
    var result: Set<String> = []
    for link in links ?? [] {
      let trimmed = link.hasSuffix("/") ? String(link.dropLast()) : link
      result.insert(trimmed)
      if let decoded = trimmed.removingPercentEncoding { result.insert(decoded) }
    }
    return result
  }

  /// Facilitator notes and answer keys: the Markdown only facilitator pages show.
  static func facilitatorBlocks(of project: Project) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    for session in project.programmes.lazy.flatMap({ $0.courses }).flatMap({ $0.sessions }) {
      blocks += session.facilitatorNotes
      blocks += (session.groupWork?.cases ?? []).compactMap(\.answerKey)
    }
    return blocks
  }

  /// Every other Markdown block: what learner pages show. Missing one here can only keep a
  /// file out of the learner edition that it needed (a broken link), never publish one.
  static func learnerBlocks(of project: Project) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock?] = []
    for programme in project.programmes {
      blocks.append(programme.purpose)
      for course in programme.courses {
        blocks.append(course.description)
        for session in course.sessions {
          blocks.append(session.content)
          blocks += (session.groupWork?.cases ?? []).map(\.body)
        }
      }
    }
    for module in project.modules {
      blocks.append(module.description)
      blocks += module.lessons.map(\.body) + module.scenarios.map(\.situation)
    }
    blocks += project.surveys.map(\.description)
    return blocks.compactMap { $0 }
  }
}
