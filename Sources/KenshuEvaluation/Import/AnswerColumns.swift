import Dispatch

/// The answers of one file's rows by item, written by several threads at once and then moved
/// into the response set as compact `AnswerColumn`s.
///
/// Each row has its slot from the start: a 4-byte `AnswerColumn` code per item (a point, an
/// option, or an index into the boxed answers of the row's chunk). Boxed answers (text, several
/// options, numbers) go to a list per chunk, so that threads never share one.
/// `@unchecked Sendable` because the storage is shared between threads: the chunk holding row
/// `r` is the only writer of slot `r` in every column and of its own boxed list, and nothing
/// reads a column until every chunk has finished (`concurrentPerform` returns only then).
final class AnswerColumns: @unchecked Sendable {
  private let codes: [UnsafeMutableBufferPointer<UInt32>]
  /// Boxed answers by chunk, each once: the same text in many rows of a chunk is kept once
  /// (free text repeats: "特になし", "なし"; 100,000 benchmark rows held 39 MB of texts).
  private let boxed: UnsafeMutableBufferPointer<[Answer]>
  /// Where each boxed answer of a chunk is, while the chunk is being read.
  private let boxedIndex: UnsafeMutableBufferPointer<[SharedText: UInt32]>
  private let before: [Int: UnsafeMutableBufferPointer<Int?>]
  let rowsPerChunk: Int

  init(items: Int, retrospectiveItems: [Int], rows: Int, rowsPerChunk: Int) {
    self.rowsPerChunk = max(1, rowsPerChunk)
    // Zero-filled memory from the system costs no page faults until written.
    codes = (0..<items).map { _ in
      let column = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: rows)
      column.initialize(repeating: 0)
      return column
    }
    let chunks = rows == 0 ? 1 : (rows - 1) / self.rowsPerChunk + 1
    boxed = .allocate(capacity: chunks)
    boxed.initialize(repeating: [])
    boxedIndex = .allocate(capacity: chunks)
    boxedIndex.initialize(repeating: [:])
    before = Dictionary(
      uniqueKeysWithValues: retrospectiveItems.map { item in
        let column = UnsafeMutableBufferPointer<Int?>.allocate(capacity: rows)
        column.initialize(repeating: nil)
        return (item, column)
      })
  }

  deinit {
    for column in codes { column.deallocate() }
    boxed.deinitialize()
    boxed.deallocate()
    boxedIndex.deinitialize()
    boxedIndex.deallocate()
    for column in before.values {
      column.deinitialize()
      column.deallocate()
    }
  }

  func answer(item: Int, row: Int) -> Answer? {
    AnswerColumn.decode(codes[item][row], boxed: boxed[row / rowsPerChunk])
  }

  /// Writes `answer` to row `row` of `item`; returns the code written, which stands for the
  /// same answer in any row of the same chunk (`setCode`).
  @discardableResult func setAnswer(_ answer: Answer?, item: Int, row: Int) -> UInt32 {
    guard let answer else {
      codes[item][row] = 0
      return 0
    }
    if let code = AnswerColumn.inlineCode(answer) {
      codes[item][row] = code
    } else {
      let chunk = row / rowsPerChunk
      // Texts are shared when their bytes are equal (`String`'s == would also join canonically
      // equivalent spellings, which are written out as typed); other kinds are not shared.
      let key: SharedText? =
        switch answer {
        case .text(let text): SharedText(other: false, text: ByteKey(text))
        case .other(let text): SharedText(other: true, text: ByteKey(text))
        default: nil
        }
      if let key, let index = boxedIndex[chunk][key] {
        codes[item][row] = AnswerColumn.boxedKind | index
        return AnswerColumn.boxedKind | index
      }
      let index = UInt32(boxed[chunk].count)
      if let key { boxedIndex[chunk][key] = index }
      codes[item][row] = AnswerColumn.boxedKind | index
      boxed[chunk].append(answer)
    }
    return codes[item][row]
  }

  /// Writes a code that `setAnswer` returned for a row of the same chunk as `row`.
  @inline(__always) func setCode(_ code: UInt32, item: Int, row: Int) { codes[item][row] = code }

  /// The rows of `chunk` are all written: its look-up table is no longer needed.
  func finishChunk(_ chunk: Int) { boxedIndex[chunk] = [:] }

  /// A text answer as shared within a chunk: free text or an "other" text, by its bytes.
  struct SharedText: Hashable {
    var other: Bool
    var text: ByteKey
  }

  func setBefore(_ point: Int?, item: Int, row: Int) { before[item]?[row] = point }

  /// The answers of the kept rows, in row order, as one column.
  func takeAnswers(item: Int, kept: [Bool], keptCount: Int) -> AnswerColumn {
    let column = codes[item]
    var boxedAnswers: [Answer] = []
    // Each chunk's boxed answers once in the column too: position in the column by local index.
    var moved: [UInt32] = []
    var movedChunk = -1
    let codes = [UInt32](unsafeUninitializedCapacity: keptCount) { buffer, initialized in
      var next = 0
      for row in column.indices where kept[row] {
        var code = column[row]
        if code & ~AnswerColumn.payloadMask == AnswerColumn.boxedKind {
          let chunk = row / rowsPerChunk
          if chunk != movedChunk {
            moved = [UInt32](repeating: .max, count: boxed[chunk].count)
            movedChunk = chunk
          }
          let local = Int(code & AnswerColumn.payloadMask)
          if moved[local] == .max {
            moved[local] = UInt32(boxedAnswers.count)
            boxedAnswers.append(boxed[chunk][local])
          }
          code = AnswerColumn.boxedKind | moved[local]
        }
        buffer.initializeElement(at: next, to: code)
        next += 1
      }
      initialized = next
    }
    return AnswerColumn(codes: codes, boxed: boxedAnswers)
  }

  /// Moves the "before" points of the kept rows out, in row order.
  func takeBefore(item: Int, kept: [Bool], keptCount: Int) -> [Int?] {
    guard let column = before[item] else { return [Int?](repeating: nil, count: keptCount) }
    return [Int?](unsafeUninitializedCapacity: keptCount) { buffer, initialized in
      var next = 0
      for row in column.indices where kept[row] {
        buffer.initializeElement(at: next, to: column[row])
        next += 1
      }
      initialized = next
    }
  }
}
