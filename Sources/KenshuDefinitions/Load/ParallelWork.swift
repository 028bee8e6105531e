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

/// Results written by index from several threads; each slot is written by one thread only.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
