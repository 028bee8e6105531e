import Foundation

/// Which browser pages may post answers: pages of this server itself (the `Origin` names the
/// same host and port as the request's `Host`), and the origins configured with
/// `--allow-origin` (e.g. the public site when the collector runs elsewhere). Requests without
/// `Origin` come from programs, not pages, and pass unless `Sec-Fetch-Site` says a browser
/// sent them from another site.
public struct OriginPolicy: Sendable, Hashable {
  /// Allowed origins as `scheme://host[:port]`, lower case, default ports omitted.
  public var allowed: Set<String>

  public init(allowedOrigins: [String] = []) {
    allowed = Set(allowedOrigins.compactMap(Self.origin))
  }

  public enum Decision: Sendable, Hashable {
    case sameOrigin
    /// An allowed other origin: responses carry CORS headers naming it.
    case allowedCrossOrigin(String)
    case noOrigin
    case rejected
  }

  public func decide(origin: String?, secFetchSite: String?, host: String?) -> Decision {
    guard let origin, !origin.isEmpty else {
      if let site = secFetchSite?.lowercased(), site == "cross-site" || site == "same-site" {
        return .rejected
      }
      return .noOrigin
    }
    guard let normalised = Self.origin(origin) else { return .rejected }
    if let host, let components = URLComponents(string: normalised), let originHost = components.host {
      let authority = components.port.map { "\(originHost):\($0)" } ?? originHost
      let requestAuthority = Self.authority(host.lowercased(), scheme: components.scheme ?? "http")
      if authority == requestAuthority { return .sameOrigin }
    }
    if allowed.contains(normalised) { return .allowedCrossOrigin(normalised) }
    return .rejected
  }

  /// `scheme://host[:port]` of a URL or origin, lower case, default port dropped; nil when it
  /// is not an http(s) origin (e.g. `null`).
  public static func origin(_ text: String) -> String? {
    guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host?.lowercased(), !host.isEmpty
    else { return nil }
    let defaultPort = scheme == "https" ? 443 : 80
    if let port = components.port, port != defaultPort { return "\(scheme)://\(host):\(port)" }
    return "\(scheme)://\(host)"
  }

  /// A Host header without its default port.
  static func authority(_ host: String, scheme: String) -> String {
    let defaultSuffix = scheme == "https" ? ":443" : ":80"
    return host.hasSuffix(defaultSuffix) ? String(host.dropLast(defaultSuffix.count)) : host
  }
}
