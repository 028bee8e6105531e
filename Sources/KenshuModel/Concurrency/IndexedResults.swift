import Foundation

/// Results of parallel work filled by index: one slot per piece of work, written from worker
/// threads (each slot by one of them) and read in index order once the work is done, so that
/// output stays deterministic however the threads ran. The one such helper of the loader, the
/// checks, the CSV parser, the site builder and the reports.
public final class IndexedResults<Value>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  public init(count: Int) { storage = Array(repeating: nil, count: count) }

  /// The slot `index` (nil until written).
  public subscript(index: Int) -> Value? {
    get { lock.withLock { storage[index] } }
    set { lock.withLock { storage[index] = newValue } }
  }

  /// Every slot, in index order, nil where nothing was written.
  public var slots: [Value?] { lock.withLock { storage } }

  /// The written slots, in index order.
  public var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}

extension RandomAccessCollection where Index == Int, Element: Sendable {
  /// `map` with the elements transformed on all cores (`concurrentPerform`, one thread per
  /// core); the results keep the elements' order.
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let elements = Array(self)
    guard elements.count > 1 else { return elements.map(transform) }
    let results = IndexedResults<T>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      results[index] = transform(elements[index])
    }
    return results.values
  }
}
