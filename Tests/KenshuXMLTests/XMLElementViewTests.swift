import KenshuModel
import Testing

@testable import KenshuXML

/// Reading through `XMLElementView` (libxml2's tree in place) answers exactly as reading the
/// `XMLElement` copy of the same document: loaders rely on it for identical diagnostics.
@Suite struct XMLElementViewTests {
  private let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" xmlns:x="urn:other" id="p1" xml:lang="ja">
      <title>多職種連携
        研修</title>
      <session id="gw1"
               kind="groupwork" x:note="n" duration="PT60M">
        <case x:id="c1">前文<body>本文</body>後文<![CDATA[ <生> ]]></case>
        <case/>
      </session>
      <x:session id="other"/>
    </programme>
    """

  /// Every answer of the view, as a value to compare with the copy's.
  private struct Answers: Equatable {
    var name: String
    var namespace: String?
    var location: KenshuModel.SourceLocation
    var attributes: [String?]
    var attributeLocations: [KenshuModel.SourceLocation]
    var text: String
    var normalizedText: String
    var children: [Answers]
  }

  private static let attributeNames = ["id", "kind", "note", "duration", "xml:lang", "lang", "missing"]

  private func answers(_ view: XMLElementView) -> Answers {
    Answers(
      name: view.name, namespace: view.namespace, location: view.location,
      attributes: Self.attributeNames.map { view.attribute($0) },
      attributeLocations: Self.attributeNames.map { view.location(ofAttribute: $0) },
      text: view.text, normalizedText: view.normalizedText, children: view.children.map(answers))
  }

  private func answers(_ element: XMLElement) -> Answers {
    Answers(
      name: element.name, namespace: element.namespace, location: element.location,
      attributes: Self.attributeNames.map { element.attribute($0) },
      attributeLocations: Self.attributeNames.map { element.location(ofAttribute: $0) },
      text: element.text, normalizedText: element.normalizedText, children: element.children.map(answers))
  }

  @Test func test_view_answersAsTheCopiedTreeDoes() throws {
    let bytes = Array(document.utf8)
    let copied = try #require(readXML(bytes, path: "t.xml").root)
    let viewed = readXML(bytes, path: "t.xml") { $0.root.map(answers) }
    #expect(viewed == answers(copied))
  }

  @Test func test_view_findsChildrenAndAttributesByLocalName() throws {
    let found = readXML(Array(document.utf8), path: "t.xml") { parsed -> [String]? in
      guard let root = parsed.root, let session = root.child(named: "session") else { return nil }
      let cases = session.children(named: "case")
      return [
        root.isNamed("programme") ? "programme" : "?", root.isNamed("program") ? "?" : "not program",
        "\(root.children(named: "session").count) sessions", "\(cases.count) cases",
        cases[0].attribute("id") ?? "-", cases[0].directText, root.attribute("xml:lang") ?? "-",
        root.attribute("lang") ?? "no lang",
      ]
    }
    #expect(
      found == [
        "programme", "not program", "2 sessions", "2 cases", "c1", "前文後文 <生> ", "ja", "no lang",
      ])
  }

  @Test func test_view_ofAFileThatIsNotXML_isNil_withTheSameDiagnostics() {
    let bytes = Array("<programme><title></programme>".utf8)
    let copied = readXML(bytes, path: "t.xml")
    let viewed = readXML(bytes, path: "t.xml") { ($0.root == nil, $0.diagnostics) }
    #expect(copied.root == nil && viewed.0)
    #expect(viewed.1 == copied.diagnostics && !viewed.1.isEmpty)
  }
}
