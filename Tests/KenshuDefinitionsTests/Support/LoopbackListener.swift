#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A TCP socket listening on 127.0.0.1 at an ephemeral port, to prove that nothing connects.
///
/// The kernel completes a TCP handshake into the listen backlog even if nobody calls `accept`,
/// so after a synchronous load a non-blocking `accept` tells whether anything tried to connect.
final class LoopbackListener {
  private let socketDescriptor: Int32
  /// The port the listener is bound to.
  let port: UInt16

  init?() {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard bound == 0, listen(descriptor, 8) == 0, named == 0 else {
      close(descriptor)
      return nil
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    socketDescriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
  }

  deinit { close(socketDescriptor) }

  /// Whether a connection is waiting (and accepts it, so a second call sees the next one).
  var receivedConnection: Bool {
    let client = accept(socketDescriptor, nil, nil)
    guard client >= 0 else { return false }
    close(client)
    return true
  }

  /// Connects to the listener once, as any HTTP client would.
  func connectOnce() -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
