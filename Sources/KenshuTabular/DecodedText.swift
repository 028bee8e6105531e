import Foundation
import KenshuModel

/// Text decoded from a file's bytes, with the encoding used and any located problems.
///
/// Foundation's decoders give up on a whole file for one bad byte (`String(data:encoding:)`
/// returns nil). Losing a 400-row roster silently because one cell was pasted from elsewhere is
/// not acceptable, so when that happens we decode line by line, replace each undecodable byte
/// with U+FFFD and report `file:LINE:COLUMN: error: …` (code `csv-bad-encoding`) per bad line.
public struct DecodedText: Sendable, Hashable {
  /// The text, without any byte-order mark.
  public var text: String
  /// The encoding that was used (detected or forced).
  public var encoding: TextEncoding
  /// Problems found while decoding (`csv-bad-encoding`).
  public var diagnostics: [Diagnostic]

  public init(text: String, encoding: TextEncoding, diagnostics: [Diagnostic] = []) {
    self.text = text
    self.encoding = encoding
    self.diagnostics = diagnostics
  }

  /// Decodes `data`, detecting the encoding unless `encoding` forces one.
  /// - Parameter file: the file name used in diagnostics.
  public init(decoding data: Data, file: String, encoding forced: TextEncoding? = nil) {
    let encoding = forced ?? TextEncoding.detect(in: data)
    self.encoding = encoding
    switch encoding {
    case .utf8, .utf8BOM:
      var body = data
      if body.starts(with: TextEncoding.utf8BOMBytes) { body = body.dropFirst(3) }
      if let text = String(data: body, encoding: .utf8) {
        (self.text, self.diagnostics) = (text, [])
      } else {
        (self.text, self.diagnostics) = Self.decodeByLine(body, file: file, encodingName: "UTF-8") {
          String(bytes: $0, encoding: .utf8)
        } fallback: {
          String(decoding: $0, as: UTF8.self)
        }
      }
    case .cp932:
      if let text = String(data: data, encoding: .shiftJIS) {
        (self.text, self.diagnostics) = (text, [])
      } else {
        (self.text, self.diagnostics) = Self.decodeByLine(data, file: file, encodingName: "CP932 (Shift_JIS)")
        {
          String(bytes: $0, encoding: .shiftJIS)
        } fallback: {
          CP932.decodeReplacingInvalid($0)
        }
      }
    case .utf16:
      var text = String(data: data, encoding: .utf16) ?? ""
      var diagnostics: [Diagnostic] = []
      if text.isEmpty && !data.isEmpty {
        diagnostics.append(
          .error(Catalogue.notUTF16, (), at: SourceLocation(file: file)))
      }
      if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
      (self.text, self.diagnostics) = (text, diagnostics)
    }
  }

  /// Decodes each physical line on its own so that one bad line costs one diagnostic, not the file.
  private static func decodeByLine(
    _ data: Data, file: String, encodingName: String,
    strict: (Data) -> String?, fallback: (Data) -> (String)
  ) -> (String, [Diagnostic]) {
    var text = ""
    var diagnostics: [Diagnostic] = []
    for line in PhysicalLine.split(data) {
      let content = data[line.bytes]
      let terminator = String(
        decoding: data[line.bytes.upperBound..<line.bytesWithTerminator.upperBound], as: UTF8.self)
      if let decoded = strict(content) {
        text += decoded + terminator
        continue
      }
      let repaired = fallback(content)
      let column =
        (repaired.firstIndex(of: "\u{FFFD}").map { repaired.distance(from: repaired.startIndex, to: $0) } ?? 0)
        + 1
      diagnostics.append(
        .error(
          Catalogue.badBytes, encodingName, at: SourceLocation(file: file, line: line.number, column: column))
      )
      text += repaired + terminator
    }
    return (text, diagnostics)
  }
}
