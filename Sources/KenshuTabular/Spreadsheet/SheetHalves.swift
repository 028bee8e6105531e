import Foundation

/// A large worksheet's XML cut into two well-formed documents at a `<row>` boundary, so that
/// both cores parse it: the first half closes `sheetData` and the root after its last row, the
/// second half repeats everything before `sheetData`'s first row (declaration, root with its
/// namespaces, dimension, views) and goes on from the row it starts at.
///
/// A serial SAX parse was the one part of reading a 100,000-row .xlsx that used a single core
/// (issue 12). The cut is only taken where it is plainly safe — a root and `sheetData` found
/// as written by spreadsheet software, a row start tag with its `r` attribute past the middle —
/// and `XLSXReader` falls back to the serial parse whenever either half reports anything, so
/// results and every diagnostic are those of the serial parse.
struct SheetHalves {
  /// The bytes before the first row (through `<sheetData>`).
  var header: Range<Int>
  /// Where the second half's first row starts.
  var split: Int
  /// What closes the first half: `</sheetData></ROOT>`.
  var closing: [UInt8]

  /// Sheets smaller than this are parsed serially: the cut is not worth a copy of the XML.
  static let minimumBytes = 4 << 20

  /// The cut of `bytes`, or nil when the XML is not laid out as expected.
  init?(_ bytes: UnsafeRawBufferPointer) {
    guard let (root, rootEnd) = Self.rootName(bytes) else { return nil }
    let prefix = root.firstIndex(of: UInt8(ascii: ":")).map { Array(root[...$0]) } ?? []
    let sheetData = [UInt8(ascii: "<")] + prefix + Array("sheetData".utf8)
    guard let open = Self.find(sheetData, in: bytes, from: rootEnd, followedByNameEnd: true),
      let openEnd = Self.find([UInt8(ascii: ">")], in: bytes, from: open),
      bytes[openEnd - 1] != UInt8(ascii: "/")
    else { return nil }
    let headerEnd = openEnd + 1
    let middle = headerEnd + (bytes.count - headerEnd) / 2
    let row = [UInt8(ascii: "<")] + prefix + Array("row".utf8)
    guard let split = Self.find(row, in: bytes, from: middle, followedByNameEnd: true),
      let rowEnd = Self.find([UInt8(ascii: ">")], in: bytes, from: split),
      Self.hasRowNumber(bytes[split..<rowEnd]),
      Self.find(
        [UInt8(ascii: "<"), UInt8(ascii: "/")] + prefix + Array("sheetData".utf8), in: bytes, from: split)
        != nil
    else { return nil }
    header = 0..<headerEnd
    self.split = split
    closing = Array("</".utf8) + prefix + Array("sheetData></".utf8) + root + [UInt8(ascii: ">")]
  }

  /// The root element's name and where its start tag's name ends, past the declaration,
  /// comments and processing instructions.
  private static func rootName(_ bytes: UnsafeRawBufferPointer) -> ([UInt8], Int)? {
    var i = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      guard i + 1 < bytes.count else { return nil }
      switch bytes[i + 1] {
      case UInt8(ascii: "?"), UInt8(ascii: "!"):
        // Declarations, comments, DOCTYPE (which the parser refuses anyway): skip the tag.
        guard let end = find([UInt8(ascii: ">")], in: bytes, from: i) else { return nil }
        i = end + 1
      default:
        var end = i + 1
        while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
        guard end > i + 1, end < bytes.count else { return nil }
        return (Array(bytes[(i + 1)..<end]), end)
      }
    }
    return nil
  }

  private static func isNameEnd(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x09
      || byte == 0x0A || byte == 0x0D
  }

  /// Whether a row's start tag carries `r="…"` (a row without it would be numbered from the
  /// rows before it, which the second half cannot see).
  private static func hasRowNumber(_ tag: Slice<UnsafeRawBufferPointer>) -> Bool {
    let bytes = Array(tag)
    guard bytes.count >= 4 else { return false }
    for i in 1..<(bytes.count - 2)
    where isNameEnd(bytes[i - 1]) && bytes[i] == UInt8(ascii: "r") && bytes[i + 1] == UInt8(ascii: "=") {
      return true
    }
    return false
  }

  /// The first index at or after `start` where `needle` occurs (and, with
  /// `followedByNameEnd`, is followed by a space, `>` or `/`). `memchr` finds the candidates.
  private static func find(
    _ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int, followedByNameEnd: Bool = false
  ) -> Int? {
    guard let base = bytes.baseAddress, let first = needle.first else { return nil }
    var from = start
    while from + needle.count <= bytes.count {
      guard let hit = memchr(base + from, Int32(first), bytes.count - needle.count - from + 1) else {
        return nil
      }
      let index = base.distance(to: UnsafeRawPointer(hit))
      let after = index + needle.count
      if memcmp(base + index, needle, needle.count) == 0,
        !followedByNameEnd || (after < bytes.count && isNameEnd(bytes[after]))
      {
        return index
      }
      from = index + 1
    }
    return nil
  }
}
