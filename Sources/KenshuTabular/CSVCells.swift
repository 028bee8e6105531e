import Foundation
import KenshuModel

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// A delimited file read as its bytes and where every field lies in them: no `String` per cell.
///
/// `Table` holds each cell as a `String` in an array per record; on 100,000 responses × 41
/// columns that was 145 MB beside the file's 37 MB. Here a field is two 4-byte positions into
/// the file's bytes (or into a small buffer of unescaped text, for quoted fields with `""` or
/// line breaks), and the caller turns into a `String` only the cells it keeps. The records are
/// those `Table.read` gives, header first non-blank record and every record after it, blank ones
/// included (`CSVCellsTests` pins the two against each other).
///
/// A final class because it owns raw memory (freed in `deinit`); immutable after `init`, so it
/// may be read from several threads at once.
public final class CSVCells: @unchecked Sendable {
  /// The file name used in diagnostics.
  public let file: String
  /// Header cells as written (trimmed).
  public let header: [String]
  /// Line of the header row (0 for an empty file).
  public let headerLine: Int
  /// Number of data records after the header.
  public let count: Int

  /// The input's bytes (UTF-8) and the unescaped fields' bytes.
  private let text: UnsafeMutableBufferPointer<UInt8>
  private let spill: UnsafeMutableBufferPointer<UInt8>
  /// The records by part of the file, as split (concurrently): data record `r` is record
  /// `r + firstRecord` overall.
  private let parts: [Part]
  /// Overall index of each part's first record.
  private let partStarts: [Int]
  private let firstRecord: Int
  /// Every data record has at least this many fields (a sheet's rows are as wide as its header:
  /// the empty cells at a row's end are not stored); 0 for a delimited file.
  private let minimumWidth: Int

  /// A field start with this bit set is a position in `spill`, not in `text`.
  static let spillFlag: UInt32 = 1 << 31
  /// Inputs from this size are read as a `Table` instead (positions hold 31 bits).
  static let sizeLimit = 1 << 31

  struct Part {
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    /// Index in `starts` of each record's first field.
    var recordStarts: [UInt32] = []
    var lines: [Int] = []
  }

  /// One data record: where its fields are.
  public struct Record: Sendable {
    /// Number of fields (records may be ragged).
    public let fieldCount: Int
    /// 1-based physical line where the record starts.
    public let line: Int
    fileprivate let part: Int
    fileprivate let base: Int
    /// Fields with a position (the rest, up to `fieldCount`, are empty).
    fileprivate let stored: Int
  }

  /// The rows of a sheet (`SheetTableBuilder.cells`): one part whose text is `text`, the header
  /// already found (record `firstRecord - 1`), each data record padded to `minimumWidth`.
  init(
    file: String, text: UnsafeMutableBufferPointer<UInt8>, part: Part, header: [String], headerLine: Int,
    firstRecord: Int, minimumWidth: Int
  ) {
    self.file = file
    self.text = text
    spill = .allocate(capacity: 1)
    parts = [part]
    partStarts = [0]
    self.header = header
    self.headerLine = headerLine
    self.firstRecord = firstRecord
    self.minimumWidth = minimumWidth
    count = part.lines.count - firstRecord
  }

