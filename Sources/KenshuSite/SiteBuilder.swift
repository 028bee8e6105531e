import Foundation
import KenshuModel
import KenshuXML

/// What `SiteBuilder.build` is asked to do.
public struct BuildOptions: Sendable {
  /// The folder the site is written to (replaced as a whole in `.atomicSwap` mode).
  public var output: URL
  /// Absolute URL the site is published at (e.g. `https://example.org/training/`); only used
  /// for absolute links: canonical links and the calendar's event URLs. Pages link relatively.
  public var baseURL: String?
  public var writeMode: WriteMode
  /// The edition asked for; the project's `publishFacilitator` setting turns a learner build
  /// into one with everything (`SiteEdition.effective(for:)`).
  public var edition: SiteEdition
  /// Pages rendered at once; defaults to the number of active processor cores.
  public var concurrency: Int
  /// Threads rendering and writing pages: more than the cores, so that while some wait for the
  /// file system others render (file creation, not rendering, is what a cold build waits on).
  public var workerThreads: Int { concurrency * 4 }

  public init(
    output: URL, baseURL: String? = nil, writeMode: WriteMode = .atomicSwap, edition: SiteEdition = .learner,
    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.output = output
    self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    self.writeMode = writeMode
    self.edition = edition
    self.concurrency = max(1, concurrency)
  }
}

/// What a build did.
public struct BuildReport: Sendable {
  /// HTML pages produced.
  public var pages: Int
  /// All files produced (pages, calendars, search index, assets, content files).
  public var files: Int
  public var written: Int
  public var unchanged: Int
  public var removed: Int
  /// Wall-clock seconds.
  public var seconds: Double
  public var diagnostics: [Diagnostic]
  /// Whether the output folder now holds this build. False when errors were found: the
  /// previous site is then left untouched.
  public var published: Bool
  /// Bytes of the search index script and the search page's script.
  public var searchIndexBytes: Int
  public var searchScriptBytes: Int
  /// Seconds spent in each stage, in order: `plan` (theme, page plan), `render` (pages rendered
  /// and written as each is ready), `write` (search index, calendars, assets, content files),
  /// `commit` (the swap or the in-place clean-up, and what the next build remembers).
  public var stageSeconds: [(stage: String, seconds: Double)] = []

  /// `42 pages, 40 files written, 2 unchanged in 0.31 s`, in both languages.
  public var summaryText: Bilingual {
    let time = String(format: "%.2f", seconds)
    return Bilingual(
      ja: "\(pages) ページ（書き込み \(written)、変更なし \(unchanged)）\(time) 秒",
      en: "\(pages) pages, \(written) files written, \(unchanged) unchanged in \(time) s")
  }

  /// Both languages on one line, Japanese first (for logs that are not for one reader).
  public var summary: String { "\(summaryText.ja.message) / \(summaryText.en.message)" }
}

/// Builds the course site of a project: plans pages from the model, renders Markdown and
/// templates on all cores, adds calendars, the search index and assets, and writes the result.
///
/// Keep one builder for repeated builds (the preview server): rendered Markdown is remembered
/// by its text, so a rebuild after editing one file re-renders only that file.
public struct SiteBuilder: Sendable {
  public let projectRoot: URL
  public let options: BuildOptions
  let content: ContentStore
  let state: BuildState
  /// Tests use this to make writing fail midway.
  var beforeWrite: (@Sendable (String) throws -> Void)?

  public init(projectRoot: URL, options: BuildOptions) {
    self.projectRoot = projectRoot
    self.options = options
    content = ContentStore(contentRoot: ProjectLayout(root: projectRoot).content)
    state = BuildState()
  }

