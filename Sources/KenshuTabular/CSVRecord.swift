/// One record of a delimited file, with the physical line where it starts, so that problems
/// in a row can be reported as `roster.csv:57: error: …` even when earlier cells contain
/// line breaks.
public struct CSVRecord: Sendable, Hashable {
  /// 1-based physical line number where the record starts.
  public var line: Int
  /// The fields, unquoted. Line breaks inside quoted fields are normalised to "\n".
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// The field at `index`, or nil when the record is shorter (a ragged row).
  public subscript(field index: Int) -> String? {
    fields.indices.contains(index) ? fields[index] : nil
  }

  /// The field at `index` with surrounding whitespace (including the full-width space U+3000)
  /// removed; nil when the field is missing or empty. Most callers want this.
  public func value(at index: Int?) -> String? {
    guard let index, let field = self[field: index] else { return nil }
    let trimmed = field.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Whether every field is empty or whitespace (",,,," rows that Excel leaves behind).
  public var isBlank: Bool {
    fields.allSatisfy { $0.trimmingWhitespace().isEmpty }
  }
}

extension String {
  /// The string without leading and trailing white space, ideographic space included.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
