import Foundation
import Testing

/// Every line the command line prints for a person is worded in Japanese and English and
/// printed in the run's language: through `Console.error(ja:en:)`, `Console.output(ja:en:)`,
/// `argumentError(ja:en:)` or a diagnostic from the catalogue — never a literal in one language
/// (or both on one line, `日本語 / English`).
@Suite struct CommandLineTextTests {
  private static let root = DiagnosticsDocumentationTests.repositoryRoot

  /// A user line written from one literal: `Console.error("…")`, `Console.output("…")`,
  /// `ValidationError("…")`, `print("…")`.
  private static var literalLine: Regex<Substring> {
    #/(?:Console\.(?:error|output)|ValidationError|(?:^|[\s(;{])print)\(\s*"/#
  }

  /// Machine-readable lines (tab-separated counts for scripts) and the refusal of `--lang`
  /// itself, printed before a language is chosen, in both languages.
  private static let allowed: [(file: String, starts: String)] = [
    ("Sources/kenshu/Commands/ResponsesCommand.swift", #"Console.output("survey\t"#),
    ("Sources/kenshu/Commands/ResponsesCommand.swift", #"Console.output("module\t"#),
    ("Sources/kenshu/Support/MessageLanguageChoice.swift", #"ValidationError("--lang"#),
  ]

  @Test func test_commandLine_printsNoLiteralLine() throws {
    let folder = Self.root.appendingPathComponent("Sources/kenshu")
    var offenders: [String] = []
    var scanned = 0
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let path = String(url.path.dropFirst(Self.root.path.count + 1))
      let text = try String(contentsOf: url, encoding: .utf8)
      scanned += 1
      for match in text.matches(of: Self.literalLine) {
        let rest = text[match.range.lowerBound...].prefix(80)
        if Self.allowed.contains(where: { $0.file == path && rest.hasPrefix($0.starts) }) { continue }
        let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
        offenders.append("\(path):\(line): \(rest.prefix { $0 != "\n" })")
      }
    }
    #expect(scanned > 15)
    #expect(
      offenders.isEmpty,
      "print these in both languages (Console.error(ja:en:)):\n\(offenders.joined(separator: "\n"))")
  }

  @Test func test_literalLinePattern_findsTheLiteralForms() {
    for text in [
      #"Console.error("wrote x")"#, "Console.output(\n  \"x\")", #"throw ValidationError("no")"#,
      #"print("x")"#,
    ] {
      #expect(text.contains(Self.literalLine), "\(text)")
    }
    for text in [
      #"Console.error(ja: "a", en: "b")"#, "print(result.formatted)", #"argumentError(ja: "a", en: "b")"#,
    ] {
      #expect(!text.contains(Self.literalLine), "\(text)")
    }
  }
}
