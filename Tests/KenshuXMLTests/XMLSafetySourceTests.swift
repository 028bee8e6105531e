import Foundation
import Testing

/// The security-critical parse is written once: a copy could drift from the safe options.
@Suite struct XMLSafetySourceTests {
  @Test func xmlReadMemoryIsCalledInOnePlace() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    var calls: [String] = []
    let files = FileManager.default.enumerator(atPath: sources.path)
    while let file = files?.nextObject() as? String {
      guard file.hasSuffix(".swift") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      let count = text.components(separatedBy: "xmlReadMemory(").count - 1
      calls += Array(repeating: file, count: count)
    }
    #expect(calls == ["KenshuXML/XMLSafety.swift"])
  }
}
