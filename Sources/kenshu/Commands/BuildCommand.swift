import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel
import KenshuServer
import KenshuSite

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the course site (learner and facilitator views) into site/.",
    discussion: """
      Builds into a temporary folder and swaps it in at the end: when there are errors the \
      previous site stays untouched and the exit status is 1.
      """
  )

  @Option(name: .shortAndLong, help: "Output folder.") var output = "site"
  @Option(
    help:
      "Absolute URL the site is published at, for calendar and canonical links (e.g. https://example.org/kenshu/)."
  )
  var baseURL: String?
  @Option(
    help: """
      Base URL of the response collector (kenshu serve --collect) the site's survey forms post to, \
      e.g. https://example.org/kenshu/; overrides kenshu.xml's collect-url.
      """)
  var collectURL: String?
  @Option(help: "Diagnostics output: text, json or github.") var format: DiagnosticFormat = .text

  func validate() throws {
    if let collectURL, !SiteBuild.isCollectURL(collectURL) {
      throw ValidationError(
        "--collect-url must be an http(s) URL or a path starting with / (got \(collectURL))")
    }
  }

  func run() throws {
    let root = ProjectInput.root
    let outcome = SiteBuild(
      root: root, output: URL(fileURLWithPath: output, relativeTo: root), baseURL: baseURL,
      collectURL: collectURL
    )
    .run(printer: DiagnosticPrinter(format: format), quiet: format == .json)
    if !outcome.published { throw ExitCode(1) }
  }
}

/// One build of the site from the project's current files, shared by `build` and `serve`.
struct SiteBuild: Sendable {
  var root: URL
  var output: URL
  var baseURL: String?
  /// Overrides the project's `collect-url` setting (where survey forms post).
  var collectURL: String?
  let builder: SiteBuilder
  /// Definition files already parsed, for `serve`'s rebuilds.
  let definitions = DefinitionCache()

  /// `writeMode` is `.atomicSwap` for `build` (a failed build leaves the old site whole) and
  /// `.inPlace` for `serve`, whose rebuilds rewrite only what changed.
  init(
    root: URL, output: URL, baseURL: String?, collectURL: String? = nil, writeMode: WriteMode = .atomicSwap
  ) {
    self.root = root
    self.output = output.standardizedFileURL
    self.baseURL = baseURL
    self.collectURL = collectURL
    builder = SiteBuilder(
      projectRoot: root, options: BuildOptions(output: self.output, baseURL: baseURL, writeMode: writeMode))
  }

  struct Outcome {
    var published: Bool
    var diagnostics: [Diagnostic]
    /// Files the build wrote (0 when it stopped before writing).
    var written = 0
    /// Where the built forms post (the project's `collect-url` or the override), when known:
    /// `serve` allows its origin in the Content-Security-Policy header, as the pages do.
    var collectURL: String?
  }

  /// Loads, checks and builds; prints diagnostics and a one-line summary on stderr.
  ///
  /// `changes`: what changed since the previous run of this value (the preview server's
  /// watcher knows), so that edits to Markdown alone re-render only the pages showing it.
  func run(printer: DiagnosticPrinter, quiet: Bool = false, changes: SourceChanges? = nil) -> Outcome {
    let edits = changes?.edits(onlyUnder: root.appendingPathComponent("content"))
    var loaded = ProjectLoader(root: root).load(cache: definitions, contentEditsOnly: edits != nil)
    if let collectURL { loaded.project.settings.collectURL = collectURL }
    if loaded.files.isEmpty {
      let diagnostic = Diagnostic.error(
        "no-definitions", at: SourceLocation(file: "curricula"),
        "no definitions found (expected curricula/*.xml)",
        hint: "run kenshu init")
      printer.print([diagnostic])
      return Outcome(published: false, diagnostics: [diagnostic])
    }
    if loaded.diagnostics.hasErrors {
      printer.print(loaded.diagnostics)
      if !quiet {
        Console.error(
          "build stopped: \(loaded.diagnostics.summaryLine()); \(displayOutput) was left untouched")
      }
      return Outcome(published: false, diagnostics: loaded.diagnostics)
    }
    if !quiet { Console.error("building \(loaded.files.count) definitions into \(displayOutput)/ …") }
    do {
      let report = try builder.build(loaded.project, changedContent: edits)
      let diagnostics = (loaded.diagnostics + report.diagnostics).sortedByLocation()
      printer.print(diagnostics)
      if !quiet {
        Console.error(
          report.published
            ? report.summary
            : "build stopped: \(diagnostics.summaryLine()); \(displayOutput) was left untouched")
      }
      return Outcome(
        published: report.published, diagnostics: diagnostics, written: report.written,
        collectURL: loaded.project.settings.collectURL)
    } catch {
      let diagnostic = Diagnostic.error(
        "site-write-failed", at: SourceLocation(file: displayOutput), "could not write the site: \(error)")
      printer.print([diagnostic])
      return Outcome(published: false, diagnostics: [diagnostic])
    }
  }

  /// An absolute http(s) URL, or a site-relative path such as `/` (same origin).
  static func isCollectURL(_ text: String) -> Bool {
    if text.hasPrefix("/") { return !text.hasPrefix("//") }
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
      return false
    }
    return (scheme == "https" || scheme == "http") && components.host?.isEmpty == false
  }

  var displayOutput: String {
    let rootPath = root.standardizedFileURL.path
    return output.path.hasPrefix(rootPath + "/")
      ? String(output.path.dropFirst(rootPath.count + 1)) : output.path
  }
}
