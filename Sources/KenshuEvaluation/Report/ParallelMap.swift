import Dispatch

extension RandomAccessCollection where Index == Int {
  /// `map` with the elements computed concurrently (items of a report are independent and each
  /// walks 100,000 answers). Results keep their order.
  func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] where Element: Sendable {
    let elements = Array(self)
    guard elements.count > 1 else { return elements.map(transform) }
    var results = [T?](repeating: nil, count: elements.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot, so the writes never overlap.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        slots[index] = transform(elements[index])
      }
    }
    return results.compactMap { $0 }
  }
}
