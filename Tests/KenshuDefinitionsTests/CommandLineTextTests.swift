import Foundation
import Testing

/// Every line the command line prints for a person is worded in Japanese and English and
/// printed in the run's language: through `Console.error(ja:en:)`, `Console.output(ja:en:)`,
/// `argumentError(ja:en:)` or a diagnostic from the catalogue — never a literal in one language
/// (or both on one line, `日本語 / English`). The same holds for the lines `kenshu bench` prints,
/// which the benchmarks (`Sources/KenshuBenchmarks`) word through `MessageLanguage.say(ja:en:)`.
@Suite struct CommandLineTextTests {
  private static let root = DiagnosticsDocumentationTests.repositoryRoot

  /// A user line written from one literal: `Console.error("…")`, `Console.output("…")`,
  /// `ValidationError("…")`, `print("…")`, or a benchmark's `lines.append("…")`.
  private static var literalLine: Regex<Substring> {
    #/(?:Console\.(?:error|output)|ValidationError|(?:^|[\s(;{])print|lines\.(?:append|insert))\(\s*"/#
  }

  /// The folders whose sources print for a user.
  private static let folders = ["Sources/kenshu", "Sources/KenshuBenchmarks"]

  /// Machine-readable lines (tab-separated counts for scripts) and the refusal of `--lang`
  /// itself, printed before a language is chosen, in both languages.
  private static let allowed: [(file: String, starts: String)] = [
    ("Sources/kenshu/Commands/ResponsesCommand.swift", #"Console.output("survey\t"#),
    ("Sources/kenshu/Commands/ResponsesCommand.swift", #"Console.output("module\t"#),
    ("Sources/kenshu/Support/MessageLanguageChoice.swift", #"ValidationError("--lang"#),
  ]

  @Test func test_commandLine_printsNoLiteralLine() throws {
    var offenders: [String] = []
    var scanned = 0
    let urls = Self.folders.flatMap { folder in
      let enumerator = FileManager.default.enumerator(
        at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      return (enumerator?.allObjects as? [URL] ?? []).map { ($0, folder) }
    }
    #expect(Set(urls.map(\.1)) == Set(Self.folders))
    for (url, _) in urls {
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
    #expect(scanned > 20)
    #expect(
      offenders.isEmpty,
      "print these in both languages (Console.error(ja:en:)):\n\(offenders.joined(separator: "\n"))")
  }

  @Test func test_literalLinePattern_findsTheLiteralForms() {
    for text in [
      #"Console.error("wrote x")"#, "Console.output(\n  \"x\")", #"throw ValidationError("no")"#,
      #"print("x")"#, #"lines.append("site benchmark")"#,
    ] {
      #expect(text.contains(Self.literalLine), "\(text)")
    }
    for text in [
      #"Console.error(ja: "a", en: "b")"#, "print(result.formatted(in: .ja))",
      #"argumentError(ja: "a", en: "b")"#,
      #"lines.append(language.say(ja: "a", en: "b"))"#,
    ] {
      #expect(!text.contains(Self.literalLine), "\(text)")
    }
  }
}
