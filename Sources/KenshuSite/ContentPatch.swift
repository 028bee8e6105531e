import Foundation
import KenshuModel

/// The preview server's fast rebuild: after edits to Markdown files only, render just the
/// pages that show them.
///
/// The previous build recorded, per content file, the pages whose fingerprint read it. When the
/// project, the theme and the output are what that build used, a page that reads none of the
/// edited files cannot have changed, so it is neither fingerprinted nor rendered nor written.
/// Pages without a fingerprint (any page whose last rendering had diagnostics) are always
/// rendered, as in a full build. Anything else —
/// another project value, another theme, an atomic write, a file that is not Markdown or no
/// longer exists — answers nil and the caller builds the whole site.
extension SiteBuilder {
  func patch(_ project: Project, changedContent: Set<String>) throws -> BuildReport? {
    let started = Date()
    guard let plan = patchPlan(project, changedContent: changedContent) else { return nil }
    // From here on the patch owns the record: it moves the tables it updates out of it
    // (`patchedOutcome`), and a patch that fails must not leave it behind anyway.
    var previous = state.take(for: options.output)
    let (theme, themeStamps, pages, selected, searchParts) = (
      plan.theme, plan.themeStamps, plan.pages, plan.selected, plan.searchParts
    )
    // The previous renderer while the theme is the one it was made with (the project is equal).
    var renderer: PageRenderer
    if plan.keptTheme, let kept = previous.renderer {
      renderer = kept
    } else {
      renderer = PageRenderer(project: project, content: content, theme: theme, options: options)
    }
    if options.edition.effective(for: project.settings).includesFacilitatorPages {
      renderer.groupSeating = GroupSeating.read(projectRoot: projectRoot, project: project)
    }
    let writer: SiteWriteSession
    do {
      // The writer updates the hashes in place (`carriesOver`): they are moved to it, not
      // shared, and `commit` hands them back.
      var hashes: [String: Int] = [:]
      swap(&hashes, &previous.hashes)
      writer = try SiteWriteSession(
        output: options.output, mode: .inPlace, previousHashes: consume hashes, carriesOver: true,
        beforeWrite: beforeWrite)
    } catch {
      // The hashes went to the writer that failed: the next build is a full one.
      state.forget(output: options.output)
      throw error
    }
    // From here on pages are written in place: if anything throws (a write fails), the folder
    // may hold some new pages, so the next build must not trust the recorded hashes (it would
    // skip writing back a page whose new text equals the recorded one, leaving what this patch
    // wrote). The record was taken from `state`, so nothing of it is left there.
    var settled = false
    defer {
      if !settled { writer.abandon() }
    }
    var stages: [(stage: String, seconds: Double)] = [("plan", Date().timeIntervalSince(started))]
    var mark = Date()
    var outcome = try renderAndWritePages(
      pages, with: renderer, to: writer, only: selected.sorted(), previous: &previous)
    outcome.dependents = previous.dependents  // the same project shows the same files on the same pages
    stages.append(("render", Date().timeIntervalSince(mark)))
    mark = Date()
    var files: [String: Data] = [:]
    let (written, searchIndexBytes) = writeSearchIndex(
      outcome, parts: searchParts, previous: previous, writer: writer, into: &files)
    let diagnostics = Self.unique(previous.carriedDiagnostics + outcome.diagnostics)
    var report = BuildReport(
      pages: pages.count, files: 0, written: 0, unchanged: 0, removed: 0, seconds: 0,
      diagnostics: diagnostics, published: false, searchIndexBytes: searchIndexBytes, searchScriptBytes: 0)
    if diagnostics.hasErrors {
      stages.append(("write", Date().timeIntervalSince(mark)))
      mark = Date()
      writer.abandon()
      // In place, some pages may already be new: the next build must not trust this state.
      state.forget(output: options.output)
    } else {
      for (path, data) in files { try writer.put(path, data) }
      stages.append(("write", Date().timeIntervalSince(mark)))
      mark = Date()
      let (counts, hashes) = try writer.commit()
      var next = previous
      next.theme = theme
      next.themeStamps = themeStamps
      next.hashes = hashes
      next.fingerprints = outcome.fingerprints
      next.entries = outcome.entriesByPath
      next.searchIndex = written
      next.dependents = outcome.dependents
      next.searchEntries = outcome.searchEntries
      next.searchPositions = outcome.searchPositions
      next.unfingerprinted = outcome.unfingerprinted
      next.renderer = renderer
      state.remember(next, for: options.output)
      report.files = counts.written + counts.unchanged
      report.written = counts.written
      report.unchanged = counts.unchanged
      report.published = true
    }
    stages.append(("commit", Date().timeIntervalSince(mark)))
    report.stageSeconds = stages
    report.seconds = Date().timeIntervalSince(started)
    settled = true
    return report
  }

  /// What a patch renders, decided from the previous build's record before the patch takes it
  /// (`patch`): nil when the whole site must be built.
  struct PatchPlan {
    var theme: Theme
    /// Whether `theme` is the previous build's own (no template file changed).
    var keptTheme: Bool
    var themeStamps: [Theme.TemplateStamp?]
    var pages: [SitePage]
    var selected: Set<Int>
    var searchParts: Int
  }

  func patchPlan(_ project: Project, changedContent: Set<String>) -> PatchPlan? {
    let previous = state.previous(for: options.output)
    guard options.writeMode == .inPlace, let oldProject = previous.project, !previous.pages.isEmpty,
      FileManager.default.fileExists(
        atPath: options.output.appendingPathComponent(SiteWriteSession.marker).path)
    else { return nil }
    let contentRoot = content.contentRoot.path
    for path in changedContent {
      // Another kind of file (an image is copied, not rendered), or a deleted one: full build.
      guard path.lowercased().hasSuffix(".md"), FileStamp(path: contentRoot + "/" + path) != nil else {
        return nil
      }
    }
    guard oldProject == project else { return nil }
    var diagnostics: [Diagnostic] = []
    // The previous build's theme while no template file changed (`Theme.templateStamps`).
    let themeStamps = Theme.templateStamps(projectRoot: projectRoot)
    let theme: Theme
    var keptTheme = false
    if let kept = previous.theme, previous.themeStamps == themeStamps {
      theme = kept
      keptTheme = true
    } else {
      theme = Theme.load(projectRoot: projectRoot, diagnostics: &diagnostics)
      guard diagnostics.isEmpty, theme.fingerprint == previous.themeFingerprint else { return nil }
    }

    content.startPatch()
    // The learner edition leaves out files only facilitator material links to: an edit that
    // could change which (a note or answer key, or a learner text linking to one of those
    // files) needs the full build, which copies the content files again.
    let facilitatorOnly = previous.facilitatorOnlyFiles
    if changedContent.contains(where: { !facilitatorOnly.isUnchanged(byEditOf: $0, content: content) }) {
      return nil
    }
    let pages = previous.pages
    var selected: Set<Int> = []
    for path in changedContent { selected.formUnion(previous.dependents[path] ?? []) }
    selected.formUnion(previous.unfingerprinted)
    let searchParts = max(
      1, (previous.entries.count + SearchIndex.documentsPerPart - 1) / SearchIndex.documentsPerPart)
    return PatchPlan(
      theme: theme, keptTheme: keptTheme, themeStamps: themeStamps, pages: pages, selected: selected,
      searchParts: searchParts)
  }
}
