import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuExport
import KenshuModel
import KenshuServer
import KenshuSite

extension SiteEdition: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the course site: the public learner edition into site/, or the facilitator edition.",
    discussion: """
      The learner edition (the default) has no facilitator page, no link to one and no \
      facilitator notes, answer keys or phase prompts anywhere, search index included. \
      --edition facilitator builds everything (learner pages and facilitator pages) into \
      private/facilitator-site/, never into a site folder; --zip also writes it as one zip \
      to hand to facilitators. A project with <site publish-facilitator="true"> publishes both \
      together in site/.

      Builds into a temporary folder and swaps it in at the end: when there are errors the \
      previous site stays untouched and the exit status is 1.
      """
  )

  @Option(help: "Which edition to build: learner (public, the default) or facilitator (private).")
  var edition: SiteEdition = .learner
  @Option(
    name: .shortAndLong,
    help:
      "Output folder (default: site for the learner edition, private/facilitator-site for the facilitator edition)."
  )
  var output: String?
  @Flag(help: "Also write the built site as a zip file (default: the output folder's path with .zip).")
  var zip = false
  @Option(help: "Where --zip writes (implies --zip).") var zipFile: String?
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
      throw argumentError(
        ja: "--collect-url には http(s) の URL か / で始まるパスを指定してください（指定: \(collectURL)）",
        en: "--collect-url must be an http(s) URL or a path starting with / (got \(collectURL))")
    }
  }

  func run() throws {
    let root = ProjectInput.root
    let folder = URL(fileURLWithPath: output ?? edition.defaultOutput, relativeTo: root).standardizedFileURL
    let build = SiteBuild(
      root: root, output: folder, baseURL: baseURL, collectURL: collectURL, edition: edition)
    let printer = DiagnosticPrinter(format: format)
    let outcome = build.run(printer: printer, quiet: format == .json)
    if !outcome.published { throw ExitCode(1) }
    if zip || zipFile != nil {
      let archive = URL(fileURLWithPath: zipFile ?? folder.path + ".zip", relativeTo: root)
        .standardizedFileURL
      if outcome.edition == .facilitator, !outcome.publishesFacilitator,
        let problem = FacilitatorOutputCheck.problem(destination: archive, isFolder: false, projectRoot: root)
      {
        printer.print([problem])
        throw ExitCode(1)
      }
      do {
        let count = try SiteArchive.write(folder: folder, to: archive, rootName: folder.lastPathComponent)
        if format != .json {
          Console.error(
            ja: "zip: \(archive.path) に \(count) ファイル", en: "zip: \(count) files in \(archive.path)")
        }
      } catch {
        printer.print([
          .error(Catalogue.zipFailed, "\(error)", at: SourceLocation(file: archive.path))
        ])
        throw ExitCode(1)
      }
    }
  }
}

/// One build of the site from the project's current files, shared by `build` and `serve`.
struct SiteBuild: Sendable {
  var root: URL
  var output: URL
  var baseURL: String?
  /// Overrides the project's `collect-url` setting (where survey forms post).
  var collectURL: String?
  /// The edition asked for (the project may publish more: `SiteEdition.effective`).
  var edition: SiteEdition
  let builder: SiteBuilder
  /// Definition files already parsed, for `serve`'s rebuilds (shared by its two editions).
  let definitions: DefinitionCache

  /// `writeMode` is `.atomicSwap` for `build` (a failed build leaves the old site whole) and
  /// `.inPlace` for `serve`, whose rebuilds rewrite only what changed.
  init(
    root: URL, output: URL, baseURL: String?, collectURL: String? = nil, edition: SiteEdition = .learner,
    writeMode: WriteMode = .atomicSwap, definitions: DefinitionCache = DefinitionCache()
  ) {
    self.root = root
    self.definitions = definitions
    self.output = output.standardizedFileURL
    self.baseURL = baseURL
    self.collectURL = collectURL
    self.edition = edition
    builder = SiteBuilder(
      projectRoot: root,
      options: BuildOptions(output: self.output, baseURL: baseURL, writeMode: writeMode, edition: edition))
  }

  struct Outcome {
    var published: Bool
    var diagnostics: [Diagnostic]
    /// Files the build wrote (0 when it stopped before writing).
    var written = 0
    /// Where the built forms post (the project's `collect-url` or the override), when known:
    /// `serve` allows its origin in the Content-Security-Policy header, as the pages do.
    var collectURL: String?
    /// The edition written (`SiteEdition.effective` for the project), when the project loaded.
    var edition: SiteEdition?
    /// Whether the project publishes its facilitator pages in its public site.
    var publishesFacilitator = false
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
      let diagnostic = Diagnostic.error(Catalogue.noDefinitions, (), at: SourceLocation(file: "curricula"))
      printer.print([diagnostic])
      return Outcome(published: false, diagnostics: [diagnostic])
    }
    if loaded.diagnostics.hasErrors {
      printer.print(loaded.diagnostics)
      if !quiet {
        Console.error(
          ja: "ビルドを中止しました: \(loaded.diagnostics.summaryLine(in: .ja))。\(displayOutput) はそのままです",
          en: "build stopped: \(loaded.diagnostics.summaryLine(in: .en)); \(displayOutput) was left untouched"
        )
      }
      return Outcome(published: false, diagnostics: loaded.diagnostics)
    }
    let effective = edition.effective(for: loaded.project.settings)
    if !quiet {
      Console.error(
        ja: "定義 \(loaded.files.count) 件から \(displayOutput)/ に\(effective.labelText.ja.message)のサイトを作っています …",
        en:
          "building \(loaded.files.count) definitions into \(displayOutput)/ (\(effective.labelText.en.message)) …"
      )
    }
    do {
      let report = try builder.build(loaded.project, changedContent: edits)
      let diagnostics = (loaded.diagnostics + report.diagnostics).sortedByLocation()
      printer.print(diagnostics)
      if !quiet {
        if report.published {
          Console.error(ja: report.summaryText.ja.message, en: report.summaryText.en.message)
        } else {
          Console.error(
            ja: "ビルドを中止しました: \(diagnostics.summaryLine(in: .ja))。\(displayOutput) はそのままです",
            en: "build stopped: \(diagnostics.summaryLine(in: .en)); \(displayOutput) was left untouched")
        }
      }
      return Outcome(
        published: report.published, diagnostics: diagnostics, written: report.written,
        collectURL: loaded.project.settings.collectURL, edition: effective,
        publishesFacilitator: loaded.project.settings.publishFacilitator)
    } catch {
      let diagnostic = Diagnostic.error(
        Catalogue.siteWriteFailed, "\(error)", at: SourceLocation(file: displayOutput))
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
