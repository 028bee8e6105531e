import Foundation
import KenshuModel

/// Finds exact columns in the source text, which libxml2's tree does not keep: a node only knows
/// the line where its start tag *ended*, and attributes know no position at all.
///
/// Runs for every element and attribute of every file, so it works on byte offsets into one
/// buffer (no per-line slices to retain) and compares bytes through a raw pointer.
///
/// Every query costs at most a bounded amount per line it looks at, however long the line: a
/// file with tens of thousands of elements, attributes or problems on one line is located in
/// linear time (counting each column from the start of the line, and searching the line from
/// its end for each tag, made such files quadratic).
struct SourceLocator {
  private let bytes: [UInt8]
  /// Byte offset where each line starts and where its text ends (before `\n`, `\r` or `\r\n`).
  private let lineStarts: [Int]
  private let lineEnds: [Int]
  /// For files with a line longer than `Self.longLine` bytes: the number of characters (UTF-8
  /// lead bytes) before every multiple of `Self.checkpointStride`, so that a column is counted
  /// from the nearest checkpoint rather than from the start of its line. Empty otherwise.
  private let checkpoints: [Int32]
  /// The start tags of long lines, found once per line when first asked (see `startTag`).
  private let longLineTags = LongLineTags()
  let file: String

  /// Lines longer than this get checkpoints and an index of their start tags.
  static let longLine = 4096
  static let checkpointStride = 512

