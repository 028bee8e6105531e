import Foundation
import Testing

@testable import KenshuDefinitions

/// The content-encoding check finds the first byte that is not UTF-8 on bytes
/// (`UTF8Validation`); the standard library's parser, scalar by scalar, is the reference.
@Suite struct ContentEncodingReferenceTests {
  @Test func test_firstInvalidUTF8_agreesWithTheScalarParser() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("研修の目的".utf8), Array("# 見出し\n".utf8), Array("🏥".utf8), [0xEF, 0xBB, 0xBF],
      [0x82, 0xA0],  // あ in CP932
      [0x8C, 0xA4, 0x8F, 0x43],  // 研修 in CP932
      [0xE7, 0x9C], [0xF0, 0x9F, 0x8F], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80],
      [0xF4, 0x90, 0x80, 0x80],
      [0xF5], [0xFF], [0x80], [0xBF], [0xC2], [0xDF, 0xBF], [0x00], [0x0A], [0x0D, 0x0A],
      Array(String(repeating: "x", count: 17).utf8),
    ]
    var random = LinearCongruential(seed: 5)
    for round in 0..<6000 {
      var bytes: [UInt8] = []
      if round % 5 == 0 {
        for _ in 0..<random.next(below: 40) { bytes.append(UInt8(random.next(below: 256))) }
      } else {
        for _ in 0..<random.next(below: 12) { bytes += pieces[random.next(below: pieces.count)] }
      }
      let data = Data(bytes)
      #expect(
        ContentEncodingCheck.firstInvalidUTF8(data) == ContentEncodingCheck.referenceFirstInvalidUTF8(data),
        "\(bytes.map { String($0, radix: 16) })")
      // A slice of a larger buffer (a Data whose indices do not start at 0).
      let slice = Data([0x41] + bytes).dropFirst()
      #expect(
        ContentEncodingCheck.firstInvalidUTF8(slice) == ContentEncodingCheck.referenceFirstInvalidUTF8(slice))
    }
  }
}
