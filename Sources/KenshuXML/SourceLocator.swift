import KenshuModel

/// Finds exact columns in the source text, which libxml2's tree does not keep: a node only knows
/// the line where its start tag *ended*, and attributes know no position at all.
struct SourceLocator {
  private let lines: [ArraySlice<UInt8>]
  let file: String

  init(bytes: [UInt8], file: String) {
    self.file = file
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(bytes[start..<index])
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    lines.append(bytes[start..<bytes.count])
    self.lines = lines
  }

  /// The position of `<qualifiedName` searching back from `endLine` (1-based), at most a few
  /// lines, since start tags with many attributes span lines.
  func startTag(_ qualifiedName: String, endLine: Int) -> (line: Int, column: Int, byteOffset: Int) {
    let needle = [UInt8(ascii: "<")] + Array(qualifiedName.utf8)
    var line = min(max(endLine, 1), lines.count)
    let lowest = max(1, line - 40)
    while line >= lowest {
      let text = lines[line - 1]
      if let offset = lastOccurrence(of: needle, in: text) {
        return (line, column(of: offset, in: text), offset)
      }
      line -= 1
    }
    return (max(endLine, 0), 0, 0)
  }

  /// The position of `name=` after a start tag begins.
  func attribute(_ name: String, fromLine: Int, byteOffset: Int) -> (line: Int, column: Int)? {
    guard fromLine >= 1, fromLine <= lines.count else { return nil }
    let needle = Array(name.utf8)
    var offset = byteOffset
    for line in fromLine...min(lines.count, fromLine + 40) {
      let text = lines[line - 1]
      var index = text.startIndex + (line == fromLine ? offset : 0)
      while index + needle.count <= text.endIndex {
        if text[index..<index + needle.count].elementsEqual(needle),
          index == text.startIndex || isSpace(text[index - 1]),
          followedByEquals(text, index + needle.count)
        {
          return (line, column(of: index - text.startIndex, in: text))
        }
        if text[index] == UInt8(ascii: ">") { return nil }
        index += 1
      }
      offset = 0
    }
    return nil
  }

  private func followedByEquals(_ text: ArraySlice<UInt8>, _ start: Int) -> Bool {
    var index = start
    while index < text.endIndex, isSpace(text[index]) { index += 1 }
    return index < text.endIndex && text[index] == UInt8(ascii: "=")
  }

  private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  private func lastOccurrence(of needle: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
    guard text.count >= needle.count else { return nil }
    var index = text.endIndex - needle.count
    while index >= text.startIndex {
      if text[index..<index + needle.count].elementsEqual(needle) {
        let after = index + needle.count
        if after == text.endIndex || [0x20, 0x09, 0x2F, 0x3E].contains(text[after]) {
          return index - text.startIndex
        }
      }
      index -= 1
    }
    return nil
  }

  /// 1-based column counting characters (UTF-8 lead bytes), as editors show it.
  private func column(of byteOffset: Int, in text: ArraySlice<UInt8>) -> Int {
    var count = 0
    for byte in text.prefix(byteOffset) where byte & 0xC0 != 0x80 { count += 1 }
    return count + 1
  }

  /// The 1-based line of the first occurrence of `marker` (for DOCTYPE diagnostics).
  func line(containing marker: String) -> Int? {
    let needle = Array(marker.utf8)
    for (index, text) in lines.enumerated() where text.count >= needle.count {
      var i = text.startIndex
      while i + needle.count <= text.endIndex {
        if text[i..<i + needle.count].elementsEqual(needle) { return index + 1 }
        i += 1
      }
    }
    return nil
  }
}
