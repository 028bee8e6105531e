import Testing

@testable import KenshuModel

/// `jsonText` is written by hand for speed; it must stay byte for byte what `JSONEncoder` makes
/// of the same records (`referenceJSONText`), which is the documented `--format json` output.
@Suite struct DiagnosticJSONTests {
  /// Every ASCII character (all the control characters, `"`, `\`, `/`, DEL) and non-ASCII text
  /// of one to four UTF-8 bytes, including the separators JSON allows raw (U+2028, U+2029).
  static let pieces: [String] =
    (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + [
      "研修", "é", "e\u{301}", "\u{2028}", "\u{2029}", "😀", "（", "）", "\u{FEFF}", "\u{85}", " ",
      "<session> \"s0\"", "curricula/a b.xml",
    ]

  @Test func test_jsonText_matchesJSONEncoder_onRandomDiagnostics() {
    var state: UInt64 = 18
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func text() -> String { (0..<next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
    for _ in 0..<200 {
      var diagnostics: [Diagnostic] = []
      for _ in 0..<next(6) {
        let severity = Severity.allCases[next(3)]
        let location = KenshuModel.SourceLocation(
          file: text(), line: [0, 1, 7, 123_456][next(4)], column: [0, 3, 99][next(3)])
        var diagnostic = Diagnostic(
          severity, code: text(), at: location, text(), hint: next(2) == 0 ? nil : text())
        if next(2) == 0 { diagnostic.japanese = Wording(text(), hint: next(3) == 0 ? nil : text()) }
        diagnostics.append(diagnostic)
      }
      for language in MessageLanguage.allCases {
        #expect(diagnostics.jsonText(in: language) == diagnostics.referenceJSONText(in: language))
      }
    }
  }

  @Test func test_jsonText_ofNoDiagnostics_matchesJSONEncoder() {
    #expect([Diagnostic]().jsonText() == [Diagnostic]().referenceJSONText())
  }
}

/// `sortedByLocation` sorts keys instead of diagnostics; the order must be the reference's.
@Suite struct DiagnosticSortTests {
  @Test func test_sortedByLocation_matchesReference_onRandomDiagnostics() {
    var state: UInt64 = 5
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    // Canonically equivalent names (é precomposed and decomposed) compare equal, so they sort
    // as one file, keeping the original order between them.
    let files = ["b.xml", "a.xml", "curricula/a.xml", "é.xml", "e\u{301}.xml", "", "A.xml", "研修.xml"]
    for _ in 0..<300 {
      let diagnostics = (0..<next(40)).map { index in
        Diagnostic(
          .error, code: "c\(index)",
          at: KenshuModel.SourceLocation(file: files[next(files.count)], line: next(4), column: next(3)), "m")
      }
      #expect(diagnostics.sortedByLocation() == diagnostics.referenceSortedByLocation())
    }
  }
}
