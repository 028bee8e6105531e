import Foundation
import Testing

@testable import KenshuXML

/// Files with very long lines (generated, or saved without line breaks) are located exactly and
/// in linear time: columns count characters from a checkpoint, a tag with many attributes is
/// read once, and the start tags of a long line are indexed once.
@Suite struct LongLineLocationTests {
  /// A prefix of `count` Japanese characters (3 bytes each), so that columns and bytes differ.
  private static func japanese(_ count: Int) -> String { String(repeating: "研", count: count) }

  @Test func test_manyAttributesOnALongLine_areLocatedByCharacter() throws {
    let prefix = "<a xmlns=\"urn:kenshu:1\"><t>\(Self.japanese(10_000))</t>"
    let attributes = (0..<200).map { "x\($0)=\"値\($0)\"" }.joined(separator: " ")
    let parsed = readXML(Array((prefix + "<e \(attributes)/></a>").utf8), path: "t.xml")
    #expect(parsed.diagnostics.isEmpty)
    let element = try #require(parsed.root?.child(named: "e"))
    let start = prefix.count + 1
    #expect(element.location.line == 1 && element.location.column == start)
    // x150 follows "<e " and 150 attributes, each `xN="値N" ` long.
    let before = (0..<150).map { "x\($0)=\"値\($0)\" ".count }.reduce(0, +)
    #expect(element.location(ofAttribute: "x150").column == start + 3 + before)
    // The same from libxml2's tree in place, as the readers see it.
    let inPlace = readXML(Array((prefix + "<e \(attributes)/></a>").utf8), path: "t.xml") { document in
      document.root?.child(named: "e")?.location(ofAttribute: "x150").column
    }
    #expect(inPlace == start + 3 + before)
  }

  @Test func test_manyElementsOnOneLine_areEachLocated() throws {
    let prefix = "<a xmlns=\"urn:kenshu:1\">\(Self.japanese(5_000))"
    let children = (0..<3_000).map { "<e\($0)/>" }
    let parsed = readXML(Array((prefix + children.joined() + "</a>").utf8), path: "t.xml")
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.root)
    var column = prefix.count + 1
    for (index, child) in root.children.enumerated() {
      #expect(child.location.column == column, "<e\(index)>")
      column += children[index].count
    }
  }

  @Test func test_elementWithTooManyAttributes_isRefusedBeforeParsing() throws {
    let limit = AttributeScreening.maximumPerElement
    let crowded = (0..<limit).map { "x\($0)=\"1\"" }.joined(separator: " ")
    let parsed = readXML(
      Array("<a xmlns=\"urn:kenshu:1\">\n  <e id=\"e\" \(crowded)/></a>".utf8), path: "t.xml")
    #expect(parsed.root == nil)
    #expect(parsed.diagnostics.map(\.code) == ["xml-too-many-attributes"])
    #expect(parsed.diagnostics.first?.location.line == 2 && parsed.diagnostics.first?.location.column == 3)
    #expect(parsed.diagnostics.first?.message.contains("<e>") == true)
  }

  @Test func test_equalSignsInTextValuesAndComments_areNotAttributes() throws {
    let many = String(repeating: "a=b ", count: 3_000)
    let attributes = (0..<exactlyTheLimit).map { "x\($0)=\"1\"" }.joined(separator: " ")
    let text = "<a xmlns=\"urn:kenshu:1\" v=\"\(many)\"><!-- \(many) --><t>\(many)</t><e \(attributes)/></a>"
    let parsed = readXML(Array(text.utf8), path: "t.xml")
    #expect(parsed.diagnostics.isEmpty, "got: \(parsed.diagnostics.map(\.formatted))")
    #expect(parsed.root?.child(named: "e") != nil)
  }

  private var exactlyTheLimit: Int { AttributeScreening.maximumPerElement }
}