  init(bytes: [UInt8], file: String) {
    self.file = file
    self.bytes = bytes
    var starts: [Int] = [0]
    var ends: [Int] = []
    // About one line per 40 bytes in course files; a close guess avoids regrowing.
    starts.reserveCapacity(bytes.count / 32 + 1)
    ends.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      // Files saved without carriage returns (nearly all) split at line feeds found by memchr.
      if let base = buffer.baseAddress, memchr(base, 0x0D, count) == nil {
        var offset = 0
        while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
          let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          ends.append(index)
          starts.append(index + 1)
          offset = index + 1
        }
        return
      }
      var index = 0
      while index < count {
        let byte = buffer[index]
        if byte == 0x0A || byte == 0x0D {
          ends.append(index)
          if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
          starts.append(index + 1)
        }
        index += 1
      }
    }
    ends.append(bytes.count)
    lineStarts = starts
    lineEnds = ends
    var hasLongLine = false
    for index in 0..<ends.count where ends[index] - starts[index] > Self.longLine {
      hasLongLine = true
      break
    }
    checkpoints = hasLongLine ? Self.characterCheckpoints(bytes) : []
  }

  private static func characterCheckpoints(_ bytes: [UInt8]) -> [Int32] {
    var table: [Int32] = []
    table.reserveCapacity(bytes.count / checkpointStride + 1)
    var count: Int32 = 0
    for (index, byte) in bytes.enumerated() {
      if index % checkpointStride == 0 { table.append(count) }
      if byte & 0xC0 != 0x80 { count += 1 }
    }
    if bytes.count % checkpointStride == 0 { table.append(count) }
    return table
  }

  private var lineCount: Int { lineStarts.count }

  /// The position of `<qualifiedName` searching back from `endLine` (1-based), at most a few
  /// lines, since start tags with many attributes span lines. `byteOffset` is relative to the
  /// start of the line found.
  func startTag(_ qualifiedName: String, endLine: Int) -> (line: Int, column: Int, byteOffset: Int) {
    var name = qualifiedName
    return name.withUTF8 { startTag(needle: $0, endLine: endLine) }
  }

  /// `startTag(_:endLine:)` for a qualified name given as UTF-8 bytes.
  func startTag(needle: UnsafeBufferPointer<UInt8>, endLine: Int) -> (line: Int, column: Int, byteOffset: Int)
  {
    bytes.withUnsafeBufferPointer { buffer in
      var line = min(max(endLine, 1), lineCount)
      let lowest = max(1, line - 40)
      while line >= lowest {
        let start = lineStarts[line - 1]
        let end = lineEnds[line - 1]
        let found =
          end - start > Self.longLine
          ? longLineTags.lastStartTag(named: needle, line: line, in: buffer, from: start, to: end)
          : lastStartTag(named: needle, in: buffer, from: start, to: end)
        if let found {
          return (line, column(from: start, to: found, in: buffer), found - start)
        }
        line -= 1
      }
      return (max(endLine, 0), 0, 0)
    }
  }

  /// The position of `name=` after a start tag begins.
  func attribute(_ name: String, fromLine: Int, byteOffset: Int) -> (line: Int, column: Int)? {
    guard fromLine >= 1, fromLine <= lineCount else { return nil }
    var name = name
    return name.withUTF8 { needle in
      bytes.withUnsafeBufferPointer { buffer in
        var offset = byteOffset
        for line in fromLine...min(lineCount, fromLine + 40) {
          let start = lineStarts[line - 1]
          let end = lineEnds[line - 1]
          var index = start + offset
          while index + needle.count <= end {
            if matches(needle, in: buffer, at: index),
              index == start || isSpace(buffer[index - 1]),
              followedByEquals(buffer, index + needle.count, end: end)
            {
              return (line, column(from: start, to: index, in: buffer))
            }
            if buffer[index] == UInt8(ascii: ">") { return nil }
            index += 1
          }
          offset = 0
        }
        return nil
      }
    }
  }

  private func matches(
    _ needle: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, at index: Int
  )
    -> Bool
  {
    for k in 0..<needle.count where buffer[index + k] != needle[k] { return false }
    return true
  }

  private func followedByEquals(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, end: Int) -> Bool {
    var index = start
    while index < end, isSpace(buffer[index]) { index += 1 }
    return index < end && buffer[index] == UInt8(ascii: "=")
  }

  private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The offset of the last `<` + `name` in `start..<end` that is followed by the end of the
  /// line, white space, `/` or `>` (so `<title` never matches `<titles`).
  private func lastStartTag(
    named name: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, from start: Int,
    to end: Int
  ) -> Int? {
    let length = name.count + 1
    guard end - start >= length else { return nil }
    var index = end - length
    while index >= start {
      if buffer[index] == UInt8(ascii: "<") && matches(name, in: buffer, at: index + 1) {
        let after = index + length
        if after == end { return index }
        let next = buffer[after]
        if next == 0x20 || next == 0x09 || next == 0x2F || next == 0x3E { return index }
      }
      index -= 1
    }
    return nil
  }

  /// 1-based column counting characters (UTF-8 lead bytes), as editors show it.
  private func column(from lineStart: Int, to offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
    guard offset - lineStart > Self.checkpointStride, !checkpoints.isEmpty else {
      return characters(in: lineStart..<offset, buffer) + 1
    }
    return characters(before: offset, buffer) - characters(before: lineStart, buffer) + 1
  }

  private func characters(in range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// Characters in the file before `offset`, from the nearest checkpoint.
  private func characters(before offset: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    let block = offset / Self.checkpointStride
    let base = block * Self.checkpointStride
    return Int(checkpoints[block]) + characters(in: base..<offset, buffer)
  }

  /// Every attribute of the start tag beginning `byteOffset` bytes into line `line`, with its
  /// position, in one pass over the tag: for elements with many attributes, where finding each
  /// one from the start of the tag would be quadratic.
  func attributes(ofTagAtLine line: Int, byteOffset: Int) -> [String: (line: Int, column: Int)] {
    guard line >= 1, line <= lineCount else { return [:] }
    return bytes.withUnsafeBufferPointer { buffer in
      var positions: [String: (line: Int, column: Int)] = [:]
      let count = buffer.count
      var currentLine = line
      var index = lineStarts[line - 1] + byteOffset
      func isBreak(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
      // Past `<` and the element's name.
      index += 1
      while index < count, !isBreak(buffer[index]), buffer[index] != UInt8(ascii: ">"),
        buffer[index] != UInt8(ascii: "/")
      {
        index += 1
      }
      // Columns are counted forward from the last position found on the same line (line 0:
      // none yet, so the first is counted from a checkpoint).
      var counted = (line: 0, offset: 0, column: 1)
      while index < count {
        while index < count, isBreak(buffer[index]) { index += 1 }
        guard index < count, buffer[index] != UInt8(ascii: ">"), buffer[index] != UInt8(ascii: "/") else {
          break
        }
        while currentLine < lineCount, lineStarts[currentLine] <= index { currentLine += 1 }
        let nameStart = index
        while index < count, !isBreak(buffer[index]), buffer[index] != UInt8(ascii: "="),
          buffer[index] != UInt8(ascii: ">")
        {
          index += 1
        }
        let column =
          counted.line == currentLine
          ? counted.column + characters(in: counted.offset..<nameStart, buffer)
          : self.column(from: lineStarts[currentLine - 1], to: nameStart, in: buffer)
        counted = (currentLine, nameStart, column)
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<index]), as: UTF8.self)
        if positions[name] == nil { positions[name] = (currentLine, column) }
        while index < count, isBreak(buffer[index]) || buffer[index] == UInt8(ascii: "=") { index += 1 }
        guard index < count, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") else {
          break
        }
        let quote = buffer[index]
        index += 1
        while index < count, buffer[index] != quote { index += 1 }
        index += 1
      }
      return positions
    }
  }

  /// The text of a 1-based line (invalid UTF-8 repaired), for explaining a syntax error on it;
  /// nil for a line the file does not have.
  func text(ofLine line: Int) -> String? {
    guard line >= 1, line <= lineCount else { return nil }
    return String(decoding: bytes[lineStarts[line - 1]..<lineEnds[line - 1]], as: UTF8.self)
  }

  /// The 1-based line of the first occurrence of `marker` (for DOCTYPE diagnostics).
  func line(containing marker: String) -> Int? {
    var marker = marker
    return marker.withUTF8 { needle in
      bytes.withUnsafeBufferPointer { buffer in
        for line in 1...lineCount {
          let start = lineStarts[line - 1]
          let end = lineEnds[line - 1]
          var index = start
          while index + needle.count <= end {
            if matches(needle, in: buffer, at: index) { return line }
            index += 1
          }
        }
        return nil
      }
    }
  }
}