  /// Builds and writes the site. Problems in the project are returned as diagnostics (and
  /// stop publication when they are errors); only I/O failures throw.
  ///
  /// `changedContent`: when the caller knows that, since this builder's previous build, only
  /// these Markdown files under `content/` were edited (paths relative to `content/`), and the
  /// project is the same, only the pages showing them are rendered again (`patch`). Whenever
  /// that cannot be shown safe, or without it, the whole site is built.
  public func build(_ project: Project, changedContent: Set<String>? = nil) throws -> BuildReport {
    if options.edition == .facilitator, !project.settings.publishFacilitator,
      let problem = FacilitatorOutputCheck.problem(destination: options.output, projectRoot: projectRoot)
    {
      return BuildReport(
        pages: 0, files: 0, written: 0, unchanged: 0, removed: 0, seconds: 0, diagnostics: [problem],
        published: false, searchIndexBytes: 0, searchScriptBytes: 0)
    }
    if let changedContent, let report = try patch(project, changedContent: changedContent) {
      return report
    }
    let started = Date()
    content.startBuild()
    var diagnostics: [Diagnostic] = []
    let themeStamps = Theme.templateStamps(projectRoot: projectRoot)
    let theme = Theme.load(projectRoot: projectRoot, diagnostics: &diagnostics)
    let themeLoadedCleanly = diagnostics.isEmpty
    let plan = SitePlan(project: project, edition: options.edition)
    diagnostics += plan.diagnostics
    var renderer = PageRenderer(project: project, content: content, theme: theme, options: options)
    if plan.edition.includesFacilitatorPages {
      renderer.groupSeating = GroupSeating.read(projectRoot: projectRoot, project: project)
    }
    let writer = try SiteWriteSession(
      output: options.output, mode: options.writeMode, previousHashes: state.hashes(for: options.output),
      beforeWrite: beforeWrite)
    var stages: [(stage: String, seconds: Double)] = [("plan", Date().timeIntervalSince(started))]
    var mark = Date()
    // The files that do not depend on the pages are made while the pages render, so the cores
    // are not left to one thread after them.
    let extrasBox = IndexedResults<SiteExtras>(count: 1)
    let extrasDone = DispatchGroup()
    DispatchQueue.global().async(group: extrasDone) { [self] in
      extrasBox[0] = makeExtras(for: project, theme: theme)
    }
    let outcome: PageOutcome
    do {
      var previous = state.previous(for: options.output)
      outcome = try renderAndWritePages(
        plan.pages, with: renderer, to: writer, only: nil, previous: &previous)
    } catch {
      extrasDone.wait()
      writer.abandon()
      state.forget(output: options.output)
      throw error
    }
    diagnostics += outcome.diagnostics
    stages.append(("render", Date().timeIntervalSince(mark)))
    mark = Date()

    var files: [String: Data] = [:]
    let (searchIndex, searchIndexBytes) = writeSearchIndex(
      outcome, parts: plan.searchIndexParts, previous: state.previous(for: options.output), writer: writer,
      into: &files)
    extrasDone.wait()
    let extras = extrasBox[0] ?? SiteExtras()
    if plan.edition == .facilitator { files[SiteRoutes.facilitatorEditionMarker] = Data() }
    files.merge(extras.files) { _, extra in extra }
    // The offline worker depends on the project and the assets only (not on page text), so a
    // content patch, which keeps both, keeps it too.
    if let worker = OfflineWorker.script(for: project, files: extras.files) {
      files[OfflineWorker.path] = Data(worker.utf8)
    }
    let assembleDiagnostics = extras.diagnostics
    let searchScriptBytes = extras.searchScriptBytes
    diagnostics += assembleDiagnostics
    diagnostics = Self.unique(diagnostics)
    var report = BuildReport(
      pages: plan.pages.count, files: plan.pages.count + files.count, written: 0, unchanged: 0, removed: 0,
      seconds: 0, diagnostics: diagnostics, published: false, searchIndexBytes: searchIndexBytes,
      searchScriptBytes: searchScriptBytes)
    if diagnostics.hasErrors {
      stages.append(("write", Date().timeIntervalSince(mark)))
      mark = Date()
      writer.abandon()
      // In place, some pages may already be new: the next build must not trust what was recorded.
      if options.writeMode == .inPlace { state.forget(output: options.output) }
    } else {
      do {
        for (path, data) in files { try writer.put(path, data) }
      } catch {
        writer.abandon()
        state.forget(output: options.output)
        throw error
      }
      stages.append(("write", Date().timeIntervalSince(mark)))
      mark = Date()
      let (counts, hashes) = try writer.commit()
      state.remember(
        BuildState.Previous(
          hashes: hashes, fingerprints: outcome.fingerprints, entries: outcome.entriesByPath,
          searchIndex: searchIndex, project: project, themeFingerprint: theme.fingerprint,
          pages: plan.pages, dependents: outcome.dependents, searchEntries: outcome.searchEntries,
          searchPositions: outcome.searchPositions, unfingerprinted: outcome.unfingerprinted,
          carriedDiagnostics: plan.diagnostics + assembleDiagnostics,
          facilitatorOnlyFiles: extras.facilitatorOnlyFiles, theme: themeLoadedCleanly ? theme : nil,
          themeStamps: themeStamps, renderer: themeLoadedCleanly ? renderer : nil),
        for: options.output)
      report.files = counts.written + counts.unchanged
      report.written = counts.written
      report.unchanged = counts.unchanged
      report.removed = counts.removed
      report.published = true
    }
    stages.append(("commit", Date().timeIntervalSince(mark)))
    report.stageSeconds = stages
    report.seconds = Date().timeIntervalSince(started)
    return report
  }

