import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCollection
import KenshuDefinitions
import KenshuModel
import KenshuServer
import KenshuSite
import Logging

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site, serve it on this computer and rebuild when files change.",
    discussion: """
      Open pages reload after every rebuild. When an edit breaks the build, the previous site \
      stays up and the pages show the problems. Press Ctrl-C to stop.

      Two editions are previewed: the learner site (site/) on --host:--port, and the \
      facilitator edition (private/facilitator-site/, with answer keys and notes) on its own \
      listener, http://127.0.0.1:<port+1>/ by default. The facilitator preview stays on \
      loopback even when --host is another address, unless --facilitator-host names one. \
      --no-facilitator previews the learner site only. A project with \
      <site publish-facilitator="true"> has everything in site/ and gets one listener.

      With --collect, the server also accepts survey responses and module completions at \
      /api/… and stores them in the response database (docs/collect.md). It listens on \
      loopback unless --host says otherwise; put a TLS reverse proxy in front of it to \
      collect over a network.
      """
  )

  @Option(help: "Address to listen on (loopback by default).") var host = "127.0.0.1"
  @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
  @Option(name: .shortAndLong, help: "Output folder.") var output = "site"
  @Flag(help: "Accept survey responses and completions (POST /api/…).") var collect = false
  @Option(help: CollectionInput.databaseHelp) var database: DatabaseLocation?
  @Option(help: "Submissions per minute per client address (0: no limit).") var rateLimit = 120
  @Option(
    help: """
      Base URL the built forms post to (default: kenshu.xml's collect-url, else this server: /). \
      Its origin may post.
      """)
  var collectURL: String?
  @Option(help: "Another origin whose pages may post (e.g. https://example.org); repeatable.")
  var allowOrigin: [String] = []
  @Flag(help: "Take client addresses from X-Real-IP/X-Forwarded-For (only behind your own reverse proxy).")
  var trustProxy = false
  @Flag(help: "Build once and serve, without watching sources or reloading pages.") var noWatch = false
  @Option(help: "Port of the facilitator preview (default: --port + 1; 0 picks a free one).")
  var facilitatorPort: Int?
  @Option(
    help:
      "Address of the facilitator preview (default 127.0.0.1 whatever --host is; another address exposes answer keys)."
  )
  var facilitatorHost: String?
  @Flag(help: "Preview the learner site only (no facilitator edition is built).") var noFacilitator = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("port must be 0–65535") }
    guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 (off) or more") }
    if let collectURL, !BuildConfiguration.isCollectURL(collectURL) {
      throw ValidationError("--collect-url must be an http(s) URL or a path starting with /")
    }
    for origin in allowOrigin where OriginPolicy.origin(origin) == nil {
      throw ValidationError(
        "--allow-origin needs an http(s) origin such as https://example.org (got \(origin))")
    }
    if !collect, database != nil || collectURL != nil || !allowOrigin.isEmpty || trustProxy {
      throw ValidationError("--database, --collect-url, --allow-origin and --trust-proxy need --collect")
    }
    if let facilitatorPort, !(0...65535).contains(facilitatorPort) {
      throw ValidationError("--facilitator-port must be 0–65535")
    }
    if let facilitatorPort, facilitatorPort != 0, facilitatorPort == port {
      throw ValidationError("--facilitator-port must differ from --port")
    }
    if noFacilitator, facilitatorPort != nil || facilitatorHost != nil {
      throw ValidationError("--facilitator-port and --facilitator-host cannot be used with --no-facilitator")
    }
  }

  func run() async throws {
    let layout = ProjectLayout(root: ProjectInput.root)
    let definitions = DefinitionCache()
    // With --collect, forms post to this server unless the project (or --collect-url) names
    // another base.
    let build = BuildSession(
      layout: layout,
      configuration: BuildConfiguration(
        output: URL(fileURLWithPath: output, relativeTo: layout.root), collectURL: collectURL,
        fallbackCollectURL: collect ? "/" : nil, writeMode: .inPlace),
      definitions: definitions)
    let status = BuildStatus()
    let first = build.run(printer: DiagnosticPrinter(format: .text))
    await status.record(diagnostics: first.diagnostics, succeeded: first.published)
    try Self.showErrorsPage(in: build, after: first)
    var collection: CollectionEndpoint?
    if collect {
      // The catalogue comes from the project the build loaded; a project with errors is not
      // collected for.
      guard let project = first.project, !first.loadFailed else {
        Console.error("stopped: the project has errors (run kenshu validate for details)")
        throw ExitCode(1)
      }
      let store = try await CollectionInput.open(database)
      var logHandler = StreamLogHandler.standardError(label: "kenshu.collect")
      logHandler.logLevel = .info
      let collector = ResponseCollector(
        catalog: CollectionCatalog(project: project), store: store,
        logger: Logger(label: "kenshu.collect") { _ in logHandler })
      let origins = allowOrigin + [first.collectURL].compactMap { $0 }.filter { !$0.hasPrefix("/") }
      collection = CollectionEndpoint(
        collector: collector, rateLimitPerMinute: rateLimit, origins: OriginPolicy(allowedOrigins: origins),
        trustProxyHeaders: trustProxy)
      Console.error(
        "collecting \(collector.catalog.surveys.count) surveys, \(collector.catalog.modules.count) modules' completions into \(database ?? .defaultSQLite)"
          + (rateLimit > 0 ? " (rate limit \(rateLimit)/min per client)" : " (no rate limit)"))
      if !["127.0.0.1", "::1", "localhost"].contains(host) {
        Console.error(
          "warning: listening on \(host): use a TLS reverse proxy for anything beyond this computer")
      }
    }
    // The facilitator edition, unless the learner site already holds everything.
    var facilitatorPreview: (build: BuildSession, status: BuildStatus, address: FacilitatorPreviewAddress)?
    if !noFacilitator, !first.publishesFacilitator {
      let facilitatorBuild = BuildSession(
        layout: layout,
        configuration: BuildConfiguration(
          edition: .facilitator, collectURL: collectURL, fallbackCollectURL: collect ? "/" : nil,
          writeMode: .inPlace),
        definitions: definitions)
      let facilitatorStatus = BuildStatus()
      let outcome = facilitatorBuild.run(printer: DiagnosticPrinter(format: .text))
      await facilitatorStatus.record(diagnostics: outcome.diagnostics, succeeded: outcome.published)
      try Self.showErrorsPage(in: facilitatorBuild, after: outcome)
      let address = FacilitatorPreviewAddress(learnerPort: port, host: facilitatorHost, port: facilitatorPort)
      if address.isExposed {
        Console.error(
          "warning: the facilitator preview (answer keys, notes) listens on \(address.host): other computers can read it"
        )
      }
      facilitatorPreview = (facilitatorBuild, facilitatorStatus, address)
    }
    let facilitator = facilitatorPreview

    let watcher = SourceWatcher(paths: layout.watchedPaths)
    // The pages post to the override or the project's collect-url: the CSP header allows that origin.
    let connectOrigin = first.collectURL.flatMap(OriginPolicy.origin)
    let server = PreviewServer(
      siteRoot: build.output, host: host, port: port, status: status, collection: collection,
      liveReload: !noWatch, connectOrigin: connectOrigin)
    let facilitatorServer = facilitator.map {
      PreviewServer(
        siteRoot: $0.build.output, host: $0.address.host, port: $0.address.port, status: $0.status,
        liveReload: !noWatch, connectOrigin: connectOrigin)
    }
    let watch = !noWatch
    let collector = collection?.collector
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await server.run { url in Console.error("serving \(url) (Ctrl-C to stop)") }
      }
      if let facilitatorServer {
        group.addTask {
          try await facilitatorServer.run { url in
            Console.error(
              "serving the facilitator edition at \(url) (answer keys and notes: not for learners)")
          }
        }
      }
      if watch {
        group.addTask {
          await watcher.watch { changes in
            Console.error("change detected, rebuilding …")
            let outcome = build.run(printer: DiagnosticPrinter(format: .text), changes: changes)
            await status.record(diagnostics: outcome.diagnostics, succeeded: outcome.published)
            if let facilitator {
              let other = facilitator.build.run(printer: DiagnosticPrinter(format: .text), changes: changes)
              await facilitator.status.record(diagnostics: other.diagnostics, succeeded: other.published)
            }
            // New survey definitions apply to the next submission once they load cleanly, from
            // the project the rebuild loaded.
            if let collector, outcome.scope == .full, let project = outcome.project, !outcome.loadFailed {
              collector.update(CollectionCatalog(project: project))
            }
          }
        }
      }
      try await group.next()
      group.cancelAll()
    }
    await collector?.store.close()
  }

  /// When a first build failed and left nothing to serve, a page that can show the errors.
  static func showErrorsPage(in build: BuildSession, after outcome: BuildOutcome) throws {
    guard !outcome.published, !FileManager.default.fileExists(atPath: build.output.path) else { return }
    try BuildErrorPlaceholder.write(into: build.output)
  }
}
