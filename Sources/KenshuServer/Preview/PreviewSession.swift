import Foundation
import KenshuBuild
import KenshuCollection
import KenshuModel
import Logging

/// `kenshu serve` from the first build to Ctrl-C: the learner site and, beside it, the
/// facilitator edition, each a `BuildSession` with the `BuildStatus` its pages watch and a
/// `PreviewServer`; optionally the collection API on the learner listener, whose catalogue
/// comes from the project the build loaded; and the watcher that rebuilds both after an edit.
///
/// `start` runs the first builds and sets everything up (nothing listens yet); `rebuild` is
/// one turn of the watcher; `serve` listens and watches until cancelled or shut down.
public final class PreviewSession: Sendable {
  /// One previewed edition: its builds, the status its pages follow and its listener.
  public struct Edition: Sendable {
    public let build: BuildSession
    public let status: BuildStatus
    public let server: PreviewServer
  }

  public let layout: ProjectLayout
  public let configuration: PreviewConfiguration
  public let learner: Edition
  /// The facilitator edition, unless not asked for or the learner site already holds it.
  public let facilitator: Edition?
  /// The collection API, when collecting (on the learner listener).
  public let collection: CollectionEndpoint?
  let console: BuildConsole

  private init(
    layout: ProjectLayout, configuration: PreviewConfiguration, learner: Edition, facilitator: Edition?,
    collection: CollectionEndpoint?, console: BuildConsole
  ) {
    self.layout = layout
    self.configuration = configuration
    self.learner = learner
    self.facilitator = facilitator
    self.collection = collection
    self.console = console
  }

  /// Builds the learner site (and the facilitator edition) into their folders in place, and,
  /// when collecting, opens the store with the project's catalogue. A failed first build
  /// leaves a page that shows its errors, so the preview still starts; collecting needs a
  /// project without errors (`PreviewSessionError.projectHasErrors`).
  public static func start(
    layout: ProjectLayout, configuration: PreviewConfiguration, console: BuildConsole
  ) async throws -> PreviewSession {
    // With --collect, forms post to this server unless the project (or --collect-url) names
    // another base.
    let fallbackCollectURL = configuration.collection == nil ? nil : "/"
    let build = BuildSession(
      layout: layout,
      configuration: BuildConfiguration(
        output: configuration.output, collectURL: configuration.collectURL,
        fallbackCollectURL: fallbackCollectURL, writeMode: .inPlace))
    let status = BuildStatus()
    let first = build.run(console: console)
    await status.record(diagnostics: first.diagnostics, succeeded: first.published)
    try showErrorsPage(in: build, after: first)

    var collection: CollectionEndpoint?
    if let settings = configuration.collection {
      collection = try await openCollection(
        settings, after: first, layout: layout, configuration: configuration, console: console)
    }

    // The pages post to the override or the project's collect-url: the CSP header allows that origin.
    let connectOrigin = first.collectURL.flatMap(OriginPolicy.origin)
    var facilitator: Edition?
    if let address = configuration.facilitator, !first.publishesFacilitator {
      // The same definition cache: a rebuild parses an edited file once for both editions.
      let facilitatorBuild = build.sibling(
        BuildConfiguration(
          edition: .facilitator, collectURL: configuration.collectURL, fallbackCollectURL: fallbackCollectURL,
          writeMode: .inPlace))
      let facilitatorStatus = BuildStatus()
      let outcome = facilitatorBuild.run(console: console)
      await facilitatorStatus.record(diagnostics: outcome.diagnostics, succeeded: outcome.published)
      try showErrorsPage(in: facilitatorBuild, after: outcome)
      if address.isExposed {
        console.say(
          Bilingual(
            ja: "警告: ファシリテーター版のプレビュー（解答・進行メモ）は \(address.host) で待ち受けます。ほかのコンピューターから読めます",
            en:
              "warning: the facilitator preview (answer keys, notes) listens on \(address.host): other computers can read it"
          ))
      }
      facilitator = Edition(
        build: facilitatorBuild, status: facilitatorStatus,
        server: PreviewServer(
          siteRoot: facilitatorBuild.output, host: address.host, port: address.port,
          status: facilitatorStatus,
          liveReload: configuration.watch, connectOrigin: connectOrigin))
    }
    let learner = Edition(
      build: build, status: status,
      server: PreviewServer(
        siteRoot: build.output, host: configuration.host, port: configuration.port, status: status,
        collection: collection, liveReload: configuration.watch, connectOrigin: connectOrigin))
    return PreviewSession(
      layout: layout, configuration: configuration, learner: learner, facilitator: facilitator,
      collection: collection, console: console)
  }

