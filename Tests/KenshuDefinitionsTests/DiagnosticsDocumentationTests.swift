import Foundation
import Testing

/// docs/diagnostics.md documents every code the sources can emit, and nothing that is gone.
@Suite struct DiagnosticsDocumentationTests {
  private static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Codes found in the sources of the loader, the checks and the XML layer:
  /// `.error("code", …)`, `.warning("code", …)`, rewritten syntax errors `("xml-…", …)` and
  /// libxml2's default codes (`case …: "schema"`). Codes built from a prefix
  /// (`"unqualified-\(role)"`) are returned as prefixes.
  private func emittedCodes() throws -> (codes: Set<String>, prefixes: Set<String>) {
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
      }
    }
    return (codes, prefixes)
  }

  /// Codes documented in docs/diagnostics.md: the first cell of a table row, in backticks.
  private func documentedCodes() throws -> Set<String> {
    let text = try String(
      contentsOf: Self.repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    return Set(text.matches(of: #/\n\| `([a-z][a-z0-9-]*)` \| (?:error|warning)/#).map { String($0.1) })
  }

  @Test func test_sourcesEmitCodes_theScanIsNotEmpty() throws {
    let emitted = try emittedCodes()
    // Guards against a scan that silently finds nothing (e.g. sources moved).
    #expect(emitted.codes.count > 60)
    #expect(
      emitted.codes.isSuperset(of: ["missing-attribute", "xml-doctype", "schema", "possible-personal-data"]))
    #expect(emitted.prefixes == ["unqualified-"])
  }

  @Test func test_everyEmittedCode_isDocumented() throws {
    let emitted = try emittedCodes()
    let documented = try documentedCodes()
    for code in emitted.codes.sorted() {
      #expect(documented.contains(code), "docs/diagnostics.md does not document \(code)")
    }
    for prefix in emitted.prefixes.sorted() {
      #expect(documented.contains { $0.hasPrefix(prefix) }, "docs/diagnostics.md has no \(prefix)… code")
    }
  }

  @Test func test_everyDocumentedCode_isStillEmitted() throws {
    let emitted = try emittedCodes()
    for code in try documentedCodes().sorted() {
      #expect(
        emitted.codes.contains(code) || emitted.prefixes.contains { code.hasPrefix($0) },
        "docs/diagnostics.md documents \(code), which no source emits")
    }
  }
}
