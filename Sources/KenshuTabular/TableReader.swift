import Foundation
import KenshuModel

/// How to read a table file; nil fields mean "detect".
public struct TableReadOptions: Sendable, Hashable {
  /// Force an encoding instead of detecting it (delimited files only).
  public var encoding: TextEncoding?
  /// Force a separator instead of using the file extension or the header line.
  public var separator: FieldSeparator?
  /// The sheet of a spreadsheet to read: its tab name, or the number of a visible sheet
  /// counted from 1; nil reads the first visible sheet. Ignored for delimited files.
  public var sheet: String?
  /// Bounds on what a spreadsheet may hold.
  public var limits: SpreadsheetLimits

  public init(
    encoding: TextEncoding? = nil, separator: FieldSeparator? = nil, sheet: String? = nil,
    limits: SpreadsheetLimits = SpreadsheetLimits()
  ) {
    self.encoding = encoding
    self.separator = separator
    self.sheet = sheet
    self.limits = limits
  }
}

/// The outcome of reading a delimited file: the table (possibly empty), what was detected, and
/// every problem found on the way. Only I/O failures are thrown.
public struct TableReadResult: Sendable, Hashable {
  public var table: Table
  public var encoding: TextEncoding
  public var separator: FieldSeparator
  /// Start lines of records that could not be split and were rejected.
  public var rejectedLines: [Int]
  /// Encoding, CSV and header diagnostics, in file order.
  public var diagnostics: [Diagnostic]
  /// The workbook and sheet, when the file was a spreadsheet (.xlsx, .ods).
  public var spreadsheet: SpreadsheetSource? = nil
}

extension Table {
  /// Reads a CSV, TSV, .xlsx or .ods file from disk. Throws only when the file cannot be read.
  /// Diagnostics name the file by its path as given (`url.relativePath`) unless `displayName`
  /// is given.
  public static func read(
    contentsOf url: URL, options: TableReadOptions = TableReadOptions(), displayName: String? = nil
  ) throws -> TableReadResult {
    let data = try Data(contentsOf: url)
    let separator = options.separator ?? FieldSeparator(fileExtension: url.pathExtension)
    return read(
      data: data, file: displayName ?? url.relativePath,
      options: TableReadOptions(
        encoding: options.encoding, separator: separator, sheet: options.sheet, limits: options.limits))
  }

  /// Reads `data`, the bytes of a file named `file`: a spreadsheet (.xlsx, .ods — recognised by
  /// their magic bytes, whatever the name) as its chosen sheet; a legacy .xls or another zip
  /// file as one clear error; anything else as delimited text, decoded and split.
  public static func read(data: Data, file: String, options: TableReadOptions = TableReadOptions())
    -> TableReadResult
  {
    if let format = spreadsheetFormat(data: data, file: file) {
      return SpreadsheetReader.read(data: data, file: file, format: format, options: options)
    }
    if let direct = readUTF8Directly(data: data, file: file, options: options) { return direct }
    let decoded = DecodedText(decoding: data, file: file, encoding: options.encoding)
    let separator = options.separator ?? FieldSeparator.detect(in: decoded.text)
    let document = CSVParser(separator: separator, file: file).parse(decoded.text)
    return result(
      document: document, file: file, encoding: decoded.encoding, separator: separator,
      decodingDiagnostics: decoded.diagnostics)
  }

  /// How `read` takes `data`, named `file`, as a spreadsheet: by its magic bytes, or by its
  /// name when it is not one inside (said so rather than decoded as text); nil for text.
  static func spreadsheetFormat(data: Data, file: String) -> SpreadsheetFormat? {
    let fileExtension = (file as NSString).pathExtension.lowercased()
    let spreadsheetName = ["xlsx", "xlsm", "ods"].contains(fileExtension)
    if let format = SpreadsheetFormat.detect(data), format != .otherZip || !spreadsheetName {
      return format
    }
    if spreadsheetName { return fileExtension == "ods" ? .ods : .xlsx }
    return nil
  }

  /// The common case — UTF-8, with or without a byte-order mark — split straight from the
  /// bytes, validating each field on the way: the same result as decoding first, without a
  /// separate validation pass and a copy of the whole file. Nil when the encoding is forced to
  /// something else, the bytes look like UTF-16, or any field is not valid UTF-8 (then the
  /// general path detects the encoding and reports the bad lines).
  private static func readUTF8Directly(data: Data, file: String, options: TableReadOptions)
    -> TableReadResult?
  {
    let hasBOM = data.starts(with: TextEncoding.utf8BOMBytes)
    let encoding: TextEncoding
    switch options.encoding {
    case nil:
      if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return nil }
      encoding = hasBOM ? .utf8BOM : .utf8
    case .utf8?, .utf8BOM?: encoding = options.encoding ?? .utf8
    default: return nil
    }
    return data.withUnsafeBytes { raw -> TableReadResult? in
      let all = raw.bindMemory(to: UInt8.self)
      let body = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
      let separator = options.separator ?? FieldSeparator.detect(inUTF8: body)
      guard let document = CSVParser(separator: separator, file: file).parse(utf8: body) else { return nil }
      return result(document: document, file: file, encoding: encoding, separator: separator)
    }
  }

  private static func result(
    document: CSVDocument, file: String, encoding: TextEncoding, separator: FieldSeparator,
    decodingDiagnostics: [Diagnostic] = []
  ) -> TableReadResult {
    let table = Table(file: file, document: document)
    var diagnostics = decodingDiagnostics + document.diagnostics + table.headerDiagnostics()
    if table.header.isEmpty && document.rejectedLines.isEmpty {
      diagnostics.append(
        .error(Catalogue.emptyTable, (), at: SourceLocation(file: file, line: 1)))
    }
    return TableReadResult(
      table: table, encoding: encoding, separator: separator,
      rejectedLines: document.rejectedLines, diagnostics: diagnostics.sortedByLocation())
  }
}
