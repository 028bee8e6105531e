import Foundation

/// The character encodings Japanese offices actually send us.
///
/// Excel on Japanese Windows saves "CSV (コンマ区切り)" as CP932 (Microsoft's Shift_JIS, with
/// NEC/IBM extensions such as ①, ㈱ and 髙), "CSV UTF-8" with a byte-order mark, and
/// "Unicode テキスト" as UTF-16 with a byte-order mark; web forms and scripts write plain UTF-8.
public enum TextEncoding: String, Sendable, Codable, CaseIterable, Hashable {
  /// UTF-8 without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-8 preceded by the byte-order mark EF BB BF (Excel's "CSV UTF-8").
  case utf8BOM = "utf-8-bom"
  /// UTF-16 with a byte-order mark (Excel's "Unicode text"); read only, written little-endian.
  case utf16 = "utf-16"
  /// Windows code page 932, the Shift_JIS variant every Japanese Excel writes.
  case cp932

  /// Parses what a user types on the command line (`utf8`, `UTF-8`, `sjis`, `Shift_JIS`,
  /// `cp932`, `windows-31j`, `ms932`, `utf-8-bom`, `utf16`, …).
  public init?(parsing text: String) {
    let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf8bom", "utf8sig", "utf8withbom": self = .utf8BOM
    case "utf16", "utf16le", "unicode": self = .utf16
    case "cp932", "sjis", "shiftjis", "windows31j", "ms932", "mskanji", "932": self = .cp932
    default: return nil
    }
  }

  /// The UTF-8 byte-order mark.
  static let utf8BOMBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Guesses the encoding of `data`: a byte-order mark decides; otherwise valid UTF-8 is UTF-8
  /// (pure ASCII included, which reads the same either way), and anything else is taken as CP932
  /// unless most of its non-ASCII lines are valid UTF-8 (a UTF-8 file with one broken byte).
  public static func detect(in data: Data) -> TextEncoding {
    let bytes = [UInt8](data.prefix(3))
    if bytes.starts(with: utf8BOMBytes) { return .utf8BOM }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
    if String(data: data, encoding: .utf8) != nil { return .utf8 }
    // Not valid UTF-8 throughout. Before trying CP932 — which accepts most UTF-8 byte pairs as
    // (wrong) kanji, so a UTF-8 file with one bad byte would decode "successfully" into
    // mojibake — ask how many non-ASCII lines are valid UTF-8, which real CP932 text with kana
    // or kanji practically never is (its lead bytes are UTF-8 continuation bytes).
    let nonASCIILines = PhysicalLine.split(data).filter { data[$0.bytes].contains { $0 >= 0x80 } }
    let validUTF8 = nonASCIILines.count { String(bytes: data[$0.bytes], encoding: .utf8) != nil }
    return validUTF8 * 2 > nonASCIILines.count ? .utf8 : .cp932
  }
}

/// One physical line of a byte buffer, for locating encoding problems. Lines end at CR LF,
/// LF or a lone CR, exactly as `CSVParser` counts them, so line numbers agree. In CP932 the
/// bytes 0x0A and 0x0D never occur inside a double-byte character, so splitting raw bytes is
/// safe before decoding.
struct PhysicalLine {
  /// 1-based line number.
  var number: Int
  /// Byte range of the line's content, without its terminator.
  var bytes: Range<Data.Index>
  /// Byte range including the terminator.
  var bytesWithTerminator: Range<Data.Index>

  static func split(_ data: Data) -> [PhysicalLine] {
    var lines: [PhysicalLine] = []
    var start = data.startIndex
    var index = data.startIndex
    var number = 1
    while index < data.endIndex {
      let byte = data[index]
      if byte == 0x0A || byte == 0x0D {
        var end = data.index(after: index)
        if byte == 0x0D, end < data.endIndex, data[end] == 0x0A { end = data.index(after: end) }
        lines.append(PhysicalLine(number: number, bytes: start..<index, bytesWithTerminator: start..<end))
        number += 1
        start = end
        index = end
      } else {
        index = data.index(after: index)
      }
    }
    if start < data.endIndex {
      lines.append(
        PhysicalLine(number: number, bytes: start..<data.endIndex, bytesWithTerminator: start..<data.endIndex)
      )
    }
    return lines
  }
}
