import Foundation
import KenshuModel

/// Checks done on the raw bytes before libxml2 sees them, for problems whose libxml2 messages
/// are unlocated, repeated or misleading ("Start tag expected", "input conversion failed").
///
/// Screening also keeps every DTD away from libxml2: an internal subset is how XXE and entity
/// bombs arrive, and rejecting it up front means not one entity declaration is ever parsed.
enum InputScreening {
  /// The first problem found in `bytes`, or nil when libxml2 may parse them.
  static func problem(in bytes: [UInt8], path: String) -> Diagnostic? {
    let start = SourceLocation(file: path, line: 1, column: 1)
    if hasUTF16ByteOrderMark(bytes) {
      // A genuine UTF-16 file has a NUL beside every ASCII character; without them the
      // byte-order mark is a leftover in a UTF-8 file, and libxml2 would read garbage.
      let body = bytes.dropFirst(2).prefix(64)
      if !body.isEmpty, !body.contains(0) {
        return .error(Catalogue.strayUTF16Mark, (), at: start)
      }
      return nil
    }
    let body = bytes.starts(with: utf8ByteOrderMark) ? bytes.dropFirst(3) : bytes[...]
    if body.allSatisfy(isXMLSpace) {
      return .error(Catalogue.noXMLContent, (), at: start)
    }
    let prolog = Prolog(body)
    if let declared = prolog.declaredEncoding, !isUTF8Name(declared), containsUTF8Text(body) {
      return .error(Catalogue.declaredEncodingMismatch, declared, at: start)
    }
    if let line = prolog.doctypeLine {
      return .error(Catalogue.doctype, (), at: SourceLocation(file: path, line: line, column: 1))
    }
    if let tag = AttributeScreening.crowdedStartTag(in: bytes) {
      return .error(
        Catalogue.tooManyAttributes, (tag.name, AttributeScreening.maximumPerElement),
        at: SourceLocation(file: path, line: tag.line, column: tag.column))
    }
    return nil
  }

  private static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  private static func hasUTF16ByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
  }

  private static func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isUTF8Name(_ name: String) -> Bool {
    ["utf-8", "utf8"].contains(name.lowercased())
  }

  /// Whether the bytes hold non-ASCII text that decodes as UTF-8, i.e. were saved as UTF-8.
  private static func containsUTF8Text(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// What comes before the root element: the XML declaration's encoding and the line of a
  /// `<!DOCTYPE`, skipping comments, processing instructions and white space.
  private struct Prolog {
    var declaredEncoding: String?
    var doctypeLine: Int?

    init(_ bytes: ArraySlice<UInt8>) {
      var index = bytes.startIndex
      var line = 1
      func startsHere(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }
      /// Moves past `terminator`, counting lines; false when the input ends first.
      func skip(past terminator: String) -> Bool {
        let needle = Array(terminator.utf8)
        while index < bytes.endIndex {
          if bytes[index...].starts(with: needle) {
            index += needle.count
            return true
          }
          if bytes[index] == 0x0A { line += 1 }
          index += 1
        }
        return false
      }
      while index < bytes.endIndex {
        if isXMLSpace(bytes[index]) {
          if bytes[index] == 0x0A { line += 1 }
          index += 1
        } else if startsHere("<?xml") && index == bytes.startIndex {
          let declarationStart = index
          guard skip(past: "?>") else { return }
          declaredEncoding = Prolog.encoding(in: bytes[declarationStart..<index])
        } else if startsHere("<?") {
          guard skip(past: "?>") else { return }
        } else if startsHere("<!--") {
          guard skip(past: "-->") else { return }
        } else {
          if startsHere("<!DOCTYPE") { doctypeLine = line }
          return
        }
      }
    }

    /// The value of `encoding="…"` in an XML declaration.
    private static func encoding(in declaration: ArraySlice<UInt8>) -> String? {
      // An ASCII declaration (every real one) is searched as bytes, where bytes and Characters
      // agree: Foundation's `range(of:)` cost thousands of instructions per file for one word.
      if !declaration.contains(where: { $0 >= 0x80 }) { return asciiEncoding(in: declaration) }
      let text = String(decoding: declaration, as: UTF8.self)
      guard let key = text.range(of: "encoding") else { return nil }
      let rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
      guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
      let value = rest.dropFirst().prefix { $0 != quote }
      return value.isEmpty ? nil : String(value)
    }

    /// `encoding(in:)` for a declaration of ASCII bytes.
    private static func asciiEncoding(in declaration: ArraySlice<UInt8>) -> String? {
      let key = Array("encoding".utf8)
      var index = declaration.startIndex
      while index + key.count <= declaration.endIndex,
        !declaration[index..<(index + key.count)].elementsEqual(key)
      {
        index += 1
      }
      guard index + key.count <= declaration.endIndex else { return nil }
      let rest = declaration[(index + key.count)...].drop {
        $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\t")
      }
      guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        return nil
      }
      let value = rest.dropFirst().prefix { $0 != quote }
      return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }
  }
}
