import Hummingbird

/// The request context of Kenshu's server: Hummingbird's basics plus the peer's address, which
/// the collection endpoint's rate limit is keyed on.
public struct KenshuRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The connecting peer's IP address, when the transport has one (not in router tests).
  public let peerAddress: String?
  /// What the collection API's middleware found (CORS, target, body, key), for its handler.
  public var collection = CollectionRequest()

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    peerAddress = source.channel.remoteAddress?.ipAddress
  }
}
