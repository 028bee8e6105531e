import CZlib
import Foundation
import KenshuModel
import ZIPFoundation

/// The zip container of an .xlsx or .ods file, opened in memory with limits that stop zip
/// bombs before they cost memory or time.
///
/// Every limit is checked twice: against the sizes the archive declares (before inflating a
/// byte) and against the bytes actually produced while inflating (a lying header is caught as
/// soon as the output passes what it declared). Nothing is written to disk and entries are
/// looked up by name inside the archive only, so no path in the file can reach outside it.
struct SpreadsheetArchive {
  /// Limits on what one spreadsheet may inflate to.
  struct Limits: Sendable {
    /// Largest uncompressed size of one part.
    var entryBytes: UInt64 = 1 << 30
    /// Largest uncompressed size of all the parts read from one file.
    var totalBytes: UInt64 = 2 << 30
    /// Largest ratio of uncompressed to compressed size, for parts over `ratioFloor` bytes.
    /// Real sheet XML compresses 10–100×; deflate cannot exceed about 1030×, which bombs use.
    var ratio: UInt64 = 400
    var ratioFloor: UInt64 = 1 << 20
  }

  /// A part that could not be read, with the reason.
  struct Failure: Error {
    var part: String
    var code: String
    var text: Bilingual

    init<Arguments>(part: String, _ template: MessageTemplate<Arguments>, _ arguments: Arguments) {
      self.part = part
      self.code = template.code
      self.text = template(arguments)
    }
  }

  /// Where a part is inflated while its consumer reads it.
  enum Inflation: Sendable {
    /// On the calling thread, between the consumer's calls: the reference behaviour.
    case serial
    /// Parts declaring more than `above` bytes are inflated on a thread of their own, at most
    /// `InflatedChunks.capacity` chunks ahead of the consumer, which reads them on the calling
    /// thread (libxml2 parses one while the next is inflated); smaller parts as `serial`.
    case pipelined(above: UInt64)

    /// Issue 12: evaluating a 100,000-row .xlsx (a 116 MB sheet) takes about 0.3 s less of its
    /// 3.3 s. A part under a megabyte inflates in a millisecond or two: not worth a thread.
    static let standard = Inflation.pipelined(above: 1 << 20)
  }

  let archive: Archive
  let limits: Limits
  let inflation: Inflation
  private(set) var bytesRead: UInt64 = 0

  init?(data: Data, limits: Limits = Limits(), inflation: Inflation = .standard) {
    guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
    self.archive = archive
    self.limits = limits
    self.inflation = inflation
  }

  /// Whether the archive holds a part called `path`.
  func contains(_ path: String) -> Bool { archive[path] != nil }

  /// Streams the uncompressed bytes of `path` to `consumer` in chunks, in order and on the
  /// calling thread, enforcing the limits. Returns false when there is no such part. `consumer`
  /// returns false to stop early. Whether the part is inflated on this thread or another
  /// (`inflation`), the consumer sees the same chunks and the same failure after the same chunk.
  mutating func stream(_ path: String, _ consumer: (Data) -> Bool) throws(Failure) -> Bool {
    guard let entry = archive[path] else { return false }
    try check(entry, path: path)
    let produced: UInt64
    if case .pipelined(let above) = inflation, entry.uncompressedSize > above {
      produced = try inflateAhead(entry, path: path, consumer)
    } else {
      produced = try inflate(entry, path: path, consumer)
    }
    bytesRead += produced
    return true
  }

  /// The limits checked against what `entry` declares, before inflating a byte.
  private func check(_ entry: Entry, path: String) throws(Failure) {
    guard entry.type == .file else { throw Failure(part: path, Catalogue.zipPartNotFile, ()) }
    let declared = entry.uncompressedSize
    let compressed = max(entry.compressedSize, 1)
    if declared > limits.entryBytes {
      throw Failure(part: path, Catalogue.zipPartDeclaresTooMuch, (declared, limits.entryBytes))
    }
    if declared > limits.ratioFloor, declared / compressed > limits.ratio {
      throw Failure(part: path, Catalogue.zipPartRatio, (declared / compressed, limits.ratio))
    }
    if bytesRead + declared > limits.totalBytes {
      throw Failure(part: path, Catalogue.zipTotalTooLarge, limits.totalBytes)
    }
  }

