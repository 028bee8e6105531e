import Dispatch

/// The answers of one file's rows by item, written by several threads at once and then moved
/// (not copied) into the response set.
///
/// Copying 4 million answers from per-chunk arrays into the set, and destroying the chunks
/// afterwards, cost as much as interpreting them; here each row has its slot from the start.
/// `@unchecked Sendable` because the storage is shared between threads: the chunk holding row
/// `r` is the only writer of slot `r` in every column, and nothing reads a column until every
/// chunk has finished (`concurrentPerform` returns only then).
final class AnswerColumns: @unchecked Sendable {
  private let answers: [UnsafeMutableBufferPointer<Answer?>]
  private let before: [Int: UnsafeMutableBufferPointer<Int?>]

  init(items: Int, retrospectiveItems: [Int], rows: Int) {
    let answers = (0..<items).map { _ in UnsafeMutableBufferPointer<Answer?>.allocate(capacity: rows) }
    // Filling 100 MB of fresh memory is mostly page faults; every core takes its share. Each
    // iteration initialises its own column only.
    nonisolated(unsafe) let columns = answers
    DispatchQueue.concurrentPerform(iterations: items) { columns[$0].initialize(repeating: nil) }
    self.answers = answers
    before = Dictionary(
      uniqueKeysWithValues: retrospectiveItems.map { item in
        let column = UnsafeMutableBufferPointer<Int?>.allocate(capacity: rows)
        column.initialize(repeating: nil)
        return (item, column)
      })
  }

  deinit {
    for column in answers {
      column.deinitialize()
      column.deallocate()
    }
    for column in before.values {
      column.deinitialize()
      column.deallocate()
    }
  }

  func answer(item: Int, row: Int) -> Answer? { answers[item][row] }
  func setAnswer(_ answer: Answer?, item: Int, row: Int) { answers[item][row] = answer }
  func setBefore(_ point: Int?, item: Int, row: Int) { before[item]?[row] = point }

  /// Moves the answers of the kept rows out, in row order (the slots are left empty).
  func takeAnswers(item: Int, kept: [Bool], keptCount: Int) -> [Answer?] {
    Self.take(answers[item], kept: kept, keptCount: keptCount)
  }

  /// Moves the "before" points of the kept rows out, in row order.
  func takeBefore(item: Int, kept: [Bool], keptCount: Int) -> [Int?] {
    guard let column = before[item] else { return [Int?](repeating: nil, count: keptCount) }
    return Self.take(column, kept: kept, keptCount: keptCount)
  }

  private static func take<T>(_ column: UnsafeMutableBufferPointer<T?>, kept: [Bool], keptCount: Int) -> [T?]
  {
    [T?](unsafeUninitializedCapacity: keptCount) { buffer, initialized in
      var next = 0
      for row in column.indices where kept[row] {
        buffer.initializeElement(at: next, to: column.moveElement(from: row))
        column.initializeElement(at: row, to: nil)
        next += 1
      }
      initialized = next
    }
  }
}
