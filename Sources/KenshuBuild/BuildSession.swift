import Foundation
import KenshuDefinitions
import KenshuModel
import KenshuSite

/// One project's builds of one edition of the site, from first to last: what `kenshu build`
/// runs once, and `kenshu serve` after every edit.
///
/// A run goes through the stages of `BuildStage`, in order, timing each:
///
/// 1. **scope** — full build or patch, decided from the change set (`BuildScope`); a full
///    scope whose project differs from the published one only in attendance records (a
///    check-in, an `attendance import`) becomes `attendanceOnly` after the check, and the
///    site is left as it is;
/// 2. **load** — definition files read into the model, through the session's
///    `DefinitionCache` (only files whose size or time changed are parsed again);
/// 3. **check** — the project-wide checks; with errors the run stops here and the previous
///    site is left as it was;
/// 4. **plan, render, write, commit** — `SiteBuilder.build`, whose builder the session keeps,
///    so a rebuild renders only pages whose fingerprint changed, or with a `.contentEdits`
///    scope only the pages that read the edited files.
///
/// A class because the cache and the builder's record of the previous build live across runs;
/// runs must not overlap (`serve` runs them one after another).
public final class BuildSession: Sendable {
  public let layout: ProjectLayout
  public let configuration: BuildConfiguration
  /// The output folder (the configuration's, else the edition's default), standardised.
  public let output: URL
  /// Parsed definition files, shared by the sessions of one `serve` (its two editions).
  public let definitions: DefinitionCache
  let builder: SiteBuilder
  /// The project the site on disk was last built from (nil before the first published run),
  /// against which a change set that only touched attendance records is recognised.
  private let published = PublishedProject()

  /// The stages a run goes through, in order.
  public static let stages = BuildStage.allCases

  public init(
    layout: ProjectLayout, configuration: BuildConfiguration = BuildConfiguration(),
    definitions: DefinitionCache = DefinitionCache()
  ) {
    self.layout = layout
    self.configuration = configuration
    self.definitions = definitions
    output = (configuration.output ?? layout.output(for: configuration.edition)).standardizedFileURL
    builder = SiteBuilder(
      projectRoot: layout.root,
      options: BuildOptions(
        output: output, baseURL: configuration.baseURL, writeMode: configuration.writeMode,
        edition: configuration.edition))
  }

  /// A session of the same project for another configuration (the other edition) that shares
  /// this one's definition cache, so an edited file is parsed once for both.
  public func sibling(_ configuration: BuildConfiguration) -> BuildSession {
    BuildSession(layout: layout, configuration: configuration, definitions: definitions)
  }

  /// The output as messages show it: relative to the project folder when inside it.
  public var displayOutput: String { layout.displayPath(output) }

  /// Loads, checks and builds. `changes`: what changed since this session's previous run (the
  /// preview server's watcher knows); nil for a first build or when unknown. `announce` is
  /// told, before the site is built, what is about to be built (for the terminal).
  /// `sameEditAs`: the generation of the checks a sibling session made after the same changes
  /// (`SiblingRun`), whose findings for the edited files still hold while they are unchanged.
  public func run(
    changes: SourceChanges? = nil, sameEditAs: Int? = nil, announce: (Bilingual) -> Void = { _ in }
  ) -> BuildOutcome {
    let scope = BuildScope(changes: changes, layout: layout)
    var times = StageTimes()
    let loader = ProjectLoader(root: layout.root)

    let read = timed(.load, &times) { loader.read(cache: definitions) }
    if read.files.isEmpty {
      let diagnostic = Diagnostic.error(
        Catalogue.noDefinitions, (), at: SourceLocation(file: ProjectLayout.Name.curricula))
      return BuildOutcome(
        published: false, diagnostics: [diagnostic], scope: scope, times: times, loadFailed: true,
        summary: nil)
    }
    var loaded = timed(.check, &times) {
      loader.check(read, cache: definitions, editedContent: scope.contentEdits, sameEditAs: sameEditAs)
    }
    loaded.project.settings.collectURL =
      configuration.collectURL ?? loaded.project.settings.collectURL ?? configuration.fallbackCollectURL
    var outcome = BuildOutcome(
      published: false, diagnostics: loaded.diagnostics, scope: scope, times: times, project: loaded.project,
      summary: nil)
    if loaded.diagnostics.hasErrors {
      // What is on disk may no longer be the last published project's site (see below).
      published.project = nil
      outcome.loadFailed = true
      outcome.summary = stopped(loaded.diagnostics)
      return outcome
    }

    let edition = configuration.edition.effective(for: loaded.project.settings)
    outcome.edition = edition
    outcome.scope = BuildScope.narrowed(
      scope, changes: changes, layout: layout, project: loaded.project, previous: published.project)
    if case .attendanceOnly = outcome.scope {
      // No page reads attendance: the site on disk is this project's site already.
      outcome.published = true
      let seconds = String(format: "%.2f", outcome.times.entries.reduce(0) { $0 + $1.seconds })
      outcome.summary = Bilingual(
        ja: "出欠の記録だけが変わりました（読み込みと検査 \(seconds) 秒）。出欠を表示するページはないので、\(displayOutput)/ はそのままです",
        en:
          "only attendance records changed (load and check \(seconds) s); no page shows attendance, so \(displayOutput)/ is unchanged"
      )
      return outcome
    }
    announce(
      Bilingual(
        ja: "定義 \(loaded.files.count) 件から \(displayOutput)/ に\(edition.labelText.ja.message)のサイトを作っています …",
        en:
          "building \(loaded.files.count) definitions into \(displayOutput)/ (\(edition.labelText.en.message)) …"
      ))
    do {
      let report = try builder.build(loaded.project, changedContent: scope.contentEdits)
      for (name, seconds) in report.stageSeconds {
        if let stage = BuildStage(rawValue: name) { outcome.times.add(stage, seconds) }
      }
      outcome.report = report
      outcome.published = report.published
      outcome.diagnostics = (loaded.diagnostics + report.diagnostics).sortedByLocation()
      outcome.summary = report.published ? report.summaryText : stopped(outcome.diagnostics)
      // A run that does not publish may leave an in-place site half-written and its errors
      // on screen: the next turn must build again, never pass for attendance-only.
      published.project = report.published ? loaded.project : nil
      if report.published, let archive = configuration.archive { writeArchive(archive, into: &outcome) }
    } catch {
      published.project = nil
      outcome.diagnostics = [
        Diagnostic.error(Catalogue.siteWriteFailed, "\(error)", at: SourceLocation(file: displayOutput))
      ]
      outcome.summary = nil
    }
    return outcome
  }

  /// Why the build stopped, and that the output was left as it was.
  private func stopped(_ diagnostics: [Diagnostic]) -> Bilingual {
    Bilingual(
      ja: "ビルドを中止しました: \(diagnostics.summaryLine(in: .ja))。\(displayOutput) はそのままです",
      en: "build stopped: \(diagnostics.summaryLine(in: .en)); \(displayOutput) was left untouched")
  }

  private func timed<Value>(_ stage: BuildStage, _ times: inout StageTimes, _ body: () -> Value) -> Value {
    let started = Date()
    let value = body()
    times.add(stage, Date().timeIntervalSince(started))
    return value
  }
}

/// The last published project of a session, shared by its runs (which never overlap; the lock
/// makes the session `Sendable`).
private final class PublishedProject: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Project?

  var project: Project? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
