import Foundation
import KenshuModel

/// The outcome of the latest build and the clients waiting to hear about the next one.
public actor BuildStatus {
  public enum Event: String, Sendable {
    case reload
    case failed
  }

  private(set) var errors: [Diagnostic] = []
  private var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]
  /// How many events were sent to the pages so far.
  private(set) var broadcasts = 0

  public init() {}

  /// Records a build: a success clears errors and reloads pages; a failure keeps the previous
  /// site and tells pages to show the errors. `pagesChanged: false` (a rebuild that left the
  /// site as it was, after a check-in) reloads nothing unless pages were showing errors: the
  /// reception page, open all day, keeps what it shows.
  public func record(diagnostics: [Diagnostic], succeeded: Bool, pagesChanged: Bool = true) {
    let wasShowingErrors = !errors.isEmpty
    errors = diagnostics.filter { $0.severity == .error }
    if succeeded, !pagesChanged, !wasShowingErrors { return }
    broadcast(succeeded ? .reload : .failed)
  }

  public var currentErrors: [Diagnostic] { errors }

  /// A stream of events for one browser tab.
  public func subscribe() -> (UUID, AsyncStream<Event>) {
    let id = UUID()
    let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(4))
    listeners[id] = continuation
    return (id, stream)
  }

  public func unsubscribe(_ id: UUID) {
    listeners[id]?.finish()
    listeners[id] = nil
  }

  public var listenerCount: Int { listeners.count }

  private func broadcast(_ event: Event) {
    broadcasts += 1
    for continuation in listeners.values { continuation.yield(event) }
  }
}
