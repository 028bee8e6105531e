import ArgumentParser
import Foundation
import KenshuServer

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site, serve it on this computer and rebuild when files change.",
    discussion: """
      Open pages reload after every rebuild. When an edit breaks the build, the previous site \
      stays up and the pages show the problems. Press Ctrl-C to stop.
      """
  )

  @Option(help: "Address to listen on (loopback by default).") var host = "127.0.0.1"
  @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
  @Option(name: .shortAndLong, help: "Output folder.") var output = "site"

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("port must be 0–65535") }
  }

  func run() async throws {
    let root = ProjectInput.root
    let build = SiteBuild(
      root: root, output: URL(fileURLWithPath: output, relativeTo: root), baseURL: nil, writeMode: .inPlace)
    let status = BuildStatus()
    let first = build.run(printer: DiagnosticPrinter(format: .text))
    await status.record(diagnostics: first.diagnostics, succeeded: first.published)
    if !first.published, !FileManager.default.fileExists(atPath: build.output.path) {
      // Nothing to show yet: serve an empty folder so the page can display the errors.
      try FileManager.default.createDirectory(at: build.output, withIntermediateDirectories: true)
      try Data(
        "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>Kenshu</title></head><body><h1>ビルドエラー / Build errors</h1></body></html>"
          .utf8
      )
      .write(to: build.output.appendingPathComponent("index.html"))
    }

    let watcher = SourceWatcher(
      paths: ["kenshu.xml", "curricula", "content", "rosters", "theme"].map {
        root.appendingPathComponent($0)
      })
    let server = PreviewServer(siteRoot: build.output, host: host, port: port, status: status)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await server.run { url in Console.error("serving \(url) (Ctrl-C to stop)") }
      }
      group.addTask {
        await watcher.watch {
          Console.error("change detected, rebuilding …")
          let outcome = build.run(printer: DiagnosticPrinter(format: .text))
          await status.record(diagnostics: outcome.diagnostics, succeeded: outcome.published)
        }
      }
      try await group.next()
      group.cancelAll()
    }
  }
}