  fileprivate init(
    file: String, text: UnsafeMutableBufferPointer<UInt8>,
    parts: [(segment: Part, spill: [UInt8], lineOffset: Int)]
  ) {
    let spillCount = parts.reduce(0) { $0 + $1.spill.count }
    let spill = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(spillCount, 1))
    var spillBase = 0
    var kept: [Part] = []
    var starts: [Int] = []
    var total = 0
    for (segment, bytes, lineOffset) in parts {
      var segment = segment
      if !bytes.isEmpty {
        _ = UnsafeMutableBufferPointer(rebasing: spill[spillBase...]).initialize(from: bytes)
        let offset = UInt32(spillBase)
        for index in segment.starts.indices where segment.starts[index] & Self.spillFlag != 0 {
          segment.starts[index] += offset
          segment.ends[index] += offset
        }
      }
      if lineOffset != 0 { segment.lines = segment.lines.map { $0 + lineOffset } }
      spillBase += bytes.count
      starts.append(total)
      total += segment.lines.count
      kept.append(segment)
    }
    self.file = file
    self.text = text
    self.spill = spill
    self.parts = kept
    partStarts = starts
    minimumWidth = 0
    // The header is the first non-blank record; what precedes it is blank.
    var headerIndex: Int?
    var index = 0
    while index < total {
      let record = Self.record(index, parts: kept, partStarts: starts, minimumWidth: 0)
      let fields = (0..<record.fieldCount).map {
        Self.string(record, $0, parts: kept, text: text, spill: spill)
      }
      if !fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
        headerIndex = index
        break
      }
      index += 1
    }
    if let headerIndex {
      let record = Self.record(headerIndex, parts: kept, partStarts: starts, minimumWidth: 0)
      header = (0..<record.fieldCount).map {
        Self.string(record, $0, parts: kept, text: text, spill: spill).trimmingWhitespace()
      }
      headerLine = record.line
      firstRecord = headerIndex + 1
      count = total - headerIndex - 1
    } else {
      header = []
      headerLine = 0
      firstRecord = total
      count = 0
    }
  }

  deinit {
    text.deallocate()
    spill.deallocate()
  }

  /// Data record `index` (0-based, after the header).
  public func record(_ index: Int) -> Record {
    Self.record(index + firstRecord, parts: parts, partStarts: partStarts, minimumWidth: minimumWidth)
  }

  /// The bytes of field `index` of `record` (empty beyond the record's end). Valid UTF-8; the
  /// buffer lives as long as these cells.
  public func bytes(_ record: Record, _ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index < record.stored else { return UnsafeBufferPointer(start: nil, count: 0) }
    return Self.bytes(record, index, parts: parts, text: text, spill: spill)
  }

  /// The text of field `index` of `record` ("" beyond the record's end).
  public func string(_ record: Record, _ index: Int) -> String {
    String(decoding: bytes(record, index), as: UTF8.self)
  }

  /// Every data record's fields as strings, in the form `Table.records` holds them.
  public var rows: [[String]] {
    (0..<count).map { index in
      let record = record(index)
      return (0..<record.fieldCount).map { string(record, $0) }
    }
  }

  private static func record(_ overall: Int, parts: [Part], partStarts: [Int], minimumWidth: Int) -> Record {
    // Few parts (a handful per core): a linear search from the end is as quick as any.
    var part = partStarts.count - 1
    while part > 0 && partStarts[part] > overall { part -= 1 }
    let local = overall - partStarts[part]
    let segment = parts[part]
    let base = Int(segment.recordStarts[local])
    let end =
      local + 1 < segment.recordStarts.count ? Int(segment.recordStarts[local + 1]) : segment.starts.count
    return Record(
      fieldCount: max(end - base, minimumWidth), line: segment.lines[local], part: part, base: base,
      stored: end - base)
  }

  private static func bytes(
    _ record: Record, _ index: Int, parts: [Part], text: UnsafeMutableBufferPointer<UInt8>,
    spill: UnsafeMutableBufferPointer<UInt8>
  ) -> UnsafeBufferPointer<UInt8> {
    let segment = parts[record.part]
    let start = segment.starts[record.base + index]
    let end = Int(segment.ends[record.base + index])
    if start & spillFlag != 0 {
      return UnsafeBufferPointer(rebasing: spill[Int(start & ~spillFlag)..<end])
    }
    return UnsafeBufferPointer(rebasing: text[Int(start)..<end])
  }

  private static func string(
    _ record: Record, _ index: Int, parts: [Part], text: UnsafeMutableBufferPointer<UInt8>,
    spill: UnsafeMutableBufferPointer<UInt8>
  ) -> String {
    String(decoding: bytes(record, index, parts: parts, text: text, spill: spill), as: UTF8.self)
  }
}

/// Collects records as field positions for `CSVCells`.
struct CellCollector: CSVFieldSink {
  var part = CSVCells.Part()
  var spill: [UInt8] = []
  private var recordStart = 0

  mutating func beginRecord() { recordStart = part.starts.count }

  mutating func field(_ range: Range<Int>, of input: UnsafeBufferPointer<UInt8>) {
    part.starts.append(UInt32(truncatingIfNeeded: range.lowerBound))
    part.ends.append(UInt32(truncatingIfNeeded: range.upperBound))
  }