  /// The collection endpoint over the project the first build loaded (not loaded again), with
  /// reception's check-in for its programmes with a roster.
  private static func openCollection(
    _ settings: CollectionSettings, after first: BuildOutcome, layout: ProjectLayout,
    configuration: PreviewConfiguration, console: BuildConsole
  ) async throws -> CollectionEndpoint {
    guard let project = first.project, !first.loadFailed else { throw PreviewSessionError.projectHasErrors }
    let store = try await settings.openStore()
    var logHandler = StreamLogHandler.standardError(label: "kenshu.collect")
    logHandler.logLevel = .info
    let collector = ResponseCollector(
      catalog: CollectionCatalog(project: project), store: store,
      logger: Logger(label: "kenshu.collect") { _ in logHandler })
    let origins = settings.allowedOrigins + [first.collectURL].compactMap { $0 }.filter { !$0.hasPrefix("/") }
    let rate = settings.rateLimitPerMinute
    console.say(
      Bilingual(
        ja:
          "調査 \(collector.catalog.surveys.count) 件の回答とモジュール \(collector.catalog.modules.count) 件の完了を \(settings.database) に集めます"
          + (rate > 0 ? "（1 クライアントあたり毎分 \(rate) 件まで）" : "（件数の制限なし）"),
        en:
          "collecting \(collector.catalog.surveys.count) surveys, \(collector.catalog.modules.count) modules' completions into \(settings.database)"
          + (rate > 0 ? " (rate limit \(rate)/min per client)" : " (no rate limit)")))
    if !configuration.isLoopback {
      console.say(
        Bilingual(
          ja: "警告: \(configuration.host) で待ち受けています。このコンピューターの外から使うときは TLS のリバースプロキシを前に置いてください",
          en:
            "warning: listening on \(configuration.host): use a TLS reverse proxy for anything beyond this computer"
        ))
    }
    let reception = CheckInReception(project: project, root: layout.root)
    if !reception.programmes.isEmpty {
      console.say(
        Bilingual(
          ja:
            "受付（受付ページ checkin/index.html、POST /api/checkin）: \(reception.programmes.joined(separator: ", "))",
          en:
            "check-in (reception page checkin/index.html, POST /api/checkin): \(reception.programmes.joined(separator: ", "))"
        ))
    }
    if let day = settings.clock.trainingDay {
      // Said at every start: a rehearsal's date left in a service file on the day would
      // refuse everyone (or take check-ins for the wrong course).
      let courses = project.programmes.flatMap(\.courses).filter { $0.date == day }.map(\.id)
      let list = courses.joined(separator: ", ")
      console.say(
        Bilingual(
          ja: "受付のリハーサル: \(day) を当日として受け付けます（到着時刻は実際の時刻）。"
            + (courses.isEmpty ? "この日付のコースはありません" : "この日のコース: \(list)"),
          en: "check-in rehearsal: \(day) is taken as the training day (arrival times are the real clock's); "
            + (courses.isEmpty ? "no course is on that date" : "courses that day: \(list)")))
    }
    return CollectionEndpoint(
      collector: collector, rateLimitPerMinute: rate, origins: OriginPolicy(allowedOrigins: origins),
      trustProxyHeaders: settings.trustProxyHeaders,
      checkIn: CheckInEndpoint(collector: collector, reception: reception, clock: settings.clock))
  }

