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

  let archive: Archive
  let limits: Limits
  private(set) var bytesRead: UInt64 = 0

  init?(data: Data, limits: Limits = Limits()) {
    guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
    self.archive = archive
    self.limits = limits
  }

  /// Whether the archive holds a part called `path`.
  func contains(_ path: String) -> Bool { archive[path] != nil }

  /// Streams the uncompressed bytes of `path` to `consumer` in chunks, enforcing the limits.
  /// Returns false when there is no such part. `consumer` returns false to stop early.
  mutating func stream(_ path: String, _ consumer: (Data) -> Bool) throws(Failure) -> Bool {
    guard let entry = archive[path] else { return false }
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
    var produced: UInt64 = 0
    var overrun: UInt64?
    var stoppedByConsumer = false
    struct Stop: Error {}
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
        produced += UInt64(chunk.count)
        // The header lied: more bytes than declared is never legitimate.
        if produced > declared {
          overrun = declared
          throw Stop()
        }
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
    bytesRead += produced
    return true
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
