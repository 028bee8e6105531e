import Foundation
import Testing

@testable import KenshuDefinitions

/// `MarkdownTextScan` walks lines one by one and stops early for the leading heading; it must
/// find what the scan over every `split` line found.
@Suite struct MarkdownTextScanTests {
  static let pieces = [
    "# ", "## ", "研修の目的", "Purpose", "\n", "\n", "\r\n", "\r", "```", "~~~", "   ", "`code`", "`", "===",
    "---",
    "<br>", "<span class=\"x\">", "[a](b.md)", "#", "\t", "x", " #", "e\u{301}", "\u{3000}",
  ]

  /// The scan as first written: every line of `split`, none skipped.
  static func referenceProseLines(of text: String) -> [(number: Int, characters: [Character])] {
    var lines: [(Int, [Character])] = []
    var fence: Substring?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        continue
      }
      var blanked: [Character] = []
      var inCode = false
      for character in line {
        if character == "`" { inCode.toggle() }
        blanked.append(inCode || character == "`" ? " " : character)
      }
      lines.append((index + 1, blanked))
    }
    return lines
  }

  @Test func test_scans_matchTheReference_onRandomTexts() {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var headings = 0
    for _ in 0..<3000 {
      let text = (0..<next(14)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
      let lines = MarkdownTextScan.proseLines(of: text)
      let reference = Self.referenceProseLines(of: text)
      #expect(lines.map(\.number) == reference.map(\.number), "\(text.debugDescription)")
      #expect(lines.map(\.characters) == reference.map(\.characters), "\(text.debugDescription)")
      let heading = MarkdownTextScan.leadingHeading(in: text)
      #expect(heading == MarkdownTextScan.referenceLeadingHeading(in: text), "\(text.debugDescription)")
      if heading != nil { headings += 1 }
    }
    #expect(headings > 100)
  }

  /// `holds` searches the String's storage with `memchr`; `String.UTF8View`'s `contains` is the
  /// reference, on small (inline) and large texts, ASCII and Japanese, and copies through
  /// `NSString` and `Substring`.
  @Test func test_holds_agreesWithTheUTF8View() {
    var state: UInt64 = 18
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let bytes: [UInt8] = Array("[<#=-a\n".utf8) + [0xE3, 0x80, 0x82]
    var found = 0
    for _ in 0..<3000 {
      let text = (0..<next(30)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
      let dropped = String(text.dropFirst(next(3)))
      for variant in [text, dropped, String(NSString(string: text)), String(text.prefix(5))] {
        for byte in bytes {
          let expected = variant.utf8.contains(byte)
          #expect(MarkdownTextScan.holds(byte, variant) == expected, "\(variant.debugDescription) \(byte)")
          if expected { found += 1 }
        }
      }
    }
    #expect(found > 1000)
  }
}
