import Foundation
import Testing

@testable import KenshuModel

@Suite struct MarkupTests {
  /// One escaper: a hand-written copy drifts (the reference pages' did not escape `>`).
  @Test func noOtherSourceFileSpellsOutTheEntities() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    var copies: [String] = []
    let files = FileManager.default.enumerator(atPath: sources.path)
    while let file = files?.nextObject() as? String {
      guard file.hasSuffix(".swift"), !file.hasSuffix("Text/Markup.swift") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      if text.contains(#""&lt;""#) || text.contains(#""&gt;""#) || text.contains(#""&amp;""#) {
        copies.append(file)
      }
    }
    #expect(copies.isEmpty, "escape with Markup.escape / escapeForXMLFile: \(copies)")
  }

  @Test func escapeForXMLFile_keepsLineBreaksAndDropsForbiddenControls() {
    #expect(Markup.escapeForXMLFile("a<b>\t\n\r&'\"\u{1}z") == "a&lt;b&gt;&#9;&#10;&#13;&amp;&apos;&quot;z")
  }

  @Test func escape_replacesEveryMarkupCharacter() {
    #expect(
      Markup.escape(#"<a href="x" title='y'>&</a>"#)
        == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
  }

  @Test func escape_leavesOtherTextAlone() {
    #expect(Markup.escape("在宅医療・介護連携 {漢字|かんじ} 100%") == "在宅医療・介護連携 {漢字|かんじ} 100%")
    #expect(Markup.escape("") == "")
  }
}
