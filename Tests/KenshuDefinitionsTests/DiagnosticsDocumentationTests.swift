import Foundation
import Testing

/// docs/diagnostics.md documents every code the sources can emit, and nothing that is gone.
@Suite struct DiagnosticsDocumentationTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The code of each catalogue template, by its name (`missingAttribute` → `missing-attribute`),
  /// read from the catalogue's sources.
  static func catalogueCodesByName() throws -> [String: String] {
    let folder = repositoryRoot.appendingPathComponent("Sources/KenshuModel/Diagnostics/Catalogue")
    var codes: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for match in text.matches(of: #/static let (\w+) = MessageTemplate<[\s\S]*?>\(\s*"([a-z][a-z0-9-]*)"/#)
      {
        codes[String(match.1)] = String(match.2)
      }
    }
    return codes
  }

  /// Codes found in the sources of the loader, the checks and the XML layer: the catalogue
  /// templates they use (`Catalogue.missingAttribute`), `.error("code", …)`, `.warning("code", …)`
  /// and libxml2's default codes (`case …: "schema"`). Codes built from a prefix
  /// (`"unqualified-\(role)"`) are returned as prefixes.
  private func emittedCodes() throws -> (codes: Set<String>, prefixes: Set<String>) {
    let catalogue = try Self.catalogueCodesByName()
    let folders = ["Sources/KenshuDefinitions", "Sources/KenshuXML"].map {
      Self.repositoryRoot.appendingPathComponent($0)
    }
    let fixed = [
      #/\.(?:error|warning)\(\s*"([a-z][a-z0-9-]*)"/#,
      #/\(\s*"(xml-[a-z0-9-]+)",/#,
      #/case [^\n]*: "([a-z][a-z0-9-]*)"\n/#,
    ]
    let dynamic = #/\.(?:error|warning)\(\s*"([a-z][a-z0-9-]*-)\\\(/#
    var codes: Set<String> = []
    var prefixes: Set<String> = []
    for folder in folders {
      let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "swift" else { continue }
        let text = try String(contentsOf: url, encoding: .utf8)
        for regex in fixed {
          for match in text.matches(of: regex) { codes.insert(String(match.1)) }
        }
        for match in text.matches(of: dynamic) { prefixes.insert(String(match.1)) }
        for match in text.matches(of: #/Catalogue\.(\w+)/#) {
          if let code = catalogue[String(match.1)] { codes.insert(code) }
        }
      }
    }
    return (codes, prefixes)
  }

  /// Codes documented in docs/diagnostics.md: the first cell of a table row, in backticks.
  static func documentedCodes() throws -> Set<String> {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    return Set(text.matches(of: #/\n\| `([a-z][a-z0-9-]*)` \| (?:error|warning|note)/#).map { String($0.1) })
  }

  @Test func test_sourcesEmitCodes_theScanIsNotEmpty() throws {
    let emitted = try emittedCodes()
    // Guards against a scan that silently finds nothing (e.g. sources moved).
    #expect(emitted.codes.count > 60)
    #expect(
      emitted.codes.isSuperset(of: ["missing-attribute", "xml-doctype", "schema", "possible-personal-data"]))
    #expect(emitted.prefixes.isEmpty)
  }

  @Test func test_everyEmittedCode_isDocumented() throws {
    let emitted = try emittedCodes()
    let documented = try Self.documentedCodes()
    for code in emitted.codes.sorted() {
      #expect(documented.contains(code), "docs/diagnostics.md does not document \(code)")
    }
    for prefix in emitted.prefixes.sorted() {
      #expect(documented.contains { $0.hasPrefix(prefix) }, "docs/diagnostics.md has no \(prefix)… code")
    }
  }

  @Test func test_everyDocumentedCode_isStillEmitted() throws {
    let emitted = try emittedCodes()
    for code in try Self.documentedCodes().sorted() {
      #expect(
        emitted.codes.contains(code) || emitted.prefixes.contains { code.hasPrefix($0) },
        "docs/diagnostics.md documents \(code), which no source emits")
    }
  }
}
