import Foundation
import Testing

/// The committed reference pages are exactly what the generator writes from the schema, so
/// the docs cannot drift from the language.
@Suite struct ReferenceDocsTests {
  private func markdownFiles(in folder: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
      files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    return files
  }

  @Test func test_committedReference_matchesTheGenerator() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["docs", "reference", "--out", folder.path], in: folder)
    #expect(run.status == 0)
    let generated = try markdownFiles(in: folder)
    let committed = try markdownFiles(
      in: KenshuBinary.repositoryRoot.appendingPathComponent("docs/reference"))
    #expect(
      generated.keys.sorted() == committed.keys.sorted(),
      "regenerate: swift run kenshu docs reference --out docs/reference")
    for (name, text) in generated.sorted(by: { $0.key < $1.key }) {
      #expect(committed[name] == text, "docs/reference/\(name) is out of date; run kenshu docs reference")
    }
  }

  @Test func test_reference_hasAPagePerElement_withJapaneseNames() throws {
    let folder = KenshuBinary.repositoryRoot.appendingPathComponent("docs/reference")
    let index = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    for page in [
      "programme", "course", "session", "groups", "phase", "module", "scenario", "survey", "item", "roster",
    ] {
      #expect(index.contains("(\(page).md)"), "\(page) missing from the index")
    }
    #expect(index.contains("研修プログラム"))
    let professions = try String(contentsOf: folder.appendingPathComponent("professions.md"), encoding: .utf8)
    #expect(professions.contains("| `care-manager` | 介護支援専門員 | Care manager |"))
  }

  @Test func test_docsCommand_isHiddenFromHelp() throws {
    let run = try KenshuBinary.run(["--help"], in: KenshuBinary.repositoryRoot)
    let subcommands = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(subcommands.contains { $0.hasPrefix("validate ") })
    #expect(!subcommands.contains { $0.hasPrefix("docs ") })
  }
}
