import Foundation
import KenshuModel

/// Writes rows as delimited text that Excel and our own reader open unchanged.
///
/// A field is quoted when it contains the separator, a quote, a line break, or starts or ends
/// with white space (which spreadsheet tools otherwise trim); quotes are doubled.
public struct CSVWriter: Sendable, Hashable {
  /// How records end.
  public enum LineEnding: String, Sendable, Hashable, CaseIterable {
    /// CR LF: RFC 4180 and what Excel writes.
    case crlf
    case lf

    var text: String { self == .crlf ? "\r\n" : "\n" }
  }

  public var separator: FieldSeparator
  public var lineEnding: LineEnding
  /// `.utf8BOM` for files people open in Excel by double-clicking; `.cp932` for older tools.
  public var encoding: TextEncoding
  /// Whether text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR
  /// first, and not a number) gets a leading apostrophe, so that Excel shows it as text
  /// (CSV injection). On by default: every CSV Kenshu writes for people to open (group plans,
  /// progress reports, token lists for mail merge, summaries, evaluation tables, response
  /// exports) holds text others typed. Only a caller that needs the exact bytes for a
  /// non-spreadsheet reader turns it off, and must say why. Kenshu's own reader (`CSVParser`)
  /// removes exactly this apostrophe again, so guarded files round-trip: see `FormulaGuard`.
  public var guardsFormulas: Bool

  public init(
    separator: FieldSeparator = .comma, lineEnding: LineEnding = .crlf, encoding: TextEncoding = .utf8,
    guardsFormulas: Bool = true
  ) {
    self.separator = separator
    self.lineEnding = lineEnding
    self.encoding = encoding
    self.guardsFormulas = guardsFormulas
  }

  /// The rows as text (no byte-order mark; that belongs to the bytes, see `data(for:file:)`).
  /// Line breaks inside fields are written as they are, inside quotes.
  public func text(for rows: [[String]]) -> String {
    String(decoding: utf8(for: rows), as: UTF8.self)
  }

  /// The rows encoded for a file; warnings name lines that lost characters in CP932.
  public func data(for rows: [[String]], file: String = "") -> EncodedText {
    switch encoding {
    case .utf8, .utf8BOM:
      var records = Records(writer: self)
      records.reserveCapacity(rows.reduce(0) { $0 + $1.count + $1.reduce(0) { $0 + $1.utf8.count } + 2 })
      for row in rows { records.append(row) }
      return records.data(file: file)
    case .utf16, .cp932: return EncodedText(encoding: text(for: rows), as: encoding, file: file)
    }
  }

  /// The records as UTF-8 bytes (no byte-order mark).
  private func utf8(for rows: [[String]]) -> [UInt8] {
    var records = Records(writer: self, byteOrderMark: false)
    for row in rows { records.append(row) }
    return records.bytes
  }

  /// Records written one field at a time, for tables too large to hold as rows of strings
  /// (500,000 free-text answers): the bytes grow directly, no array per row.
  public struct Records: Sendable {
    public let writer: CSVWriter
    /// The file so far, byte-order mark included when the writer's encoding has one.
    public private(set) var bytes: [UInt8]
    private var fieldsInRecord = 0
    private var lastFieldWasEmpty = false

    public init(writer: CSVWriter) {
      self.init(writer: writer, byteOrderMark: writer.encoding == .utf8BOM)
    }

    init(writer: CSVWriter, byteOrderMark: Bool) {
      self.writer = writer
      bytes = byteOrderMark ? TextEncoding.utf8BOMBytes : []
    }

    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// Records to be made apart (on another thread) and then appended to the file's own with
    /// `append(part:)`: no byte-order mark.
    public static func part(of writer: CSVWriter) -> Records { Records(writer: writer, byteOrderMark: false) }

    /// Writes these records and then `parts` (made by `part(of:)` for the same writer) as one
    /// file, the bytes `write(to:)` of them all appended here would write, without making that
    /// copy (`freetext.csv`'s parts are 26 MB on 100,000 responses, at the report's peak
    /// memory). Atomic as `Data.WritingOptions.atomic`: a temporary file beside `url`, renamed.
    public func write(to url: URL, parts: [Records], file: String = "") throws {
      precondition(parts.allSatisfy { $0.fieldsInRecord == 0 }, "parts are whole records")
      guard writer.encoding == .utf8 || writer.encoding == .utf8BOM else {
        var whole = self
        for part in parts { whole.bytes += part.bytes }
        return try whole.write(to: url, file: file, options: .atomic)
      }
      let temporary = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
      do {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
          throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
          try handle.write(contentsOf: bytes)
          for part in parts { try handle.write(contentsOf: part.bytes) }
          try handle.close()
        } catch {
          try? handle.close()
          throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
          throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
      } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw error
      }
    }

