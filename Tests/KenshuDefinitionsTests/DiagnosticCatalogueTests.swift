import Foundation
import KenshuModel
import Testing

/// Every diagnostic exists in Japanese and English: each code in use or documented has a
/// catalogue entry, each entry is worded in both languages, and docs/diagnostics.md shows the
/// catalogue as it is.
@Suite struct DiagnosticCatalogueTests {
  private static let root = DiagnosticsDocumentationTests.repositoryRoot

  /// A diagnostic made from a literal code and English text: `.error("code", at: …, "…")`,
  /// `.warning("code", …)`, `.note("code", …)` or `Diagnostic(.error, code: "code", …)`.
  private static var literalDiagnostic: Regex<Substring> {
    #/(?:\.(?:error|warning|note)\(\s*(?:"[a-z][a-z0-9-]*"|code,)|Diagnostic\(\s*\.(?:error|warning|note),\s*code:\s*")/#
  }

  private func sourceFiles() -> [(path: String, text: String)] {
    let sources = Self.root.appendingPathComponent("Sources")
    var files: [(String, String)] = []
    let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else {
        continue
      }
      files.append((String(url.path.dropFirst(Self.root.path.count + 1)), text))
    }
    return files
  }

  @Test func test_noSource_makesADiagnosticOutsideTheCatalogue() {
    let offenders = sourceFiles().filter { $0.text.contains(Self.literalDiagnostic) }.map(\.path)
    #expect(
      offenders.isEmpty,
      "make these diagnostics from a Catalogue template (Japanese and English): \(offenders.sorted())")
  }

  /// The scan above finds what it looks for (a regex that matches nothing would pass anything).
  @Test func test_literalDiagnosticPattern_findsTheLiteralForms() {
    let literal = [
      #".error("groups-no-participants", at: here, "no participants")"#,
      ".warning(\n  \"evaluation-row-empty\", at: here, \"row has no answers\")",
      #"Diagnostic(.note, code: "evaluation-pair-unmatched", at: here, "unpaired")"#,
      ".error(code, at: location, message, hint: hint)",
    ]
    for text in literal { #expect(text.contains(Self.literalDiagnostic), "\(text)") }
    #expect(!".warning(Catalogue.groupsNoParticipants, (), at: here)".contains(Self.literalDiagnostic))
  }

  @Test func test_everyDocumentedCode_hasACatalogueEntry() throws {
    let documented = try DiagnosticsDocumentationTests.documentedCodes()
    #expect(documented.count > 80)
    for code in documented.sorted() {
      #expect(Catalogue.codes.contains(code), "\(code) is documented but has no catalogue entry")
    }
  }

  @Test func test_everyTemplate_isListedInTheCatalogue() throws {
    let templates = try DiagnosticsDocumentationTests.catalogueCodesByName()
    #expect(templates.count == Catalogue.entries.count, "a template is missing from its file's entries")
    #expect(Set(templates.values) == Catalogue.codes)
  }

  @Test func test_everyEntry_isWordedInJapaneseAndEnglish() {
    func hasKana(_ text: String) -> Bool {
      // Kana or kanji.
      text.unicodeScalars.contains {
        (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
      }
    }
    for entry in Catalogue.entries {
      let ja = entry.sample.ja
      let en = entry.sample.en
      #expect(hasKana(ja.message), "\(entry.code): the Japanese message has no Japanese: \(ja.message)")
      #expect(ja.message != en.message, "\(entry.code): the two languages say the same: \(en.message)")
      #expect(!en.message.isEmpty)
      if let hint = ja.hint {
        #expect(hasKana(hint), "\(entry.code): the Japanese hint is not Japanese: \(hint)")
      }
    }
  }

  @Test func test_docsShowTheCatalogue_asGenerated() throws {
    let page = try String(
      contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    let start = try #require(page.range(of: Catalogue.tableStartMarker + "\n"))
    let end = try #require(page.range(of: Catalogue.tableEndMarker, range: start.upperBound..<page.endIndex))
    #expect(
      String(page[start.upperBound..<end.lowerBound]) == Catalogue.markdownTable(),
      "docs/diagnostics.md is out of date: run kenshu docs diagnostics")
  }

  @Test func test_japaneseRendering_readsAsTheIssueAsks() {
    let diagnostic = Diagnostic.error(
      Catalogue.missingAttribute, ("<session> \"gw1\"", "duration", "PT60M"),
      at: SourceLocation(file: "curricula/foo.xml", line: 12, column: 5))
    #expect(
      diagnostic.formatted(in: .ja)
        == "curricula/foo.xml:12:5: エラー: <session> \"gw1\" に所要時間がありません（例: duration=\"PT60M\"）")
    #expect(
      diagnostic.formatted(in: .en)
        == "curricula/foo.xml:12:5: error: <session> \"gw1\" needs a duration (e.g. duration=\"PT60M\")")
    #expect(diagnostic.formatted == diagnostic.formatted(in: .en))
  }

  @Test func test_jsonAndGitHub_keepTheirShape_withMessagesInTheChosenLanguage() throws {
    let diagnostic = Diagnostic.warning(
      Catalogue.noStartTime, "day1", at: SourceLocation(file: "a.xml", line: 4, column: 3))
    let records = try JSONDecoder().decode(
      [DiagnosticRecord].self, from: Data([diagnostic].jsonText(in: .ja).utf8))
    #expect(records.count == 1)
    #expect(records[0].code == "no-start-time")
    #expect(records[0].severity == "warning")
    #expect(records[0].message.contains("開始時刻がない"))
    #expect(records[0].hint == "コースに start=\"HH:MM\" を書いてください")
    let annotation = try #require([diagnostic].githubAnnotations(in: .ja).first)
    #expect(
      annotation.hasPrefix("::warning file=a.xml,line=4,col=3,title=no-start-time::<course> \"day1\" に"))
    #expect([diagnostic].summaryLine(in: .ja) == "エラー 0 件、警告 1 件")
  }
}