  /// What rendering the pages produced besides the files written.
  struct PageOutcome {
    var diagnostics: [Diagnostic] = []
    var searchEntries: [SearchIndex.Entry] = []
    /// Per search entry: whether its page was rendered in this build (not kept).
    var freshEntries: [Bool] = []
    var entriesByPath: [String: SearchIndex.Entry] = [:]
    var fingerprints: [String: Int] = [:]
    /// `content/` path → indices of the fingerprinted pages showing it.
    var dependents: [String: [Int]] = [:]
    /// Page path → its position in `searchEntries`.
    var searchPositions: [String: Int] = [:]
    /// A patch's search positions → the previous build's entries there (`patchedOutcome`).
    var replacedEntries: [Int: SearchIndex.Entry] = [:]
    /// Indices of the pages without an entry in `fingerprints`, which every patch renders.
    var unfingerprinted: Set<Int> = []
  }

  /// Renders pages on all cores and writes each as soon as it is ready, so the site never sits
  /// in memory whole. A page whose fingerprint matches the previous build is kept as it is.
  ///
  /// `only`: indices of the pages to look at (a patch); every other page is taken from the
  /// previous build without being fingerprinted, and the writer carries its file over.
  ///
  /// `previous`: what the previous build recorded. A patch passes the record it took from
  /// `state`, and the tables it updates are moved out of it into the outcome (see
  /// `patchedOutcome`).
  func renderAndWritePages(
    _ pages: [SitePage], with renderer: PageRenderer, to writer: SiteWriteSession, only: [Int]?,
    previous: inout BuildState.Previous
  ) throws -> PageOutcome {
    let results = PageResults(count: pages.count)
    let selected = only ?? Array(pages.indices)
    let workers = min(options.workerThreads, max(1, selected.count))
    // The workers read the record through a box emptied as soon as they are done: a worker
    // thread may release its closure (and what it captured) only after `run` returns, and a
    // copy of a table still alive then would make `patchedOutcome`'s update copy it again.
    let recorded = RecordedTables(fingerprints: previous.fingerprints, entries: previous.entries)
    WorkerThreads.run(count: workers) { worker in
      var position = worker
      while position < selected.count, !results.failed {
        let current = selected[position]
        let page = pages[current]
        position += workers
        let context = renderer.recordedContext(of: page)
        let fingerprint = renderer.fingerprint(of: page, context: context)
        func newEntry() -> SearchIndex.Entry? {
          context.searchDocument.map {
            SearchIndex.Entry(
              title: $0.title, path: $0.path, text: $0.text, headings: $0.headings, readings: $0.readings)
          }
        }
        if let fingerprint, recorded.fingerprints[page.path] == fingerprint, writer.keep(page.path) {
          // The fingerprint covers the search document, so the entry cut last time is this
          // page's entry: cutting it again was most of a rebuild of unchanged pages.
          let entry = context.searchDocument == nil ? nil : recorded.entries[page.path] ?? newEntry()
          results.set(
            current, .init(fingerprint: fingerprint, entry: entry, fresh: false, sources: context.sources))
          continue
        }
        let entry = newEntry()
        let rendered = renderer.render(page, context: context)
        do {
          try writer.put(page.path, text: rendered.html)
        } catch {
          results.fail(error)
          return
        }
        results.set(
          current,
          .init(
            fingerprint: fingerprint, entry: entry, fresh: true, diagnostics: rendered.diagnostics,
            sources: context.sources))
      }
    }
    recorded.fingerprints = [:]
    recorded.entries = [:]
    if let error = results.error { throw error }
    let values = results.values()
    if let only, let patched = Self.patchedOutcome(of: pages, only: only, values, previous: &previous) {
      return patched
    }
    var outcome = PageOutcome()
    let chosen = only.map(Set.init)
    for (index, (page, result)) in zip(pages, values).enumerated() {
      if let chosen, !chosen.contains(index) {
        // Not looked at: as the previous build left it.
        if let entry = previous.entries[page.path] {
          outcome.searchEntries.append(entry)
          outcome.freshEntries.append(false)
          outcome.entriesByPath[page.path] = entry
        }
        if let fingerprint = previous.fingerprints[page.path] {
          outcome.fingerprints[page.path] = fingerprint
        }
        continue
      }
      guard let result else { continue }
      if result.fingerprint != nil {
        for source in result.sources { outcome.dependents[source, default: []].append(index) }
      }
      outcome.diagnostics += result.diagnostics
      if let entry = result.entry {
        outcome.searchEntries.append(entry)
        outcome.freshEntries.append(result.fresh)
        outcome.entriesByPath[page.path] = entry
      }
      if let fingerprint = result.fingerprint { outcome.fingerprints[page.path] = fingerprint }
    }
    outcome.searchPositions = Dictionary(
      uniqueKeysWithValues: outcome.searchEntries.enumerated().map { ($1.document.path, $0) })
    outcome.unfingerprinted = Set(pages.indices.filter { outcome.fingerprints[pages[$0].path] == nil })
    return outcome
  }

