import Dispatch
import Foundation
import KenshuModel

/// A reader for comma- (or tab-) separated text: RFC 4180 plus what real exports do.
///
/// We use this small state machine rather than yaslab/CSV.swift or swiftcsv/SwiftCSV because
/// neither reports the physical line where a record starts (needed for `roster.csv:57: error`
/// when earlier cells contain line breaks), neither decodes CP932, and neither recovers from an
/// unterminated quote with a located error. The rules:
/// - records end at CR LF, LF or a lone CR; each counts as one physical line;
/// - a field that starts with `"` is quoted: it may contain separators, line breaks and `""`
///   (one quote); line breaks inside it are normalised to "\n";
/// - text after a closing quote (`"abc"def`) is kept, with a `csv-text-after-quote` warning;
///   a quote inside an unquoted field (`5"`) is kept as is;
/// - a cell that is an apostrophe before formula-like text (`'=1+1`, `'-特になし`) loses that
///   apostrophe: it is the guard `CSVWriter` adds (see `FormulaGuard`);
/// - empty physical lines are skipped (they hold no data; trailing ones are common);
/// - a quote that is never closed is an error (`csv-unterminated-quote`) at the line where its
///   record starts; that record is rejected and reading resumes on the next physical line after
///   the opening quote, so one stray quote costs one row, not the rest of the file.
public struct CSVParser: Sendable {
  public var separator: FieldSeparator
  /// The file name used in diagnostics.
  public var file: String
  /// Size from which the input is split in parts concurrently (tests lower it).
  var concurrentThreshold = CSVParser.defaultConcurrentThreshold

  public init(separator: FieldSeparator = .comma, file: String = "") {
    self.separator = separator
    self.file = file
  }

