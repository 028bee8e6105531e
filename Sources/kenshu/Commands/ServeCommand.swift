import ArgumentParser
import Foundation
import KenshuCollection
import KenshuDefinitions
import KenshuServer
import Logging

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site, serve it on this computer and rebuild when files change.",
    discussion: """
      Open pages reload after every rebuild. When an edit breaks the build, the previous site \
      stays up and the pages show the problems. Press Ctrl-C to stop.

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

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("port must be 0–65535") }
    guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 (off) or more") }
    if let collectURL, !SiteBuild.isCollectURL(collectURL) {
      throw ValidationError("--collect-url must be an http(s) URL or a path starting with /")
    }
    for origin in allowOrigin where OriginPolicy.origin(origin) == nil {
      throw ValidationError(
        "--allow-origin needs an http(s) origin such as https://example.org (got \(origin))")
    }
    if !collect, database != nil || collectURL != nil || !allowOrigin.isEmpty || trustProxy {
      throw ValidationError("--database, --collect-url, --allow-origin and --trust-proxy need --collect")
    }
  }

  func run() async throws {
    let root = ProjectInput.root
    var collection: CollectionEndpoint?
    var buildCollectURL: String?
    if collect {
      let project = try ProjectInput.load()
      // Forms post to this server unless the project (or --collect-url) names another base.
      buildCollectURL = collectURL ?? project.settings.collectURL ?? "/"
      let store = try await CollectionInput.open(database)
      var logHandler = StreamLogHandler.standardError(label: "kenshu.collect")
      logHandler.logLevel = .info
      let collector = ResponseCollector(
        catalog: CollectionCatalog(project: project), store: store,
        logger: Logger(label: "kenshu.collect") { _ in logHandler })
      let origins = allowOrigin + [buildCollectURL].compactMap { $0 }.filter { !$0.hasPrefix("/") }
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
    let build = SiteBuild(
      root: root, output: URL(fileURLWithPath: output, relativeTo: root), baseURL: nil,
      collectURL: buildCollectURL, writeMode: .inPlace)
    let status = BuildStatus()
    let first = build.run(printer: DiagnosticPrinter(format: .text))
    await status.record(diagnostics: first.diagnostics, succeeded: first.published)
    if !first.published, !FileManager.default.fileExists(atPath: build.output.path) {
      try BuildErrorPlaceholder.write(into: build.output)
    }

    let watcher = SourceWatcher(
      paths: ["kenshu.xml", "curricula", "content", "rosters", "theme"].map {
        root.appendingPathComponent($0)
      })
    let server = PreviewServer(
      siteRoot: build.output, host: host, port: port, status: status, collection: collection,
      liveReload: !noWatch, connectOrigin: (buildCollectURL ?? first.collectURL).flatMap(OriginPolicy.origin))
    let watch = !noWatch
    let collector = collection?.collector
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await server.run { url in Console.error("serving \(url) (Ctrl-C to stop)") }
      }
      if watch {
        group.addTask {
          await watcher.watch { changes in
            Console.error("change detected, rebuilding …")
            let outcome = build.run(printer: DiagnosticPrinter(format: .text), changes: changes)
            await status.record(diagnostics: outcome.diagnostics, succeeded: outcome.published)
            // New survey definitions apply to the next submission once they load cleanly. They
            // live in definition files: edits under content/ alone cannot change them.
            if let collector, changes.edits(onlyUnder: root.appendingPathComponent("content")) == nil {
              let loaded = ProjectLoader(root: root).load(cache: build.definitions)
              if !loaded.diagnostics.hasErrors {
                collector.update(CollectionCatalog(project: loaded.project))
              }
            }
          }
        }
      }
      try await group.next()
      group.cancelAll()
    }
    await collector?.store.close()
  }
}