  /// A patch's outcome: the previous build's, with the few pages looked at put in their places
  /// (updating the previous tables instead of building them again page by page). Nil when a
  /// page gained or lost its search entry, which moves the others; `previous` is then as it
  /// was.
  ///
  /// The tables updated (search entries, entries by path, fingerprints) are moved out of
  /// `previous` rather than copied: with `previous` taken from `state` they are then the only
  /// references to their storage, and an update is made in place. Copying the 10,000 entries
  /// of each edition (and faulting in the new storage) was about a fifth of a serve rebuild
  /// (perf, issue 18). The replaced entries are kept in `replacedEntries` for the search
  /// index's patch.
  static func patchedOutcome(
    of pages: [SitePage], only: [Int], _ values: [PageResults.Result?], previous: inout BuildState.Previous
  ) -> PageOutcome? {
    for index in only {
      guard let result = values[index] else { continue }
      if (result.entry == nil) != (previous.searchPositions[pages[index].path] == nil) { return nil }
    }
    var outcome = PageOutcome()
    swap(&outcome.searchEntries, &previous.searchEntries)
    swap(&outcome.entriesByPath, &previous.entries)
    swap(&outcome.fingerprints, &previous.fingerprints)
    outcome.freshEntries = Array(repeating: false, count: outcome.searchEntries.count)
    outcome.searchPositions = previous.searchPositions
    outcome.dependents = previous.dependents
    swap(&outcome.unfingerprinted, &previous.unfingerprinted)
    for index in only {
      guard let result = values[index] else { continue }
      let path = pages[index].path
      outcome.diagnostics += result.diagnostics
      outcome.fingerprints[path] = result.fingerprint
      if result.fingerprint == nil {
        outcome.unfingerprinted.insert(index)
      } else {
        outcome.unfingerprinted.remove(index)
      }
      guard let entry = result.entry, let position = previous.searchPositions[path] else { continue }
      if outcome.replacedEntries[position] == nil {
        outcome.replacedEntries[position] = outcome.searchEntries[position]
      }
      outcome.searchEntries[position] = entry
      outcome.freshEntries[position] = result.fresh
      outcome.entriesByPath[path] = entry
    }
    return outcome
  }

  /// Files besides the pages and the search index, and the problems met making them.
  struct SiteExtras {
    var files: [String: Data] = [:]
    var diagnostics: [Diagnostic] = []
    var searchScriptBytes = 0
    var facilitatorOnlyFiles = FacilitatorOnlyFiles()
  }

