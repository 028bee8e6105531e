import Foundation
import KenshuModel

/// What `SiteBuilder.build` is asked to do.
public struct BuildOptions: Sendable {
  /// The folder the site is written to (replaced as a whole in `.atomicSwap` mode).
  public var output: URL
  /// Absolute URL the site is published at (e.g. `https://example.org/training/`); only used
  /// for absolute links: canonical links and the calendar's event URLs. Pages link relatively.
  public var baseURL: String?
  public var writeMode: WriteMode
  /// Pages rendered at once; defaults to the number of active processor cores.
  public var concurrency: Int

  public init(
    output: URL, baseURL: String? = nil, writeMode: WriteMode = .atomicSwap,
    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.output = output
    self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    self.writeMode = writeMode
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

  /// `42 pages, 40 written, 2 unchanged in 0.31 s` / Japanese first.
  public var summary: String {
    let time = String(format: "%.2f", seconds)
    return "\(pages) ページ（書き込み \(written)、変更なし \(unchanged)）\(time) 秒 / "
      + "\(pages) pages, \(written) files written, \(unchanged) unchanged in \(time) s"
  }
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
    content = ContentStore(contentRoot: projectRoot.appendingPathComponent("content"))
    state = BuildState()
  }

  /// Builds and writes the site. Problems in the project are returned as diagnostics (and
  /// stop publication when they are errors); only I/O failures throw.
  public func build(_ project: Project) throws -> BuildReport {
    let started = Date()
    content.startBuild()
    var diagnostics: [Diagnostic] = []
    let theme = Theme.load(projectRoot: projectRoot, diagnostics: &diagnostics)
    let plan = SitePlan(project: project)
    diagnostics += plan.diagnostics
    let renderer = PageRenderer(project: project, content: content, theme: theme, options: options)
    let rendered = renderPages(plan.pages, with: renderer)

    var files: [String: Data] = [:]
    files.reserveCapacity(rendered.count + 64)
    var search = SearchIndex()
    for page in rendered {
      diagnostics += page.diagnostics
      files[page.page.path] = Data(page.html.utf8)
      if let doc = page.searchDocument { search.add(title: doc.title, path: doc.path, text: doc.text) }
    }
    let searchScript = search.javaScript()
    files[SiteRoutes.searchIndex] = Data(searchScript.utf8)
    for programme in project.programmes {
      files[SiteRoutes.calendar(programme.id)] = Data(
        ICalendar.calendar(for: programme, baseURL: options.baseURL).utf8)
    }
    files["assets/settings.css"] = Data(
      SettingsStylesheet.css(for: project.settings, diagnostics: &diagnostics).utf8)
    var searchScriptBytes = 0
    for (relative, url) in theme.assets {
      guard let data = try? Data(contentsOf: url) else {
        diagnostics.append(
          .error("site-asset-unreadable", at: SourceLocation(file: url.path), "読めません / cannot read"))
        continue
      }
      if relative == "search.js" { searchScriptBytes = data.count }
      files["assets/" + relative] = data
    }
    copyContentFiles(into: &files, diagnostics: &diagnostics)

    diagnostics = Self.unique(diagnostics)
    var report = BuildReport(
      pages: rendered.count, files: files.count, written: 0, unchanged: 0, removed: 0, seconds: 0,
      diagnostics: diagnostics, published: false, searchIndexBytes: searchScript.utf8.count,
      searchScriptBytes: searchScriptBytes)
    if !diagnostics.hasErrors {
      var writer = SiteWriter(output: options.output, mode: options.writeMode)
      writer.beforeWrite = beforeWrite
      let counts = try writer.write(files, previousHashes: state.hashes(for: options.output))
      state.remember(files, for: options.output)
      report.written = counts.written
      report.unchanged = counts.unchanged
      report.removed = counts.removed
      report.published = true
    }
    report.seconds = Date().timeIntervalSince(started)
    return report
  }

  /// Renders pages on all cores; results keep the plan's order.
  func renderPages(_ pages: [SitePage], with renderer: PageRenderer) -> [RenderedPage] {
    let results = RenderResults(count: pages.count)
    let workers = min(options.concurrency, max(1, pages.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < pages.count {
        results.set(index, renderer.render(pages[index]))
        index += workers
      }
    }
    return results.values()
  }

  /// Files under `content/` other than Markdown (images, PDFs) are published at the same
  /// relative path under `content/`, where rewritten Markdown links point.
  func copyContentFiles(into files: inout [String: Data], diagnostics: inout [Diagnostic]) {
    for (relative, url) in Theme.files(under: content.contentRoot)
    where !relative.lowercased().hasSuffix(".md") {
      if let data = try? Data(contentsOf: url) { files["content/" + relative] = data }
    }
  }

  static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return diagnostics.filter { seen.insert($0).inserted }
  }
}

/// Per-slot storage for pages rendered in parallel.
private final class RenderResults: @unchecked Sendable {
  private var storage: [RenderedPage?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ page: RenderedPage) { lock.withLock { storage[index] = page } }
  func values() -> [RenderedPage] { lock.withLock { storage.compactMap { $0 } } }
}

/// What the previous build wrote, so an in-place rebuild skips unchanged files without reading
/// them back.
final class BuildState: @unchecked Sendable {
  private let lock = NSLock()
  private var hashesByOutput: [String: [String: Int]] = [:]

  func hashes(for output: URL) -> [String: Int] { lock.withLock { hashesByOutput[output.path] ?? [:] } }

  func remember(_ files: [String: Data], for output: URL) {
    let hashes = files.mapValues(\.hashValue)
    lock.withLock { hashesByOutput[output.path] = hashes }
  }
}
