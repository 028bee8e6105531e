import Foundation
import Testing

/// `kenshu --help` and every command's help are in the run's language, chosen as for every other
/// line (`--lang`, `KENSHU_LANG`, the locale, `kenshu.xml`): each command's abstract and
/// discussion and each argument's and option's help exist in Japanese and in English.
@Suite struct HelpLanguageCommandTests {
  /// Every help text of the command tree, by where it appears (`roster import --out`), as
  /// argument-parser describes the tree (`--experimental-dump-help`, the same texts `--help` prints).
  private func helpTexts(language: String) throws -> [String: String] {
    let run = try KenshuBinary.run(
      ["--experimental-dump-help"], in: FileManager.default.temporaryDirectory,
      environment: ["KENSHU_LANG": language])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    var texts: [String: String] = [:]
    func collect(_ command: [String: Any], path: String) {
      for key in ["abstract", "discussion"] {
        if let text = command[key] as? String, !text.isEmpty { texts["\(path) (\(key))"] = text }
      }
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let name = names.max { $0.count < $1.count } ?? (argument["valueName"] as? String ?? "?")
        // argument-parser's own flags (--help, --version…) keep its English words.
        if Self.builtInNames.contains(name) { continue }
        for key in ["abstract", "discussion"] {
          if let text = argument[key] as? String, !text.isEmpty { texts["\(path) \(name) (\(key))"] = text }
        }
      }
      for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
        let name = subcommand["commandName"] as? String ?? "?"
        if name == "help" { continue }
        collect(subcommand, path: "\(path) \(name)")
      }
    }
    collect(try #require(json["command"] as? [String: Any]), path: "kenshu")
    return texts
  }

  private static let builtInNames: Set<String> = [
    "help", "version", "generate-completion-script", "experimental-dump-help",
  ]

  /// Hiragana or katakana (not the middle dot ・, which English texts use in Japanese terms):
  /// Japanese wording has them; a Japanese term in English text (受付名簿) has neither.
  private static func hasKana(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3041...0x30FA).contains($0.value) || (0x30FC...0x30FF).contains($0.value)
    }
  }

  private static func hasHiragana(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x3041...0x309F).contains($0.value) }
  }

  @Test func test_everyCommandAndOptionHelp_isInJapaneseAndInEnglish() throws {
    let japanese = try helpTexts(language: "ja")
    let english = try helpTexts(language: "en")
    #expect(japanese.count > 150, "\(japanese.count) help texts")
    #expect(Set(japanese.keys) == Set(english.keys))
    var lacking: [String] = []
    for (place, ja) in japanese.sorted(by: { $0.key < $1.key }) {
      let en = english[place] ?? ""
      if ja == en || !Self.hasKana(ja) { lacking.append("\(place): no Japanese: \(ja)") }
      if Self.hasHiragana(en) || !en.contains(where: { $0.isASCII && $0.isLetter }) {
        lacking.append("\(place): no English: \(en)")
      }
    }
    #expect(
      lacking.isEmpty,
      "word these with Language.say(ja:en:) / .say(ja:en:):\n\(lacking.joined(separator: "\n"))")
  }

  @Test func test_help_followsTheRunsLanguage() throws {
    let folder = FileManager.default.temporaryDirectory
    // argument-parser wraps help at 80 columns: compared with the line breaks as spaces.
    func help(_ arguments: [String]) throws -> String {
      let run = try KenshuBinary.run(arguments, in: folder, environment: ["KENSHU_LANG": "ja"])
      return run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let japanese = try help(["roster", "import", "--help"])
    #expect(japanese.contains("CSV の名簿（UTF-8、BOM 付き UTF-8、Shift_JIS/CP932）を XML の名簿に変換します。"))
    #expect(japanese.contains("名簿の ID（省略時: ファイル名から）。"))
    #expect(!japanese.contains("Roster id"))
    let english = try help(["--lang", "en", "roster", "import", "--help"])
    #expect(
      english.contains("Convert a CSV roster (UTF-8, UTF-8 BOM or Shift_JIS/CP932) into an XML roster."))
    #expect(english.contains("Roster id (default: from the file name)."))
    #expect(!Self.hasHiragana(english))
  }
}
