import Foundation
import KenshuModel

/// How to read a delimited file; nil fields mean "detect".
public struct TableReadOptions: Sendable, Hashable {
  /// Force an encoding instead of detecting it.
  public var encoding: TextEncoding?
  /// Force a separator instead of using the file extension or the header line.
  public var separator: FieldSeparator?

  public init(encoding: TextEncoding? = nil, separator: FieldSeparator? = nil) {
    self.encoding = encoding
    self.separator = separator
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
}

extension Table {
  /// Reads a CSV or TSV file from disk. Throws only when the file cannot be read.
  /// Diagnostics name the file by its path as given (`url.relativePath`) unless `displayName`
  /// is given.
  public static func read(
    contentsOf url: URL, options: TableReadOptions = TableReadOptions(), displayName: String? = nil
  ) throws -> TableReadResult {
    let data = try Data(contentsOf: url)
    let separator = options.separator ?? FieldSeparator(fileExtension: url.pathExtension)
    return read(
      data: data, file: displayName ?? url.relativePath,
      options: TableReadOptions(encoding: options.encoding, separator: separator))
  }

  /// Decodes and splits `data` (the bytes of a delimited file named `file`).
  public static func read(data: Data, file: String, options: TableReadOptions = TableReadOptions())
    -> TableReadResult
  {
    let decoded = DecodedText(decoding: data, file: file, encoding: options.encoding)
    let separator = options.separator ?? FieldSeparator.detect(in: decoded.text)
    let document = CSVParser(separator: separator, file: file).parse(decoded.text)
    let table = Table(file: file, document: document)
    var diagnostics = decoded.diagnostics + document.diagnostics + table.headerDiagnostics()
    if table.header.isEmpty && document.rejectedLines.isEmpty {
      diagnostics.append(
        .error("csv-empty", at: SourceLocation(file: file, line: 1), "ファイルが空です / the file has no header row"))
    }
    return TableReadResult(
      table: table, encoding: decoded.encoding, separator: separator,
      rejectedLines: document.rejectedLines, diagnostics: diagnostics.sortedByLocation())
  }
}