  mutating func field(copied text: UnsafeBufferPointer<UInt8>) {
    part.starts.append(CSVCells.spillFlag | UInt32(truncatingIfNeeded: spill.count))
    spill.append(contentsOf: text)
    part.ends.append(UInt32(truncatingIfNeeded: spill.count))
  }

  mutating func endRecord(line: Int) {
    part.recordStarts.append(UInt32(truncatingIfNeeded: recordStart))
    part.lines.append(line)
  }

  mutating func discardRecord() {
    part.starts.removeSubrange(recordStart...)
    part.ends.removeSubrange(recordStart...)
  }
}

/// The outcome of `Table.readCells`: a delimited file or an .xlsx sheet as `CSVCells`, or an
/// .ods, a sheet with cells merged over rows, a file that could not be read (or one too large
/// for positions of 31 bits) as a `Table`.
public struct CellsReadResult: Sendable {
  public var cells: CSVCells?
  public var table: Table?
  /// Start lines of records that could not be split and were rejected.
  public var rejectedLines: [Int]
  /// Encoding, CSV and header diagnostics, in file order: those `Table.read` gives.
  public var diagnostics: [Diagnostic]
}

extension Table {
  /// `read(contentsOf:options:displayName:)` for files that may be large: a delimited file is
  /// kept as its bytes and field positions (`CSVCells`) rather than a `String` per cell, and so
  /// is an .xlsx sheet (its cells' text, as `read` gives it, in one buffer). The diagnostics are
  /// the same as `read`'s.
  public static func readCells(
    contentsOf url: URL, options: TableReadOptions = TableReadOptions(), displayName: String? = nil
  ) throws -> CellsReadResult {
    let separator = options.separator ?? FieldSeparator(fileExtension: url.pathExtension)
    let file = displayName ?? url.relativePath
    let options = TableReadOptions(
      encoding: options.encoding, separator: separator, sheet: options.sheet, limits: options.limits)
    // Read into memory these cells keep (no `Data` and copy of it side by side); anything
    // unusual (not a regular file, a short read) goes through `Data`, which also gives the
    // errors `read` gives.
    guard let (bytes, count) = fileBytes(url) else {
      return readCells(data: try Data(contentsOf: url), file: file, options: options)
    }
    return readCells(
      bytes: bytes, count: count, file: file, options: options,
      concurrentThreshold: CSVParser.defaultConcurrentThreshold)
  }

  /// `readCells` of `data`, the bytes of a file named `file`.
  public static func readCells(data: Data, file: String, options: TableReadOptions = TableReadOptions())
    -> CellsReadResult
  {
    readCells(
      data: data, file: file, options: options, concurrentThreshold: CSVParser.defaultConcurrentThreshold)
  }

  /// `readCells` splitting inputs from `concurrentThreshold` bytes on all cores (tests lower it).
  static func readCells(data: Data, file: String, options: TableReadOptions, concurrentThreshold: Int)
    -> CellsReadResult
  {
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
    data.withUnsafeBytes { UnsafeMutableRawBufferPointer(bytes).copyMemory(from: $0) }
    return readCells(
      bytes: bytes, count: data.count, file: file, options: options, concurrentThreshold: concurrentThreshold)
  }

  /// The whole regular file at `url` in newly allocated memory, or nil.
  private static func fileBytes(_ url: URL) -> (UnsafeMutableBufferPointer<UInt8>, Int)? {
    guard url.isFileURL else { return nil }
    let descriptor = open(url.path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(status.st_size)
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(size, 1))
    var done = 0
    while done < size {
      let count = systemRead(descriptor, bytes.baseAddress! + done, size - done)
      guard count > 0 else { break }
      done += count
    }
    // One more byte would mean the file grew while read: let `Data` read it whole.
    var extra: UInt8 = 0
    guard done == size, systemRead(descriptor, &extra, 1) == 0 else {
      bytes.deallocate()
      return nil
    }
    return (bytes, size)
  }

