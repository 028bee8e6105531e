import Foundation
import Testing

@testable import KenshuXML

/// `XMLStreamParser` hands each start tag's namespace declarations to the handler, apart from
/// its attributes (libxml2 never reports `xmlns` as an attribute).
@Suite struct XMLStreamParserTests {
  private final class Recorder: XMLStreamHandler {
    var declarations: [String: [XMLNamespaceDeclaration]] = [:]
    var attributes: [String: [String?]] = [:]

    func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes) {
      declarations[name.string] = attributes.namespaceDeclarations
      self.attributes[name.string] = [
        attributes.string("a"), attributes.string("xmlns"), attributes.string("p"),
      ]
    }
    func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes) {}
    func characters(_ text: XMLStreamBytes) {}
  }

  @Test func test_namespaceDeclarations_areReportedOnTheirStartTag_notAsAttributes() {
    let xml =
      "<root xmlns=\"urn:main\" xmlns:p=\"urn:p\" p:a=\"1\"><child a=\"2\"/><other xmlns:p=\"urn:q\"/></root>"
    let recorder = Recorder()
    let parser = XMLStreamParser(path: "t.xml", handler: recorder)
    Array(xml.utf8).withUnsafeBytes { _ = parser.feed($0) }
    #expect(parser.finish().isEmpty)
    #expect(
      recorder.declarations["root"] == [
        XMLNamespaceDeclaration(prefix: "", uri: "urn:main"),
        XMLNamespaceDeclaration(prefix: "p", uri: "urn:p"),
      ])
    #expect(recorder.declarations["child"] == [])
    #expect(recorder.declarations["other"] == [XMLNamespaceDeclaration(prefix: "p", uri: "urn:q")])
    #expect(recorder.attributes["root"] == ["1", nil, nil])
    #expect(recorder.attributes["child"] == ["2", nil, nil])
  }
}
