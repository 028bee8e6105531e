import Foundation

/// Byte-level knowledge of CP932 that Foundation does not expose: which bytes start a
/// double-byte character, and how to decode a line that contains a bad byte.
enum CP932 {
  /// Lead bytes of double-byte characters (0x81–0x9F, 0xE0–0xFC).
  static func isLeadByte(_ byte: UInt8) -> Bool {
    (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
  }

  /// Decodes `bytes` character by character, replacing each byte sequence that is not CP932
  /// by U+FFFD and carrying on after it.
  static func decodeReplacingInvalid(_ bytes: Data) -> String {
    var result = ""
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      let width = isLeadByte(byte) && bytes.index(after: index) < bytes.endIndex ? 2 : 1
      let end = bytes.index(index, offsetBy: width)
      if let character = String(data: bytes[index..<end], encoding: .shiftJIS) {
        result += character
        index = end
      } else {
        result += "\u{FFFD}"
        // A bad trail byte may itself start the next character, so skip only the lead byte.
        index = bytes.index(after: index)
      }
    }
    return result
  }

  /// Characters that Unicode splits into two code points but JIS X 0208 treats as one. Text
  /// typed on macOS or pasted from the web uses the left-hand forms, which CP932 cannot encode;
  /// Excel and every Windows converter map them to the right-hand forms, so we do the same.
  static let jisVariants: [Unicode.Scalar: Unicode.Scalar] = [
    "\u{301C}": "\u{FF5E}",  // WAVE DASH → FULLWIDTH TILDE
    "\u{2212}": "\u{FF0D}",  // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
    "\u{2016}": "\u{2225}",  // DOUBLE VERTICAL LINE → PARALLEL TO
    "\u{2014}": "\u{2015}",  // EM DASH → HORIZONTAL BAR
    "\u{00A2}": "\u{FFE0}",  // CENT SIGN → FULLWIDTH CENT SIGN
    "\u{00A3}": "\u{FFE1}",  // POUND SIGN → FULLWIDTH POUND SIGN
    "\u{00AC}": "\u{FFE2}",  // NOT SIGN → FULLWIDTH NOT SIGN
  ]
}