  /// When a first build failed and left nothing to serve, a page that can show the errors.
  static func showErrorsPage(in build: BuildSession, after outcome: BuildOutcome) throws {
    guard !outcome.published, !FileManager.default.fileExists(atPath: build.output.path) else { return }
    try BuildErrorPlaceholder.write(into: build.output)
  }

  /// One turn of the watcher: both editions rebuilt with what changed, their pages told to
  /// reload (or to show the errors) unless the site was left as it was (a check-in's
  /// attendance write: `BuildScope.attendanceOnly`); after a full build that loaded cleanly, new survey
  /// definitions apply to the next submission, and new programmes and rosters to the next
  /// check-in, from the project the rebuild loaded.
  public func rebuild(_ changes: SourceChanges) async {
    console.say(Bilingual(ja: "変更を検出しました。作り直しています …", en: "change detected, rebuilding …"))
    // The facilitator edition builds while the learner site does, from the learner's checks on.
    let sibling = facilitator.map { SiblingRun($0.build, changes: changes, console: console) }
    let outcome = learner.build.run(changes: changes, console: console) { sibling?.start() }
    await learner.status.record(
      diagnostics: outcome.diagnostics, succeeded: outcome.published, pagesChanged: outcome.changedPages)
    if let facilitator, let sibling {
      let other = sibling.finish()
      await facilitator.status.record(
        diagnostics: other.diagnostics, succeeded: other.published, pagesChanged: other.changedPages)
    }
    if let collector = collection?.collector, outcome.scope == .full, let project = outcome.project,
      !outcome.loadFailed
    {
      collector.update(CollectionCatalog(project: project))
      collection?.checkIn?.reception.update(project)
    }
  }

  /// Listens (the learner site, the facilitator edition) and, unless configured not to,
  /// watches the sources, until the task is cancelled or the process is asked to stop
  /// (SIGINT/SIGTERM: the servers shut down gracefully and the live-reload streams end).
  /// The response store is closed at the end.
  public func serve() async throws {
    let console = console
    let learner = learner
    let facilitatorServer = facilitator?.server
    let watcher = configuration.watch ? SourceWatcher(paths: layout.watchedPaths) : nil
    let ended: Result<Void, any Error>
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await learner.server.run { url in
            console.say(Bilingual(ja: "\(url) で配信しています（Ctrl-C で停止）", en: "serving \(url) (Ctrl-C to stop)"))
          }
        }
        if let facilitatorServer {
          group.addTask {
            try await facilitatorServer.run { url in
              console.say(
                Bilingual(
                  ja: "ファシリテーター版を \(url) で配信しています（解答と進行メモを含みます。受講者には見せないでください）",
                  en: "serving the facilitator edition at \(url) (answer keys and notes: not for learners)"))
            }
          }
        }
        if let watcher {
          group.addTask { await watcher.watch { changes in await self.rebuild(changes) } }
        }
        try await group.next()
        group.cancelAll()
      }
      ended = .success(())
    } catch {
      ended = .failure(error)
    }
    await collection?.collector.store.close()
    try ended.get()
  }
}

/// Why `kenshu serve` does not start.
public enum PreviewSessionError: Error, CustomStringConvertible {
  /// `--collect` on a project whose definitions have errors: no catalogue to collect for.
  case projectHasErrors

  /// The message, in both languages.
  public var message: Bilingual {
    switch self {
    case .projectHasErrors:
      Bilingual(
        ja: "停止しました: プロジェクトにエラーがあります（詳しくは kenshu validate で確認してください）",
        en: "stopped: the project has errors (run kenshu validate for details)")
    }
  }

  public var description: String { message.en.message }
}