    /// Appends one field to the current record.
    public mutating func append(field: String) {
      if fieldsInRecord > 0 { bytes.append(writer.separator.byte) }
      fieldsInRecord += 1
      lastFieldWasEmpty = field.isEmpty
      if field.utf8.withContiguousStorageIfAvailable({ appendUnchanged($0) }) == true { return }
      let text = writer.quoted(field)
      if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
        bytes.append(contentsOf: text.utf8)
      }
    }

    /// Appends a field's UTF-8 bytes as they are when `quoted` would leave it unchanged, and
    /// says whether it did (most free-text answers: one pass over the bytes instead of the
    /// guard, the quoting check and a new string; 400,000 answers in `freetext.csv`). Not
    /// unchanged, or not sure: a first byte that may start a formula or an apostrophe, a
    /// separator, quote or line break, white space at either end. The only white spaces beyond
    /// ASCII begin with the bytes C2, E1, E2 or E3 (U+0085 … U+3000); other lead bytes need no
    /// look-up. `CSVWriterTests` pins this against `quoted`.
    mutating func appendUnchanged(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let first = field.first else { return true }
      if writer.guardsFormulas {
        switch first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, FormulaGuard.apostrophe: return false
        default: break
        }
      }
      if Self.containsSpecialByte(field, separator: writer.separator.byte) { return false }
      var lastStart = field.count - 1
      while lastStart > 0 && field[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
      if Self.mayBeWhiteSpace(lead: first) || Self.mayBeWhiteSpace(lead: field[lastStart]) {
        guard let (firstScalar, lastScalar) = Self.endScalars(of: field),
          !firstScalar.isWhiteSpace, !lastScalar.isWhiteSpace
        else { return false }
      }
      bytes.append(contentsOf: field)
      return true
    }

    /// Whether `field` holds the separator, a quote or a line break. Eight bytes at a time
    /// (`field` bytes equal to `b` leave a zero byte in `word ^ b·0x0101…`, which the borrow
    /// test below finds): byte by byte, four compares a byte were 231 M instructions for the
    /// 26 MB of `freetext.csv` on 100,000 responses.
    static func containsSpecialByte(_ field: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Bool {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
      let separators = UInt64(separator) &* ones
      let raw = UnsafeRawBufferPointer(field)
      var offset = 0
      while offset + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        if hasZeroByte(word ^ separators) || hasZeroByte(word ^ (0x22 &* ones))
          || hasZeroByte(word ^ (0x0A &* ones)) || hasZeroByte(word ^ (0x0D &* ones))
        {
          return true
        }
        offset += 8
      }
      return field[offset...].contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether a scalar beginning with `lead` may be white space (ASCII 09-0D and 20; beyond
    /// ASCII only scalars with the lead bytes C2, E1, E2, E3).
    static func mayBeWhiteSpace(lead: UInt8) -> Bool {
      lead < 0x80
        ? (lead >= 0x09 && lead <= 0x0D) || lead == 0x20 : lead == 0xC2 || (lead >= 0xE1 && lead <= 0xE3)
    }

    /// The first and last scalars of valid UTF-8 bytes (`String.endScalars` on the bytes).
    static func endScalars(of bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Unicode.Scalar)? {
      String.endScalars(of: bytes)
    }

    /// Ends the current record.
    public mutating func endRecord() {
      // A record of one empty field would be an empty line, which readers skip; quote it.
      if fieldsInRecord == 1 && lastFieldWasEmpty { bytes += [0x22, 0x22] }
      bytes.append(contentsOf: writer.lineEnding.text.utf8)
      fieldsInRecord = 0
    }

    /// Appends a whole record.
    public mutating func append(_ row: [String]) {
      for field in row { append(field: field) }
      endRecord()
    }

    /// Writes the file's bytes as `data(file:).data` holds them; UTF-8 is written from the
    /// buffer itself, not from a copy (`freetext.csv`: 24 MB on 100,000 responses, at the
    /// report's peak memory).
    public func write(to url: URL, file: String = "", options: Data.WritingOptions = []) throws {
      switch writer.encoding {
      case .utf8, .utf8BOM:
        try bytes.withUnsafeBytes { buffer in
          guard let base = buffer.baseAddress else { return try Data().write(to: url, options: options) }
          try Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none
          )
          .write(to: url, options: options)
        }
      case .utf16, .cp932: try data(file: file).data.write(to: url, options: options)
      }
    }

    /// The file's bytes in the writer's encoding (UTF-8 directly; other encodings re-encoded).
    public func data(file: String = "") -> EncodedText {
      switch writer.encoding {
      case .utf8, .utf8BOM: EncodedText(data: Data(bytes))
      case .utf16, .cp932:
        EncodedText(encoding: String(decoding: bytes, as: UTF8.self), as: writer.encoding, file: file)
      }
    }
  }

  /// A field as it must appear in the file.
  public func quoted(_ field: String) -> String {
    let field = guardsFormulas ? FormulaGuard.guarded(field) : field
    guard needsQuotes(field) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Separator, quote or line break anywhere, or white space at either end.
  private func needsQuotes(_ field: String) -> Bool {
    let separator = separator.byte
    // Bytes first: every character looked for is ASCII (as are the common white spaces).
    let special = field.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
    if special
      ?? field.unicodeScalars.contains(where: {
        $0 == self.separator.scalar || $0 == "\"" || $0 == "\n" || $0 == "\r"
      })
    {
      return true
    }
    guard let (first, last) = field.endScalars else { return false }
    return first.isWhiteSpace || last.isWhiteSpace
  }
}