  /// Calendars, the settings stylesheet, theme assets and content files (without the
  /// facilitator-only ones in the learner edition).
  func makeExtras(for project: Project, theme: Theme) -> SiteExtras {
    var extras = SiteExtras()
    if options.edition.effective(for: project.settings) == .learner {
      extras.facilitatorOnlyFiles = FacilitatorOnlyFiles(
        project: project, content: content, diagnostics: &extras.diagnostics)
    }
    for programme in project.programmes {
      extras.files[SiteRoutes.calendar(programme.id)] = Data(
        ICalendar.calendar(for: programme, baseURL: options.baseURL).utf8)
    }
    if project.programmes.contains(where: { !$0.allAwards.isEmpty }) {
      extras.files[SiteRoutes.verifyData] = VerifyData.script(
        VerifyData.lists(for: project, projectRoot: projectRoot))
    }
    extras.files["assets/settings.css"] = Data(
      SettingsStylesheet.css(
        for: project.settings, programmes: project.programmes, diagnostics: &extras.diagnostics
      ).utf8)
    for (relative, url) in theme.assets {
      guard let data = try? Data(contentsOf: url) else {
        extras.diagnostics.append(
          .error(Catalogue.assetUnreadable, (), at: SourceLocation(file: url.path)))
        continue
      }
      if relative == "search.js" { extras.searchScriptBytes = data.count }
      extras.files["assets/" + relative] = data
    }
    copyContentFiles(
      into: &extras.files, leavingOut: extras.facilitatorOnlyFiles, diagnostics: &extras.diagnostics)
    return extras
  }

  /// Files under `content/` other than Markdown (images, PDFs) are published at the same
  /// relative path under `content/`, where rewritten Markdown links point. What may be
  /// published is `ContentFilePolicy`'s decision (the same one `kenshu validate` reports):
  /// refused files are errors and stop the build. The learner edition leaves out the files
  /// only facilitator material uses (`FacilitatorOnlyFiles`).
  func copyContentFiles(
    into files: inout [String: Data], leavingOut facilitatorOnly: FacilitatorOnlyFiles,
    diagnostics: inout [Diagnostic]
  ) {
    let scan = ContentFilePolicy.scan(root: content.contentRoot)
    diagnostics += scan.diagnostics
    for file in scan.files where !facilitatorOnly.excludes(file.relativePath) {
      guard let data = try? Data(contentsOf: file.url) else {
        diagnostics.append(
          .error(Catalogue.assetUnreadable, (), at: SourceLocation(file: "content/" + file.relativePath)))
        continue
      }
      files["content/" + file.relativePath] = data
    }
  }

  static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return diagnostics.filter { seen.insert($0).inserted }
  }
}

/// Per-page results of parallel rendering, and the first write error.
final class PageResults: @unchecked Sendable {
  struct Result {
    var fingerprint: Int?
    var entry: SearchIndex.Entry?
    var fresh: Bool
    var diagnostics: [Diagnostic] = []
    var sources: [String] = []
  }

  private var storage: [Result?]
  private var firstError: Error?
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result) { lock.withLock { storage[index] = result } }
  func values() -> [Result?] { lock.withLock { storage } }
  func fail(_ error: Error) { lock.withLock { if firstError == nil { firstError = error } } }
  var failed: Bool { lock.withLock { firstError != nil } }
  var error: Error? { lock.withLock { firstError } }
}

/// Runs a body on `count` dedicated threads and waits for all of them. Unlike
/// `concurrentPerform`, which keeps to one thread per core, threads blocked in file-system
/// calls here leave the cores to the others.
/// The previous build's tables the page workers read (`renderAndWritePages`). Read from
/// several threads while nothing writes them; emptied after the workers are done.
final class RecordedTables: @unchecked Sendable {
  var fingerprints: [String: Int]
  var entries: [String: SearchIndex.Entry]

  init(fingerprints: [String: Int], entries: [String: SearchIndex.Entry]) {
    self.fingerprints = fingerprints
    self.entries = entries
  }
}

enum WorkerThreads {
  static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for worker in 0..<count {
      group.enter()
      let thread = Thread {
        body(worker)
        group.leave()
      }
      thread.stackSize = 1 << 22
      thread.start()
    }
    group.wait()
  }
}
