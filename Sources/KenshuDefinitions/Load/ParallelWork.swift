import Foundation

/// Hands out indices to worker threads.
final class WorkCounter: @unchecked Sendable {
  private var next = 0
  private let lock = NSLock()

  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < limit else { return nil }
    defer { next += 1 }
    return next
  }
}