/// The start tags on each long line, by name, found in one pass the first time the line is
/// asked about. A locator belongs to one document, read on one thread.
private final class LongLineTags {
  /// Line number → name → offsets of `<name` on that line, in order.
  private var lines: [Int: [[UInt8]: [Int]]] = [:]

  /// The offset of the last `<name` on the line (as `SourceLocator.lastStartTag` finds it).
  func lastStartTag(
    named name: UnsafeBufferPointer<UInt8>, line: Int, in buffer: UnsafeBufferPointer<UInt8>, from start: Int,
    to end: Int
  ) -> Int? {
    if lines[line] == nil { lines[line] = Self.index(buffer, from: start, to: end) }
    return lines[line]?[Array(name)]?.last
  }

  private static func index(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> [[UInt8]: [Int]]
  {
    var tags: [[UInt8]: [Int]] = [:]
    var index = start
    while index < end {
      if buffer[index] == UInt8(ascii: "<") {
        var after = index + 1
        while after < end {
          let byte = buffer[after]
          if byte == 0x20 || byte == 0x09 || byte == 0x2F || byte == 0x3E || byte == 0x3C { break }
          after += 1
        }
        if after > index + 1 { tags[Array(buffer[(index + 1)..<after]), default: []].append(index) }
        index = after
      } else {
        index += 1
      }
    }
    return tags
  }
}