  /// Splits `text` into records.
  public func parse(_ text: String) -> CSVDocument {
    var text = text
    // A String's bytes are valid UTF-8, so the scan cannot fail.
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// Splits UTF-8 bytes into records; nil when they are not valid UTF-8 (the caller then
  /// decodes the text another way). This spares building one String of the whole file first.
  public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CSVDocument? {
    guard UTF8Validation.isValid(bytes) else { return nil }
    return parse(bytes: bytes)
  }

  /// Splits valid UTF-8 bytes into records. Large inputs are cut at line starts and the parts
  /// split concurrently, each as if a record started there; a part is kept only when the part
  /// before it really ended exactly at its start (a quoted field with line breaks may run
  /// across a cut), otherwise that stretch is split again from where the previous part ended.
  /// The result is always that of one pass from the start.
  private func parse(bytes: UnsafeBufferPointer<UInt8>) -> CSVDocument {
    var document = CSVDocument(records: [])
    let parts = split(bytes) { RecordCollector() }
    document.records.reserveCapacity(parts.reduce(0) { $0 + $1.segment.sink.records.count })
    for (segment, lineOffset) in parts {
      document.append(
        CSVDocument(
          records: segment.sink.records, rejectedLines: segment.rejectedLines,
          diagnostics: segment.diagnostics),
        lineOffset: lineOffset)
    }
    return document
  }

  /// The parts of `bytes`, split concurrently when large, each with the number to add to its
  /// line numbers; in file order, together exactly one pass from the start (see `parse`).
  func split<Sink: CSVFieldSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, into makeSink: @Sendable () -> Sink
  )
    -> [(segment: Segment<Sink>, lineOffset: Int)]
  {
    let cuts = cuts(in: bytes)
    guard cuts.count > 2 else {
      return [(parseSegment(bytes, from: 0, to: bytes.count, firstLine: 1, into: makeSink()), 0)]
    }
    let parts = cuts.count - 1
    let results = IndexedResults<Segment<Sink>>(count: parts)
    // The bytes are only read.
    nonisolated(unsafe) let input = bytes
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      results[part] = parseSegment(
        input, from: cuts[part], to: cuts[part + 1], firstLine: 1, into: makeSink())
    }
    var speculative = results.slots
    var kept: [(segment: Segment<Sink>, lineOffset: Int)] = []
    var position = 0
    var line = 1
    for part in 0..<parts {
      let (start, end) = (cuts[part], cuts[part + 1])
      if position >= end {
        speculative[part] = nil
        continue  // a record before ran across this whole part
      }
      if position == start, let segment = speculative[part] {
        speculative[part] = nil
        kept.append((segment, line - 1))
        position = segment.end
        line += segment.lines
      } else {
        speculative[part] = nil
        let exact = parseSegment(bytes, from: position, to: end, firstLine: line, into: makeSink())
        kept.append((exact, 0))
        position = exact.end
        line += exact.lines
      }
    }
    return kept
  }

  /// Inputs smaller than this are split in one pass: starting threads would cost more.
  static let defaultConcurrentThreshold = 2 << 20

  /// Cut positions: 0, line starts near equal shares of the input, and the end. A cut never
  /// falls between the CR and LF of one line break.
  private func cuts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    let count = bytes.count
    guard count >= concurrentThreshold else { return [0, count] }
    let parts = min(4 * ProcessInfo.processInfo.activeProcessorCount, count / (concurrentThreshold / 4))
    var cuts = [0]
    for part in 1..<max(parts, 1) {
      var position = max(count * part / parts, cuts[cuts.count - 1])
      while position < count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
      if position < count, bytes[position] == 0x0D { position += 1 }
      if position < count, bytes[position] == 0x0A { position += 1 }
      if position < count, position > cuts[cuts.count - 1] { cuts.append(position) }
    }
    cuts.append(count)
    return cuts
  }

  /// The records of one stretch of the input, and where the scan stopped.
  struct Segment<Sink: CSVFieldSink> {
    /// The records, as the sink collected them (line numbers from the stretch's `firstLine`).
    var sink: Sink
    var rejectedLines: [Int]
    var diagnostics: [Diagnostic]
    /// Byte position after the last record (beyond the stretch when a record ran over its end).
    var end: Int
    /// Physical lines consumed.
    var lines: Int
  }

  /// Splits the records that start in `start..<end`; line numbers count from `firstLine`.
  private func parseSegment<Sink: CSVFieldSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, firstLine: Int, into sink: Sink
  ) -> Segment<Sink> {
    // Every byte the state machine acts on (quote, separator, CR, LF) is ASCII, and ASCII bytes
    // never occur inside a multi-byte UTF-8 sequence, so scanning bytes is exact and avoids
    // decoding every scalar.
    var scanner = ByteScanner(bytes: bytes, separator: separator.byte, sink: sink)
    scanner.position = start
    scanner.line = firstLine
    var diagnostics: [Diagnostic] = []
    var rejectedLines: [Int] = []
    var afterQuote: [Int] = []
    while scanner.position < end {
      afterQuote.removeAll(keepingCapacity: true)
      switch scanner.nextRecord(textAfterQuoteLines: &afterQuote) {
      case .record:
        for line in afterQuote {
          diagnostics.append(
            .warning(Catalogue.textAfterQuote, (), at: SourceLocation(file: file, line: line)))
        }
      case .unterminated(let line):
        rejectedLines.append(line)
        diagnostics.append(
          .error(Catalogue.unterminatedQuote, (), at: SourceLocation(file: file, line: line)))
      }
    }
    return Segment(
      sink: scanner.sink, rejectedLines: rejectedLines, diagnostics: diagnostics, end: scanner.position,
      lines: scanner.line - firstLine)
  }

  private enum Outcome {
    /// A record, kept or (an empty physical line) skipped.
    case record
    case unterminated(line: Int)
  }

  /// Cursor over the UTF-8 bytes; kept private so the state machine's invariants stay in one
  /// place. Fields are cut as byte ranges and handed to the sink: a range of the input when
  /// the field is written as it reads, else its unescaped bytes (`scratch`: quoted fields with
  /// `""` or line breaks, text after a closing quote).
  private struct ByteScanner<Sink: CSVFieldSink> {
    static var quote: UInt8 { UInt8(ascii: "\"") }
    static var lineFeed: UInt8 { UInt8(ascii: "\n") }
    static var carriageReturn: UInt8 { UInt8(ascii: "\r") }

    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    var sink: Sink
    var position = 0
    var line = 1
    /// The bytes of a quoted field being unescaped, reused across fields.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, sink: Sink) {
      self.bytes = bytes
      self.separator = separator
      self.sink = sink
    }

    @inline(__always) private func isLineBreak(_ byte: UInt8) -> Bool {
      byte == Self.lineFeed || byte == Self.carriageReturn
    }

    @inline(__always) private func isFieldEnd(_ byte: UInt8) -> Bool {
      byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn
    }

    /// Moves `position` eight bytes at a time while none of them is the separator or a line
    /// break (a byte equal to `b` leaves a zero byte in `word ^ b·0x0101…`, which the borrow
    /// test finds). Free-text answers are most of a survey export's bytes, and the byte loop
    /// cost ~6 instructions a byte on them; it finishes the field from where this stops.
    @inline(__always) private mutating func skipWordsWithoutFieldEnd() {
      let ones: UInt64 = 0x0101_0101_0101_0101
      @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & 0x8080_8080_8080_8080 != 0
      }
      let separators = UInt64(separator) &* ones
      let raw = UnsafeRawBufferPointer(bytes)
      while position + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        if hasZeroByte(word ^ separators) || hasZeroByte(word ^ (UInt64(Self.lineFeed) &* ones))
          || hasZeroByte(word ^ (UInt64(Self.carriageReturn) &* ones))
        {
          return
        }
        position += 8
      }
    }

    /// Consumes one line break (CR LF counts once) at `position`.
    private mutating func consumeLineBreak() {
      if bytes[position] == Self.carriageReturn, position + 1 < bytes.count,
        bytes[position + 1] == Self.lineFeed
      {
        position += 2
      } else {
        position += 1
      }
      line += 1
    }

    /// Whether a field's bytes start with the writer's formula guard (an apostrophe before
    /// formula-like text), which is undone so that files Kenshu wrote read back as they were.
    @inline(__always) private static func isGuarded(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
      field.first == FormulaGuard.apostrophe
        && FormulaGuard.looksLikeFormula(bytes: field.drop { $0 == FormulaGuard.apostrophe })
    }

    /// Reads one record into the sink (an empty physical line is read and skipped).
    mutating func nextRecord(textAfterQuoteLines afterQuote: inout [Int]) -> Outcome {
      let startLine = line
      var fieldCount = 0
      var onlyFieldIsEmpty = false
      sink.beginRecord()
      while true {
        if position < bytes.count, bytes[position] == Self.quote {
          let opening = position
          guard readQuoted() else {
            sink.discardRecord()
            return .unterminated(line: startLine)
          }
          if position < bytes.count, !isFieldEnd(bytes[position]) {
            afterQuote.append(line)
            let start = position
            while position < bytes.count, !isFieldEnd(bytes[position]) { position += 1 }
            scratch.append(contentsOf: bytes[start..<position])
            scratchIsVerbatim = false
          }
          if scratchIsVerbatim {
            // Nothing was unescaped: the field is the input between the quotes.
            var range = (opening + 1)..<(position - 1)
            if Self.isGuarded(UnsafeBufferPointer(rebasing: bytes[range])) { range = range.dropFirst() }
            sink.field(range, of: bytes)
          } else {
            scratch.withUnsafeBufferPointer { text in
              sink.field(
                copied: Self.isGuarded(text) ? UnsafeBufferPointer(rebasing: text.dropFirst()) : text)
            }
          }
        } else {
          let start = position
          skipWordsWithoutFieldEnd()
          while position < bytes.count, !isFieldEnd(bytes[position]) { position += 1 }
          var range = start..<position
          if Self.isGuarded(UnsafeBufferPointer(rebasing: bytes[range])) { range = range.dropFirst() }
          sink.field(range, of: bytes)
          onlyFieldIsEmpty = fieldCount == 0 && range.isEmpty
        }
        fieldCount += 1
        if position >= bytes.count || bytes[position] != separator {
          if position < bytes.count { consumeLineBreak() }
          // An empty physical line holds no record.
          if fieldCount == 1 && onlyFieldIsEmpty {
            sink.discardRecord()
          } else {
            sink.endRecord(line: startLine)
          }
          return .record
        }
        position += 1
      }
    }

    /// Whether `scratch` holds the quoted field's bytes as they are in the input (no `""`, no
    /// line break): the field can then be handed over as a range of the input.
    private var scratchIsVerbatim = true

    /// Reads a quoted field starting at its opening quote into `scratch`. On success the cursor
    /// is just past the closing quote. When the quote is never closed, the cursor moves to the
    /// start of the line after the opening quote (or the end) and false is returned.
    private mutating func readQuoted() -> Bool {
      let openingLine = line
      scratch.removeAll(keepingCapacity: true)
      scratchIsVerbatim = true
      position += 1
      var resume: (position: Int, line: Int)?
      while position < bytes.count {
        // Copy the run of ordinary bytes up to the next quote or line break in one go.
        let start = position
        while position < bytes.count, bytes[position] != Self.quote, !isLineBreak(bytes[position]) {
          position += 1
        }
        if position > start { scratch.append(contentsOf: bytes[start..<position]) }
        guard position < bytes.count else { break }
        if bytes[position] == Self.quote {
          if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
            scratch.append(Self.quote)
            scratchIsVerbatim = false
            position += 2
          } else {
            position += 1
            return true
          }
        } else {
          consumeLineBreak()
          scratch.append(Self.lineFeed)
          scratchIsVerbatim = false
          if resume == nil { resume = (position, line) }
        }
      }
      if let resume {
        (position, line) = resume
      } else {
        line = openingLine
      }
      return false
    }
  }
}

