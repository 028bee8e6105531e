import Foundation

/// The JSON array of diagnostics (`--format json`), written straight into UTF-8 bytes.
///
/// It reproduces, byte for byte, what `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` makes of `[DiagnosticRecord]` (`referenceJSONText`, which a test
/// compares it with): the encoder boxed every record, field and string, which was about a third
/// of the time of `validate --format json` on 160,000 diagnostics (issue 11).
enum DiagnosticJSON {
  /// The records' fields in sorted key order, as `.sortedKeys` puts them.
  static func text(of diagnostics: [Diagnostic], in language: MessageLanguage) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(diagnostics.count * 320 + 2)
    out.append(UInt8(ascii: "["))
    for (index, diagnostic) in diagnostics.enumerated() {
      out.append(contentsOf: index == 0 ? "\n  {\n".utf8 : ",\n  {\n".utf8)
      let wording = diagnostic.wording(in: language)
      field("code", diagnostic.code, into: &out)
      field("column", diagnostic.location.column, into: &out)
      field("file", diagnostic.location.file, into: &out)
      if let hint = wording.hint { field("hint", hint, into: &out) }
      field("line", diagnostic.location.line, into: &out)
      field("message", wording.message, into: &out)
      field("severity", diagnostic.severity.rawValue, into: &out, last: true)
      out.append(contentsOf: "  }".utf8)
    }
    out.append(contentsOf: diagnostics.isEmpty ? "\n\n]".utf8 : "\n]".utf8)
    return String(decoding: out, as: UTF8.self)
  }

  private static func field(_ key: StaticString, _ value: String, into out: inout [UInt8], last: Bool = false)
  {
    begin(key, into: &out)
    quote(value, into: &out)
    out.append(contentsOf: last ? "\n".utf8 : ",\n".utf8)
  }

  private static func field(_ key: StaticString, _ value: Int, into out: inout [UInt8]) {
    begin(key, into: &out)
    out.append(contentsOf: String(value).utf8)
    out.append(contentsOf: ",\n".utf8)
  }

  private static func begin(_ key: StaticString, into out: inout [UInt8]) {
    out.append(contentsOf: "    \"".utf8)
    out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    out.append(contentsOf: "\" : ".utf8)
  }

  /// A JSON string as the encoder writes it: `"` and `\` escaped, the control characters as
  /// `\b \f \n \r \t` or `\u00XX`, everything else (`/` and all non-ASCII) as its UTF-8 bytes.
  static func quote(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var copied = 0
      for index in bytes.indices {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        copied = index + 1
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
          out.append(contentsOf: "u00".utf8)
          out.append(hexDigit(byte >> 4))
          out.append(hexDigit(byte & 0x0F))
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
