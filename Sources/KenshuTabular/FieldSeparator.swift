/// What separates fields in a record.
public enum FieldSeparator: String, Sendable, Codable, CaseIterable, Hashable {
  case comma = ","
  case tab = "\t"
  case semicolon = ";"

  /// The separator as a UTF-8 byte (every separator is ASCII).
  var byte: UInt8 { UInt8(ascii: scalar) }

  var scalar: Unicode.Scalar {
    switch self {
    case .comma: ","
    case .tab: "\t"
    case .semicolon: ";"
    }
  }

  /// The separator implied by a file name: `.tsv` and `.tab` are tab-separated; nil otherwise
  /// (a `.csv` from Excel is usually comma-separated, but detection decides).
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "tsv", "tab": self = .tab
    default: return nil
    }
  }

  /// Guesses the separator from the first line of the text (the header): the most frequent of
  /// tab, comma and semicolon outside quotes, comma when there is none.
  public static func detect(in text: String) -> FieldSeparator {
    var text = text
    return text.withUTF8 { detect(inUTF8: $0) }
  }

  /// `detect(in:)` on UTF-8 (or any ASCII-compatible) bytes: every character it looks at is
  /// ASCII, so the bytes give the same answer as the decoded text.
  public static func detect(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> FieldSeparator {
    var counts: [FieldSeparator: Int] = [:]
    var inQuotes = false
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
      if inQuotes { continue }
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
      if let separator = FieldSeparator.allCases.first(where: { $0.byte == byte }) {
        counts[separator, default: 0] += 1
      }
    }
    // Ties go to the comma: it is what a ".csv" file most likely is.
    let commas = counts[.comma] ?? 0
    let tabs = counts[.tab] ?? 0
    let semicolons = counts[.semicolon] ?? 0
    if tabs > commas && tabs >= semicolons { return .tab }
    if semicolons > commas && semicolons > tabs { return .semicolon }
    return .comma
  }
}
