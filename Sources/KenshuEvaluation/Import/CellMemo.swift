import Foundation

/// What reading a cell's bytes gave in one column, remembered for the rest of a chunk of rows.
///
/// A column of choices, professions or labelled points holds a handful of spellings in 100,000
/// rows, and free text repeats too ("特になし"). Reading such a cell made a `String`, trimmed,
/// folded and looked it up; here its bytes are looked up first, and a spelling seen before in
/// the chunk gives the same outcome without any of that (`AnswerColumns` codes are valid for
/// every row of their chunk, so even a boxed answer is shared).
///
/// Bounded on every side: at most `entryLimit` spellings of at most `longestKept` bytes each are
/// kept, a look-up probes at most `probeLimit` slots (so crafted cells that collide cost a few
/// compares each, never a long scan: a cheap hash is safe here, where SipHash cost more than the
/// `String` it saves), and a column whose cells hardly repeat stops being looked up after a
/// sample of `sampleSize` cells, so that it costs little more than the plain reading.
///
/// A free-text column (`forText`) keeps more spellings and stays on at a lower share of repeats:
/// reading a text cell (a `String`, trimming, boxing it under a SipHash key) costs ~3,500
/// instructions against ~100 for a look-up that misses, so repeats pay from one cell in 16 on.
/// The benchmark's answers repeat often enough (~1,700 distinct texts, ~6,500 answers per
/// column and chunk) but only once the table holds more than 256 of them.
struct CellMemo {
  /// What a cell came to: the code written to the row's slot (0: no answer), the problem
  /// that excludes it, or nothing to write (LimeSurvey's `-oth-`, whose text is elsewhere).
  enum Outcome {
    case code(UInt32)
    case problem(ValueProblem)
    case skip
  }

  static let entryLimit = 256
  static let textEntryLimit = 4_096
  static let longestKept = 256
  static let sampleSize = 512
  static let probeLimit = 8

  /// Spellings kept at most: `entryLimit`, or `textEntryLimit` for free text.
  private let entryLimit: Int
  /// The memo stays on when at least one look-up in `hitShare` of the sample finds its cell.
  private let hitShare: Int
  /// Power-of-two table of `entries` indices (-1: free), twice `entryLimit`, so probes are short.
  private var slots: [Int32]
  private var keys: [UInt8] = []
  private var entries: [(hash: Int, start: Int32, count: Int32, outcome: Outcome)] = []
  private var lookups = 0
  private var hits = 0
  /// Set once a sample of cells shows that this column's cells seldom repeat.
  private(set) var isOff = false

  /// A memo for a column of choices, points or professions, or (`forText`) of free text.
  init(forText: Bool = false) {
    entryLimit = forText ? Self.textEntryLimit : Self.entryLimit
    hitShare = forText ? 16 : 4
    slots = [Int32](repeating: -1, count: 2 * entryLimit)
  }

  /// The outcome remembered for `bytes`, or nil (then read the cell and `remember` it with the
  /// same `hash`). `hash` is set whenever the memo is still in use.
  mutating func outcome(for bytes: UnsafeBufferPointer<UInt8>, hash: inout Int) -> Outcome? {
    guard !isOff, bytes.count <= Self.longestKept else { return nil }
    lookups += 1
    if lookups == Self.sampleSize && hits * hitShare < lookups {
      isOff = true
      return nil
    }
    hash = Self.hash(bytes)
    var slot = hash & (slots.count - 1)
    for _ in 0..<Self.probeLimit {
      let index = slots[slot]
      if index < 0 { return nil }
      let entry = entries[Int(index)]
      if entry.hash == hash && entry.count == bytes.count && matches(entry.start, bytes) {
        hits += 1
        return entry.outcome
      }
      slot = (slot + 1) & (slots.count - 1)
    }
    return nil
  }

  /// Keeps `outcome` for `bytes` (just looked up with `hash` and not found), while there is
  /// room near its slot.
  mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int, _ outcome: Outcome) {
    guard !isOff, bytes.count <= Self.longestKept, entries.count < entryLimit else { return }
    var slot = hash & (slots.count - 1)
    for _ in 0..<Self.probeLimit {
      if slots[slot] < 0 {
        slots[slot] = Int32(entries.count)
        entries.append((hash, Int32(keys.count), Int32(bytes.count), outcome))
        keys.append(contentsOf: bytes)
        return
      }
      slot = (slot + 1) & (slots.count - 1)
    }
  }

  private func matches(_ start: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return true }
    return keys.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + Int(start), bytes.baseAddress!, bytes.count) == 0
    }
  }

  /// FNV-1a over 8-byte words, then a final mix (the slot is taken from the low bits).
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    let raw = UnsafeRawBufferPointer(bytes)
    var offset = 0
    while offset + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3
      offset += 8
    }
    while offset < raw.count {
      hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01b3
      offset += 1
    }
    hash ^= hash >> 29
    hash = hash &* 0xbf58_476d_1ce4_e5b9
    hash ^= hash >> 32
    return Int(truncatingIfNeeded: hash)
  }
}
