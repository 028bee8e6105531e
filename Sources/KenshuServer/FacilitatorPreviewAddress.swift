/// Where `kenshu serve` shows the facilitator edition: on a listener of its own beside the
/// learner site's, bound to loopback whatever `--host` says, so that previewing a site for a
/// network (`--host 0.0.0.0`) never puts answer keys on it. Only an address given for the
/// facilitator preview itself (`--facilitator-host`) binds elsewhere.
public struct FacilitatorPreviewAddress: Sendable, Hashable {
  public var host: String
  public var port: Int

  /// `port` defaults to the one after the learner site's (a free one when that is 0 or the
  /// last port); `host` to 127.0.0.1.
  public init(learnerPort: Int, host: String? = nil, port: Int? = nil) {
    self.host = host ?? "127.0.0.1"
    self.port = port ?? ((learnerPort == 0 || learnerPort >= 65535) ? 0 : learnerPort + 1)
  }

  /// Whether other computers can reach it.
  public var isExposed: Bool { !Self.isLoopback(host) }

  /// `localhost`, `::1` and 127.0.0.0/8.
  public static func isLoopback(_ host: String) -> Bool {
    let name = host.lowercased()
    if name == "localhost" || name == "::1" || name == "[::1]" { return true }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "127" else { return false }
    return parts.allSatisfy { part in
      guard let value = Int(part), part.allSatisfy(\.isASCII) else { return false }
      return (0...255).contains(value)
    }
  }
}
