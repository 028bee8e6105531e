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

  public init(
    separator: FieldSeparator = .comma, lineEnding: LineEnding = .crlf, encoding: TextEncoding = .utf8
  ) {
    self.separator = separator
    self.lineEnding = lineEnding
    self.encoding = encoding
  }

  /// The rows as text (no byte-order mark; that belongs to the bytes, see `data(for:file:)`).
  /// Line breaks inside fields are written as they are, inside quotes.
  public func text(for rows: [[String]]) -> String {
    var text = ""
    for row in rows {
      text += row.map(quoted).joined(separator: separator.rawValue)
      text += lineEnding.text
    }
    return text
  }

  /// The rows encoded for a file; warnings name lines that lost characters in CP932.
  public func data(for rows: [[String]], file: String = "") -> EncodedText {
    EncodedText(encoding: text(for: rows), as: encoding, file: file)
  }

  /// A field as it must appear in the file.
  public func quoted(_ field: String) -> String {
    let needsQuotes =
      field.unicodeScalars.contains { $0 == separator.scalar || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || field.unicodeScalars.first?.properties.isWhitespace == true
      || field.unicodeScalars.last?.properties.isWhitespace == true
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
