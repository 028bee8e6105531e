import Foundation
import KenshuCollection

/// What `kenshu serve` previews, where it listens and whether it collects responses.
public struct PreviewConfiguration: Sendable {
  /// The learner site's address (loopback by default; 0 picks a free port).
  public var host: String
  public var port: Int
  /// The learner site's folder; nil: the edition's default (`site/`).
  public var output: URL?
  /// `--collect-url`: where the built forms post, over `kenshu.xml`'s.
  public var collectURL: String?
  /// Watch the sources, rebuild and reload pages (off: build once and serve).
  public var watch: Bool
  /// Where the facilitator edition is previewed; nil: the learner site only. A project that
  /// publishes its facilitator pages in `site/` gets no second listener either way.
  public var facilitator: FacilitatorPreviewAddress?
  /// Response collection (`--collect`); nil: none.
  public var collection: CollectionSettings?

  public init(
    host: String = "127.0.0.1", port: Int = 8080, output: URL? = nil, collectURL: String? = nil,
    watch: Bool = true, facilitator: FacilitatorPreviewAddress? = nil, collection: CollectionSettings? = nil
  ) {
    self.host = host
    self.port = port
    self.output = output
    self.collectURL = collectURL
    self.watch = watch
    self.facilitator = facilitator
    self.collection = collection
  }

  /// Whether the learner site listens on this computer only.
  public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}

/// `serve --collect`: how submissions are admitted and where they are stored.
public struct CollectionSettings: Sendable {
  /// Submissions per minute per client address (0: no limit).
  public var rateLimitPerMinute: Int
  /// Other origins whose pages may post (`--allow-origin`).
  public var allowedOrigins: [String]
  /// Client addresses from `X-Real-IP`/`X-Forwarded-For` (behind one's own reverse proxy only).
  public var trustProxyHeaders: Bool
  /// The response database, as messages name it.
  public var database: DatabaseLocation
  /// Opens the response database; called once, after the first build loaded the project
  /// cleanly (a project with errors opens nothing).
  public var openStore: @Sendable () async throws -> any ResponseStore
  /// The clock check-ins are recorded by: Japan time, with `--checkin-date`'s day when given
  /// (tests inject one).
  public var clock: CheckInClock

  public init(
    rateLimitPerMinute: Int = 120, allowedOrigins: [String] = [], trustProxyHeaders: Bool = false,
    database: DatabaseLocation = .defaultSQLite, clock: CheckInClock = CheckInClock(),
    openStore: @escaping @Sendable () async throws -> any ResponseStore
  ) {
    self.rateLimitPerMinute = rateLimitPerMinute
    self.allowedOrigins = allowedOrigins
    self.trustProxyHeaders = trustProxyHeaders
    self.database = database
    self.clock = clock
    self.openStore = openStore
  }
}