  /// Inflates `entry` into `consumer`, stopping at the first byte past its declared size;
  /// returns the bytes handed over (up to and including the chunk the consumer stopped at).
  private func inflate(_ entry: Entry, path: String, _ consumer: (Data) -> Bool) throws(Failure) -> UInt64 {
    let declared = entry.uncompressedSize
    var produced: UInt64 = 0
    var overrun: UInt64?
    var stoppedByConsumer = false
    struct Stop: Error {}
    // The checksum is zlib's `crc32`, not ZIPFoundation's: on Linux, where its `zlib` module
    // is named `CZlib`, ZIPFoundation computes CRC-32 with a table in Swift, a byte at a time
    // (0.15 G of the 4.6 G instructions of evaluating a 20,000-row .xlsx; zlib's takes a few
    // hundredths of that).
    var checksum: CRC32 = 0
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
        produced += UInt64(chunk.count)
        // The header lied: more bytes than declared is never legitimate.
        if produced > declared {
          overrun = declared
          throw Stop()
        }
        checksum = Self.crc32(chunk, continuing: checksum)
        if !consumer(chunk) {
          stoppedByConsumer = true
          throw Stop()
        }
      }
    } catch is Stop {
      if let overrun { throw Failure(part: path, Catalogue.zipPartOverrun, overrun) }
    } catch {
      throw Failure(part: path, Catalogue.zipPartNotInflatable, "\(error)")
    }
    if !stoppedByConsumer, produced != declared {
      throw Failure(part: path, Catalogue.zipPartShort, ())
    }
    // A part whose bytes are not the ones the zip says it holds is damaged, even when they
    // happen to parse: a cell could read as another number.
    if !stoppedByConsumer, checksum != entry.checksum {
      throw Failure(part: path, Catalogue.zipPartChecksum, ())
    }
    return produced
  }

  /// The CRC-32 of `chunk` following the bytes whose CRC-32 is `checksum` (0 for none).
  static func crc32(_ chunk: Data, continuing checksum: CRC32) -> CRC32 {
    chunk.withUnsafeBytes { bytes in
      guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return checksum }
      return CRC32(truncatingIfNeeded: CZlib.crc32(uLong(checksum), base, uInt(bytes.count)))
    }
  }

  /// `inflate` on a thread of its own, handing chunks over through `InflatedChunks`; the
  /// consumer runs here. The failure of the inflating side, if any, reaches the consumer after
  /// the chunks inflated before it, as in `inflate`; when the consumer stops, the inflater is
  /// told to stop and waited for (it is the only user of `archive` until then), and whatever
  /// it found past that chunk is ignored, as `inflate` never gets there.
  private func inflateAhead(_ entry: Entry, path: String, _ consumer: (Data) -> Bool) throws(Failure)
    -> UInt64
  {
    let chunks = InflatedChunks()
    let inflater = UncheckedSendable((archive: self, entry: entry))
    // A thread of its own, not a dispatch queue: the caller may itself run on one of the
    // dispatch pool's threads (files read in parallel) and would wait for ever on an inflater
    // queued behind it.
    let thread = Thread {
      let (archive, entry) = inflater.value
      let outcome = Result { () throws(Failure) in try archive.inflate(entry, path: path) { chunks.send($0) }
      }
      chunks.finish(outcome)
    }
    thread.stackSize = 1 << 20
    thread.start()
    var delivered: UInt64 = 0
    while let chunk = chunks.receive() {
      delivered += UInt64(chunk.count)
      if !consumer(chunk) {
        chunks.cancel()
        _ = chunks.outcome()
        return delivered
      }
    }
    return try chunks.outcome().get()
  }

  /// The whole part `path` (for the small parts: workbook, relationships, styles, manifest).
  mutating func data(_ path: String) throws(Failure) -> Data? {
    var data = Data()
    let found = try stream(path) { chunk in
      data.append(chunk)
      return true
    }
    return found ? data : nil
  }
}

/// The chunks of one part on their way from the inflating thread to the consumer: at most
/// `capacity` waiting (so memory stays at a few hundred kilobytes whatever the part's size),
/// then the inflater's outcome. Either side may stop the other: the consumer by `cancel()`
/// (the inflater's next `send` returns false), the inflater by `finish` (the consumer's
/// `receive` returns nil once the waiting chunks are taken).
final class InflatedChunks: @unchecked Sendable {
  static let capacity = 4

  private let condition = NSCondition()
  private var waiting: [Data] = []
  private var cancelled = false
  private var finished: Result<UInt64, SpreadsheetArchive.Failure>?

  /// Inflater: waits for room; false when the consumer has stopped.
  func send(_ chunk: Data) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= Self.capacity, !cancelled { condition.wait() }
    guard !cancelled else { return false }
    waiting.append(chunk)
    condition.broadcast()
    return true
  }

  /// Inflater: no more chunks; `outcome` is what `inflate` returned or threw.
  func finish(_ outcome: Result<UInt64, SpreadsheetArchive.Failure>) {
    condition.lock()
    finished = outcome
    condition.broadcast()
    condition.unlock()
  }

  /// Consumer: the next chunk, or nil when the inflater has finished and none is left.
  func receive() -> Data? {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty, finished == nil { condition.wait() }
    guard !waiting.isEmpty else { return nil }
    condition.broadcast()
    return waiting.removeFirst()
  }

  /// Consumer: stop the inflater (chunks waiting are dropped).
  func cancel() {
    condition.lock()
    cancelled = true
    waiting.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  /// Consumer: waits until the inflater has finished and returns its outcome.
  func outcome() -> Result<UInt64, SpreadsheetArchive.Failure> {
    condition.lock()
    defer { condition.unlock() }
    while finished == nil { condition.wait() }
    return finished!
  }
}

/// A value handed to another thread that is known to be used by one thread at a time.
struct UncheckedSendable<Value>: @unchecked Sendable {
  var value: Value
  init(_ value: Value) { self.value = value }
}
