import Foundation
import KenshuModel

/// A delimited file read as a header row and data records, each with its line number.
///
/// The header is the first non-blank record. Ragged rows (more or fewer fields than the header)
/// are kept as they are: whether that is an error depends on the caller's columns.
public struct Table: Sendable, Hashable {
  /// The file name used in diagnostics.
  public var file: String
  /// Header cells as written (trimmed).
  public var header: [String]
  /// Line of the header row (1 unless blank lines precede it; 0 for an empty file).
  public var headerLine: Int
  /// Data records after the header, in file order.
  public var records: [CSVRecord]

  public init(file: String, header: [String], headerLine: Int = 1, records: [CSVRecord]) {
    self.file = file
    self.header = header
    self.headerLine = headerLine
    self.records = records
  }

  /// Builds a table from parsed records: the first non-blank record is the header.
  public init(file: String, document: CSVDocument) {
    let headerIndex = document.records.firstIndex { !$0.isBlank }
    self.file = file
    if let headerIndex {
      let headerRecord = document.records[headerIndex]
      header = headerRecord.fields.map { $0.trimmingWhitespace() }
      headerLine = headerRecord.line
      records = Array(document.records[(headerIndex + 1)...])
    } else {
      header = []
      headerLine = 0
      records = []
    }
  }

  /// The form in which header names are compared: NFKC (full-width ↔ half-width), lower-case,
  /// without white space, middle dots, hyphens, underscores or brackets — so `Ｅ-mail`, `email`
  /// and ` E_MAIL ` are the same column. Same rules as `Profession.normalizedKey`.
  public static func normalizedHeader(_ name: String) -> String {
    Profession.normalizedKey(name)
  }

  /// Index of the first column whose normalised header equals one of `names` (normalised too),
  /// trying `names` in order of preference.
  public func columnIndex(named names: [String]) -> Int? {
    let keys = header.map(Self.normalizedHeader)
    for name in names {
      if let index = keys.firstIndex(of: Self.normalizedHeader(name)) { return index }
    }
    return nil
  }

  /// Index of the column called `name` (after normalisation).
  public func columnIndex(named name: String) -> Int? { columnIndex(named: [name]) }

  /// Warnings about the header itself: duplicate and empty column names.
  public func headerDiagnostics() -> [Diagnostic] {
    var seen: Set<String> = []
    var diagnostics: [Diagnostic] = []
    for (index, name) in header.enumerated() {
      let key = Self.normalizedHeader(name)
      let location = SourceLocation(file: file, line: headerLine, column: index + 1)
      if key.isEmpty {
        continue
      } else if !seen.insert(key).inserted {
        diagnostics.append(
          .warning(Catalogue.duplicateHeader, name, at: location))
      }
    }
    return diagnostics
  }

  /// The data records a caller must account for: every record except blank ones (",,,,").
  public var nonBlankRecords: [CSVRecord] { records.filter { !$0.isBlank } }

  /// All rows, header first, as plain strings (for writing back out).
  public var rows: [[String]] { [header] + records.map(\.fields) }
}
