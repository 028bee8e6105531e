import Foundation
import Testing

/// Ctrl-C ends `kenshu serve` even while a browser tab holds the live-reload stream (issue 17:
/// the port closed but the process waited for the stream forever).
@Suite struct ServeSignalTests {
  @Test(arguments: [SIGINT, SIGTERM])
  func serve_exitsPromptly_withALiveReloadClientConnected(signal: Int32) throws {
    let root = try makeTemporaryFolder()
    #expect(try KenshuBinary.run(["init"], in: root).status == 0)
    let server = try ServeProcess(
      arguments: ["serve", "--port", "0", "--no-facilitator"], in: root, listeners: 1)
    defer { server.stop() }
    let learner = try #require(server.urls.first)
    let stream = try LiveReloadClient(host: learner.host, port: learner.port)
    defer { stream.close() }
    #expect(stream.connected)

    let sent = Date()
    kill(server.process.processIdentifier, signal)
    let deadline = sent.addingTimeInterval(10)
    while server.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    let seconds = Date().timeIntervalSince(sent)
    #expect(!server.process.isRunning, "serve still running \(seconds) s after the signal")
    guard !server.process.isRunning else {
      // `stop()` would wait for it forever.
      kill(server.process.processIdentifier, SIGKILL)
      return
    }
    #expect(server.process.terminationReason == .exit)
    #expect(server.process.terminationStatus == 0)
    #expect(seconds < 3, "serve took \(seconds) s to exit")
  }
}

/// A browser tab's `EventSource` on `/_kenshu/events`: the connection stays open.
final class LiveReloadClient {
  let descriptor: Int32
  /// Whether the server sent the stream's opening comment.
  private(set) var connected = false

  init(host: String, port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw POSIXError(.EINVAL) }
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
    let request = "GET /_kenshu/events HTTP/1.1\r\nHost: \(host):\(port)\r\nAccept: text/event-stream\r\n\r\n"
    _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
    var received = ""
    var buffer = [UInt8](repeating: 0, count: 4096)
    let deadline = Date().addingTimeInterval(10)
    while !received.contains(": connected"), Date() < deadline {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { break }
      received += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    connected = received.contains(": connected")
  }

  func close() { _ = Glibc.close(descriptor) }
}
