import Foundation
import KenshuModel

/// Bytes ready to write to a file, with any characters the encoding could not represent.
public struct EncodedText: Sendable, Hashable {
  public var data: Data
  /// One warning (`csv-unencodable-character`) per line that lost characters.
  public var diagnostics: [Diagnostic]

  public init(data: Data, diagnostics: [Diagnostic] = []) {
    self.data = data
    self.diagnostics = diagnostics
  }

  /// Encodes `text` for writing.
  ///
  /// UTF-8 and UTF-16 represent everything. CP932 does not: JIS variants (〜 U+301C, − U+2212,
  /// …) are first mapped to the forms Windows uses, so they round-trip the way Excel shows them;
  /// anything still unencodable (emoji, most accented Latin letters) becomes `?` with a warning
  /// naming the line, rather than failing the whole file.
  /// - Parameter file: the file name used in diagnostics.
  public init(encoding text: String, as encoding: TextEncoding, file: String = "") {
    switch encoding {
    case .utf8:
      self.init(data: Data(text.utf8))
    case .utf8BOM:
      self.init(data: Data(TextEncoding.utf8BOMBytes) + Data(text.utf8))
    case .utf16:
      // Little-endian with a byte-order mark, as Excel writes "Unicode text".
      var data = Data([0xFF, 0xFE])
      for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
      self.init(data: data)
    case .cp932:
      let mapped = String(
        String.UnicodeScalarView(text.unicodeScalars.map { CP932.jisVariants[$0] ?? $0 }))
      if let data = mapped.data(using: .shiftJIS) {
        self.init(data: data)
      } else {
        self = Self.encodeCP932ByCharacter(mapped, file: file)
      }
    }
  }

  private static func encodeCP932ByCharacter(_ text: String, file: String) -> EncodedText {
    var data = Data()
    var diagnostics: [Diagnostic] = []
    var line = 1
    var lostOnLine: [Character] = []
    func flushLine() {
      guard !lostOnLine.isEmpty else { return }
      diagnostics.append(
        .warning(
          Catalogue.unencodableCharacters, String(lostOnLine), at: SourceLocation(file: file, line: line)))
      lostOnLine = []
    }
    for character in text {
      if let bytes = String(character).data(using: .shiftJIS) {
        data.append(bytes)
      } else {
        data.append(UInt8(ascii: "?"))
        lostOnLine.append(character)
      }
      // "\r\n" is one Character in Swift, so this counts lines as the CSV parser does.
      if character == "\n" || character == "\r" || character == "\r\n" {
        flushLine()
        line += 1
      }
    }
    flushLine()
    return EncodedText(data: data, diagnostics: diagnostics)
  }
}