/// Receives the records of a stretch of input as `CSVParser` cuts them: the fields of a record
/// one by one, then its end; a record that turns out to be no record (an empty line, an
/// unterminated quote) is discarded.
protocol CSVFieldSink: Sendable {
  /// A record starts.
  mutating func beginRecord()
  /// A field whose text is `input[range]` (valid UTF-8).
  mutating func field(_ range: Range<Int>, of input: UnsafeBufferPointer<UInt8>)
  /// A field whose text is `text` (unescaped; valid UTF-8).
  mutating func field(copied text: UnsafeBufferPointer<UInt8>)
  /// The record, which started on physical line `line`, is complete.
  mutating func endRecord(line: Int)
  /// The fields since `beginRecord` are not a record.
  mutating func discardRecord()
}

/// Collects records as `CSVRecord`s of `String` fields.
struct RecordCollector: CSVFieldSink {
  var records: [CSVRecord] = []
  private var fields: [String] = []

  mutating func beginRecord() {
    // The previous record's width: growing field by field left most rows with room for 64.
    let width = fields.count
    fields = []
    fields.reserveCapacity(width)
  }

  mutating func field(_ range: Range<Int>, of input: UnsafeBufferPointer<UInt8>) {
    fields.append(String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self))
  }

  mutating func field(copied text: UnsafeBufferPointer<UInt8>) {
    fields.append(String(decoding: text, as: UTF8.self))
  }

  mutating func endRecord(line: Int) { records.append(CSVRecord(line: line, fields: fields)) }

  mutating func discardRecord() {}
}

extension CSVDocument {
  /// Appends another part's records, with its line numbers moved by `lineOffset`.
  fileprivate mutating func append(_ other: CSVDocument, lineOffset: Int) {
    guard lineOffset != 0 else {
      records += other.records
      rejectedLines += other.rejectedLines
      diagnostics += other.diagnostics
      return
    }
    for var record in other.records {
      record.line += lineOffset
      records.append(record)
    }
    rejectedLines += other.rejectedLines.map { $0 + lineOffset }
    for var diagnostic in other.diagnostics {
      diagnostic.location.line += lineOffset
      diagnostics.append(diagnostic)
    }
  }
}

/// The records of one delimited text, with what went wrong while splitting it.
public struct CSVDocument: Sendable, Hashable {
  /// Records in file order (empty physical lines left out).
  public var records: [CSVRecord]
  /// Start lines of records rejected because they could not be split (unterminated quote).
  public var rejectedLines: [Int]
  public var diagnostics: [Diagnostic]

  public init(records: [CSVRecord], rejectedLines: [Int] = [], diagnostics: [Diagnostic] = []) {
    self.records = records
    self.rejectedLines = rejectedLines
    self.diagnostics = diagnostics
  }
}
