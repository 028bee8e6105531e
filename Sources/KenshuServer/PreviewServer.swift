import Foundation
import Hummingbird
import KenshuModel
import Logging
import NIOPosix
import ServiceLifecycle

/// `kenshu serve`: serves the built site on loopback, rebuilds when sources change and tells
/// open pages to reload; when a rebuild fails, the previous site stays and pages show the
/// diagnostics. With a `collection`, it also accepts survey responses (`serve --collect`).
public struct PreviewServer: Sendable {
  public var site: SiteFiles
  public var host: String
  public var port: Int
  public var status: BuildStatus
  /// The response-collection API, when collecting.
  public var collection: CollectionEndpoint?
  /// Whether pages get the live-reload script (off when serving without rebuilds).
  public var liveReload: Bool
  /// The collection server's origin when the built forms post to another one: the
  /// Content-Security-Policy header allows it, as the pages' `<meta>` does.
  public var connectOrigin: String?

  public init(
    siteRoot: URL, host: String = "127.0.0.1", port: Int = 8080, status: BuildStatus = BuildStatus(),
    collection: CollectionEndpoint? = nil, liveReload: Bool = true, connectOrigin: String? = nil
  ) {
    site = SiteFiles(root: siteRoot)
    self.host = host
    self.port = port
    self.status = status
    self.collection = collection
    self.liveReload = liveReload
    self.connectOrigin = connectOrigin
  }

  /// The routes, separate from the running server so tests can drive them.
  public func router() -> Router<KenshuRequestContext> {
    let router = Router(context: KenshuRequestContext.self)
    // First: middleware applies only to the routes added after it.
    router.add(middleware: SecurityHeadersMiddleware(connectOrigin: connectOrigin))
    collection?.addRoutes(to: router)
    let liveReload = liveReload
    let site = site
    let status = status
    // Read once, when the routes are made: no handler blocks an event-loop thread on a file.
    let script =
      Bundle.module.url(forResource: "live-reload", withExtension: "js")
      .flatMap { try? Data(contentsOf: $0) } ?? Data()
    router.get("/_kenshu/live-reload.js") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: script)))
    }
    router.get("/_kenshu/status") { _, _ -> Response in
      let errors = await status.currentErrors
      let body = "{\"errors\":\(errors.jsonText())}"
      return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
    router.get("/_kenshu/events") { _, _ -> Response in
      let (id, events) = await status.subscribe()
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
        body: ResponseBody { writer in
          try await writer.write(ByteBuffer(string: ": connected\n\n"))
          // The stream never ends by itself: on Ctrl-C (the server's graceful shutdown, which
          // waits for open responses) it is finished, or the process would never exit.
          await withGracefulShutdownHandler {
            for await event in events {
              do {
                try await writer.write(ByteBuffer(string: "event: \(event.rawValue)\ndata: {}\n\n"))
              } catch {
                break
              }
            }
          } onGracefulShutdown: {
            Task { await status.unsubscribe(id) }
          }
          await status.unsubscribe(id)
          try await writer.finish(nil)
        })
    }
    let servePage: @Sendable (Request, KenshuRequestContext) async throws -> Response = { request, _ in
      // The look-up (`stat`s, symlinks resolved) and the read on NIO's thread pool: blocking
      // file calls here would hold an event-loop thread.
      let path = request.uri.path
      let found: (file: URL, data: Data?)?
      do {
        found = try await NIOThreadPool.singleton.runIfActive {
          // Only a folder Kenshu built a site into is served: never a project folder the build
          // refused to replace (`serve --output .` would otherwise publish private/).
          guard site.isKenshuSite, let file = site.file(forPath: path) else { return nil }
          return (file, try? Data(contentsOf: file))
        }
      } catch {
        return Response(status: .internalServerError)
      }
      guard let found else {
        return Response(
          status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
          body: ResponseBody(byteBuffer: ByteBuffer(string: "404 ページが見つかりません / Not found\n")))
      }
      let type = SiteFiles.contentType(for: found.file)
      guard var data = found.data else { return Response(status: .internalServerError) }
      if liveReload, type.hasPrefix("text/html") {
        data = Data(SiteFiles.injectLiveReload(into: String(decoding: data, as: UTF8.self)).utf8)
      }
      return Response(
        status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
    router.get("/", use: servePage)
    router.get("**", use: servePage)
    return router
  }

  /// Runs until cancelled. `onStart` receives the bound port's URL.
  public func run(
    logger: Logger = Logger(label: "kenshu.preview", factory: { _ in SwiftLogNoOpLogHandler() }),
    onStart: @escaping @Sendable (String) -> Void = { _ in }
  ) async throws {
    guard site.isKenshuSite else { throw PreviewServerError.notASite(site.root.path) }
    let app = Application(
      router: router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "kenshu-preview"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        onStart("http://\(host):\(bound)/")
      },
      logger: logger)
    try await app.runService()
  }
}

/// Why the preview server does not start.
public enum PreviewServerError: Error, CustomStringConvertible {
  /// The folder holds no site Kenshu built (no `SiteMarker` file): it is never served.
  case notASite(String)

  public var description: String {
    switch self {
    case .notASite(let path):
      "\(path) は Kenshu が作ったサイトではないため配信しません / refusing to serve \(path): it is not a site Kenshu built"
    }
  }
}
