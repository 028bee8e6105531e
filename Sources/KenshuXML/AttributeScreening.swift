import Foundation
import KenshuModel

/// Refuses a start tag with more attributes than any definition needs before libxml2 parses it:
/// libxml2 2.9.14 checks each new attribute against all earlier ones of its element and appends
/// it by walking the list, so 160,000 attributes on one element took minutes inside the parser.
enum AttributeScreening {
  /// More attributes than this on one element are refused (Kenshu's elements have at most 20).
  static let maximumPerElement = 1_000

  /// The position and name of the first start tag with too many attributes, or nil.
  static func crowdedStartTag(in bytes: [UInt8]) -> (line: Int, column: Int, name: String)? {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, fewerEqualSignsThanLimit(base, buffer.count) == false else {
        return nil
      }
      return scan(buffer)
    }
  }

  /// A file with no more `=` than the limit cannot have a crowded tag: nearly every file stops
  /// here, after memchr's pass.
  private static func fewerEqualSignsThanLimit(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var found = 0
    var offset = 0
    while offset < count, let hit = memchr(base + offset, 0x3D, count - offset) {
      found += 1
      if found > maximumPerElement { return false }
      offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
    }
    return true
  }

  private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int, name: String)? {
    let count = buffer.count
    var index = 0
    var line = 1
    var lineStart = 0
    func starts(_ text: StaticString) -> Bool {
      let length = text.utf8CodeUnitCount
      guard index + length <= count else { return false }
      return memcmp(buffer.baseAddress! + index, text.utf8Start, length) == 0
    }
    /// Moves past `terminator`, counting lines.
    func skip(past terminator: StaticString) {
      while index < count, !starts(terminator) {
        if buffer[index] == 0x0A {
          line += 1
          lineStart = index + 1
        }
        index += 1
      }
      index += terminator.utf8CodeUnitCount
    }
    while index < count {
      let byte = buffer[index]
      if byte == 0x0A {
        line += 1
        lineStart = index + 1
      }
      guard byte == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if starts("<!--") {
        skip(past: "-->")
      } else if starts("<![CDATA[") {
        skip(past: "]]>")
      } else if starts("<?") {
        skip(past: "?>")
      } else if starts("<!") || starts("</") {
        skip(past: ">")
      } else {
        let tagStart = index
        let tagLine = line
        let tagLineStart = lineStart
        var attributes = 0
        var quote: UInt8 = 0
        index += 1
        while index < count {
          let inner = buffer[index]
          if inner == 0x0A {
            line += 1
            lineStart = index + 1
          }
          if quote != 0 {
            if inner == quote { quote = 0 }
          } else if inner == UInt8(ascii: "\"") || inner == UInt8(ascii: "'") {
            quote = inner
          } else if inner == UInt8(ascii: "=") {
            attributes += 1
            if attributes > maximumPerElement {
              var nameEnd = tagStart + 1
              while nameEnd < count, ![0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E].contains(buffer[nameEnd]) {
                nameEnd += 1
              }
              let name = String(
                decoding: UnsafeBufferPointer(rebasing: buffer[(tagStart + 1)..<nameEnd]), as: UTF8.self)
              let column = buffer[tagLineStart..<tagStart].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
              return (tagLine, column, name)
            }
          } else if inner == UInt8(ascii: ">") {
            break
          }
          index += 1
        }
        index += 1
      }
    }
    return nil
  }
}