  /// `readCells` of the `count` bytes at `bytes`, which it takes over (keeps or frees).
  private static func readCells(
    bytes: UnsafeMutableBufferPointer<UInt8>, count: Int, file: String, options: TableReadOptions,
    concurrentThreshold: Int
  ) -> CellsReadResult {
    let all = UnsafeBufferPointer(rebasing: bytes[..<count])
    let fileExtension = (file as NSString).pathExtension.lowercased()
    let spreadsheet =
      ["xlsx", "xlsm", "ods"].contains(fileExtension) || SpreadsheetFormat.detect(Data(all.prefix(8))) != nil
    guard !spreadsheet, count < CSVCells.sizeLimit else {
      let data = Data(all)
      bytes.deallocate()
      if let format = spreadsheetFormat(data: data, file: file) {
        return SpreadsheetReader.readCells(data: data, file: file, format: format, options: options)
      }
      let result = read(data: data, file: file, options: options)
      return CellsReadResult(
        cells: nil, table: result.table, rejectedLines: result.rejectedLines, diagnostics: result.diagnostics)
    }
    // The common case: UTF-8, with or without a byte-order mark, split straight from the
    // bytes. Otherwise (forced or detected other encoding, invalid UTF-8) the text is decoded
    // as `read` does, and its UTF-8 split.
    let hasBOM = all.starts(with: TextEncoding.utf8BOMBytes)
    let utf16 = all.starts(with: [0xFF, 0xFE]) || all.starts(with: [0xFE, 0xFF])
    let direct: Bool =
      switch options.encoding {
      case nil: !utf16
      case .utf8?, .utf8BOM?: true
      default: false
      }
    // Checked on all cores when the file is large enough to be split on all cores too.
    let checkParts = count >= concurrentThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1
    if direct,
      UTF8Validation.isValid(UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...]), parts: checkParts)
    {
      var count = count
      if hasBOM {
        // The cells' positions count from the text after the byte-order mark.
        memmove(bytes.baseAddress!, bytes.baseAddress! + 3, count - 3)
        count -= 3
      }
      let body = UnsafeBufferPointer(rebasing: bytes[..<count])
      let separator = options.separator ?? FieldSeparator.detect(inUTF8: body)
      return cells(
        text: bytes, count: count, file: file, separator: separator, decodingDiagnostics: [],
        concurrentThreshold: concurrentThreshold)
    }
    let decoded = DecodedText(
      decoding: Data(bytesNoCopy: bytes.baseAddress!, count: count, deallocator: .none), file: file,
      encoding: options.encoding)
    bytes.deallocate()
    let separator = options.separator ?? FieldSeparator.detect(in: decoded.text)
    var utf8 = decoded.text
    let text = utf8.withUTF8 { bytes in
      let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
      _ = copy.initialize(from: bytes)
      return (copy, bytes.count)
    }
    return cells(
      text: text.0, count: text.1, file: file, separator: separator, decodingDiagnostics: decoded.diagnostics,
      concurrentThreshold: concurrentThreshold)
  }

  private static func cells(
    text: UnsafeMutableBufferPointer<UInt8>, count: Int, file: String, separator: FieldSeparator,
    decodingDiagnostics: [Diagnostic], concurrentThreshold: Int
  ) -> CellsReadResult {
    var parser = CSVParser(separator: separator, file: file)
    parser.concurrentThreshold = concurrentThreshold
    let parts = parser.split(UnsafeBufferPointer(rebasing: text[..<count])) { CellCollector() }
    var rejectedLines: [Int] = []
    var documentDiagnostics: [Diagnostic] = []
    for (segment, lineOffset) in parts {
      rejectedLines += segment.rejectedLines.map { $0 + lineOffset }
      for var diagnostic in segment.diagnostics {
        diagnostic.location.line += lineOffset
        documentDiagnostics.append(diagnostic)
      }
    }
    let cells = CSVCells(
      file: file, text: text,
      parts: parts.map { ($0.segment.sink.part, $0.segment.sink.spill, $0.lineOffset) })
    let headerTable = Table(file: file, header: cells.header, headerLine: cells.headerLine, records: [])
    var diagnostics = decodingDiagnostics + documentDiagnostics + headerTable.headerDiagnostics()
    if cells.header.isEmpty && rejectedLines.isEmpty {
      diagnostics.append(.error(Catalogue.emptyTable, (), at: SourceLocation(file: file, line: 1)))
    }
    return CellsReadResult(
      cells: cells, table: nil, rejectedLines: rejectedLines, diagnostics: diagnostics.sortedByLocation())
  }
}
