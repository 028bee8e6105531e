import Foundation
import Testing

@testable import KenshuXML

/// The SCORM 1.2 schemas ship in ../shared/schemas/scorm12 beside the repository.
let scormSchema = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("shared/schemas/scorm12/scorm12-all.xsd")

let minimalManifest = """
  <?xml version="1.0" encoding="UTF-8"?>
  <manifest identifier="kenshu-m" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
    <organizations default="org">
      <organization identifier="org">
        <title>安全確保</title>
        <item identifier="item1" identifierref="res1"><title>モジュール</title></item>
      </organization>
    </organizations>
    <resources>
      <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html">
        <file href="index.html"/>
      </resource>
    </resources>
  </manifest>
  """

@Suite(
  .enabled(if: FileManager.default.fileExists(atPath: scormSchema.path), "../shared/schemas not present"))
struct XMLSchemaValidatorTests {
  @Test func test_scormManifest_validatesAgainstTheSCORM12Schemas() throws {
    let validator = try XMLSchemaValidator(contentsOf: scormSchema)
    #expect(validator.validate(Array(minimalManifest.utf8), path: "imsmanifest.xml").isEmpty)
  }

  @Test func test_invalidManifest_givesLocatedErrors() throws {
    let validator = try XMLSchemaValidator(contentsOf: scormSchema)
    // (The XSDs do not catch a wrongly cased scormtype; a missing required attribute they do.)
    let broken = minimalManifest.replacingOccurrences(of: "<item identifier=\"item1\" ", with: "<item ")
    let diagnostics = validator.validate(Array(broken.utf8), path: "imsmanifest.xml")
    #expect(
      diagnostics.contains {
        $0.severity == .error && $0.location.line == 10 && $0.message.contains("identifier")
      },
      "\(diagnostics.map(\.formatted))")
  }

  @Test func test_importsOutsideRegisteredFolders_areNotLoaded() throws {
    // A schema in a temporary folder that imports a file from another folder cannot load it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-xsd-\(UUID().uuidString)")
    let other = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-xsd-other-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    try Data(
      #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"><xs:element name="b"/></xs:schema>"#
        .utf8
    )
    .write(to: other.appendingPathComponent("b.xsd"))
    let importing = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:b" targetNamespace="urn:a">
        <xs:import namespace="urn:b" schemaLocation="\(other.appendingPathComponent("b.xsd").path)"/>
        <xs:element name="a"><xs:complexType><xs:sequence><xs:element ref="b:b"/></xs:sequence></xs:complexType></xs:element>
      </xs:schema>
      """
    try Data(importing.utf8).write(to: folder.appendingPathComponent("a.xsd"))
    #expect(throws: SchemaCompileError.self) {
      try XMLSchemaValidator(contentsOf: folder.appendingPathComponent("a.xsd"))
    }
  }
}

@Suite struct RelaxNGSchemaTests {
  @Test func test_emptySchema_throwsInsteadOfCrashing() {
    #expect(throws: SchemaCompileError.self) { try RelaxNGSchema(bytes: []) }
  }
}
