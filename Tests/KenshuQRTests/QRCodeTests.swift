import Foundation
import Testing

@testable import KenshuQR

@Suite struct QRCodeTests {
  /// The 7 × 7 finder pattern every reader looks for: a dark ring, a light ring, a 3 × 3 core.
  private func hasFinder(_ code: QRCode, row: Int, column: Int) -> Bool {
    for r in 0..<7 {
      for c in 0..<7 {
        let ring = max(abs(r - 3), abs(c - 3))
        let dark = ring != 2
        if code.isDark(row: row + r, column: column + c) != dark { return false }
      }
    }
    return true
  }

  @Test func shortTextFitsVersionOneWithFinderAndTimingPatterns() throws {
    let code = try QRCode("KENSHU", correction: .medium)
    #expect(code.version == 1)
    #expect(code.width == 21)
    #expect(code.modules.count == 21 * 21)
    #expect(hasFinder(code, row: 0, column: 0))
    #expect(hasFinder(code, row: 0, column: 14))
    #expect(hasFinder(code, row: 14, column: 0))
    // The bottom-right corner has no finder pattern: that is how readers find the orientation.
    #expect(!hasFinder(code, row: 14, column: 14))
    // Timing patterns: row 6 and column 6 alternate dark and light between the finders.
    for i in 8...12 {
      #expect(code.isDark(row: 6, column: i) == (i % 2 == 0))
      #expect(code.isDark(row: i, column: 6) == (i % 2 == 0))
    }
  }

  @Test func versionGrowsWithTheTextAndWidthFollowsTheVersion() throws {
    let url = "https://example.jp/kenshu/surveys/day1-eval/?t=" + String(repeating: "A7", count: 16)
    let code = try QRCode(url)
    #expect(code.version > 1)
    #expect(code.width == 17 + 4 * code.version)
    let higher = try QRCode(url, correction: .high)
    #expect(higher.version >= code.version)
  }

  @Test func japaneseTextIsEncodedAsUTF8Bytes() throws {
    let a = try QRCode("修了証 第12号")
    let b = try QRCode("修了証 第13号")
    #expect(a.width == b.width)
    #expect(a.modules != b.modules)
    #expect(try QRCode("修了証 第12号") == a)
  }

  @Test func textBeyondVersionFortyIsRefusedWithItsLength() {
    let long = String(repeating: "x", count: 3000)
    #expect(throws: QRCode.Failure.tooLong(bytes: 3000)) { try QRCode(long, correction: .medium) }
  }

  @Test func svgHasQuietZoneAccessibleNameAndEscapedLabel() throws {
    let code = try QRCode("https://example.jp/?a=1&b=2")
    let svg = code.svg(label: "https://example.jp/?a=1&b=2 <slip>")
    let side = code.width + 8
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("aria-label=\"https://example.jp/?a=1&amp;b=2 &lt;slip&gt;\""))
    #expect(!svg.contains("<slip>"))
    // The top-left finder's first row is one run of 7 dark modules starting inside the quiet zone.
    #expect(svg.contains("M4 4h7v1h-7z"))
  }

  @Test func svgRunsCoverExactlyTheDarkModules() throws {
    let code = try QRCode("run-length check 0123456789")
    let svg = code.svg(label: "x")
    let d = svg.split(separator: "d=\"")[1].split(separator: "\"")[0]
    var dark = Set<Int>()
    for command in d.split(separator: "M").filter({ !$0.isEmpty }) {
      // "x yhNv1h-Nz"
      let parts = command.split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
      let x = Int(parts[0])! - 4
      let y = Int(parts[1])! - 4
      let n = Int(parts[2])!
      for column in x..<(x + n) { dark.insert(y * code.width + column) }
    }
    let expected = Set(code.modules.indices.filter { code.modules[$0] })
    #expect(dark == expected)
  }
}

/// Reads the drawn SVG back with an independent decoder (ZBar), so the symbol is proven
/// readable, not just well-formed. `.ci/run` installs `zbar-tools` and `librsvg2-bin`; where
/// they are missing the test says so and does not run.
@Suite struct QRCodeReadBackTests {
  static let tools: (rsvg: String, zbar: String)? = {
    let find = { (name: String) -> String? in
      ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first {
        FileManager.default.isExecutableFile(atPath: $0)
      }
    }
    guard let rsvg = find("rsvg-convert"), let zbar = find("zbarimg") else { return nil }
    return (rsvg, zbar)
  }()

  @Test(.enabled(if: tools != nil, "zbarimg and rsvg-convert are not installed"))
  func drawnSymbolDecodesToTheText() throws {
    let tools = try #require(Self.tools)
    let text = "https://example.jp/kenshu/surveys/day1-eval/?t=K7Q2-M9XD 研修"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("code.svg")
    let png = folder.appendingPathComponent("code.png")
    try QRCode(text).svg(label: text, size: "300px").write(to: svg, atomically: true, encoding: .utf8)
    try run(tools.rsvg, ["-w", "400", "-h", "400", "-o", png.path, svg.path])
    let output = try run(tools.zbar, ["--raw", "-q", "-Sbinary", png.path])
    #expect(String(decoding: output, as: UTF8.self) == text)
  }

  @discardableResult
  private func run(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(tool) exited \(process.terminationStatus)")
    return data
  }
}
