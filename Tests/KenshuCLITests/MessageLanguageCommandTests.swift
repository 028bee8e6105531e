import Foundation
import Testing

/// The language of `kenshu`'s messages as a user chooses it: `--lang`, `KENSHU_LANG`, the
/// locale, then `xml:lang` of the project's `kenshu.xml`.
@Suite struct MessageLanguageCommandTests {
  /// A project whose kenshu.xml says `xml:lang`, with one session missing its duration.
  private func project(language: String) throws -> URL {
    let folder = try makeTemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("curricula"), withIntermediateDirectories: true)
    try Data(
      #"<site xmlns="urn:kenshu:1" xml:lang="\#(language)" title="研修"/>"#.utf8
    ).write(to: folder.appendingPathComponent("kenshu.xml"))
    try FileManager.default.copyItem(
      at: KenshuBinary.fixture("errors").appendingPathComponent("day1.xml"),
      to: folder.appendingPathComponent("curricula/day1.xml"))
    return folder
  }

  /// No language from the environment: KENSHU_LANG and every locale variable unset.
  private let noLanguage = ["KENSHU_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]

  private let japaneseLine =
    #"curricula/day1.xml:6:5: エラー: <session> "gw1" に所要時間がありません（例: duration="PT60M"）"#
  private let englishLine =
    #"curricula/day1.xml:6:5: error: <session> "gw1" needs a duration (e.g. duration="PT60M")"#

  @Test func test_projectLanguage_decides_whenNothingElseDoes() throws {
    let folder = try project(language: "ja")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["validate"], in: folder, environment: noLanguage)
    #expect(run.status == 1)
    #expect(run.stderrLines.contains(japaneseLine), "\(run.stderr)")
    #expect(run.stderrLines.last == "2 ファイルを確認しました: エラー 1 件、警告 0 件")

    let english = try project(language: "en")
    defer { try? FileManager.default.removeItem(at: english) }
    #expect(
      try KenshuBinary.run(["validate"], in: english, environment: noLanguage).stderrLines.contains(
        englishLine))
  }

  @Test func test_option_environmentAndLocale_winInThatOrder() throws {
    let folder = try project(language: "ja")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [([String], [String: String], String)] = [
      (["--lang", "en", "validate"], noLanguage.merging(["KENSHU_LANG": "ja"]) { $1 }, englishLine),
      (["validate", "--lang=ja"], noLanguage.merging(["KENSHU_LANG": "en"]) { $1 }, japaneseLine),
      (["validate"], noLanguage.merging(["KENSHU_LANG": "en", "LANG": "ja_JP.UTF-8"]) { $1 }, englishLine),
      (["validate"], noLanguage.merging(["LANG": "en_US.UTF-8"]) { $1 }, englishLine),
      (["validate"], noLanguage.merging(["LC_ALL": "C", "LC_MESSAGES": "en_GB.UTF-8"]) { $1 }, englishLine),
    ]
    for (arguments, environment, expected) in cases {
      let run = try KenshuBinary.run(arguments, in: folder, environment: environment)
      #expect(run.status == 1)
      #expect(run.stderrLines.contains(expected), "\(arguments) \(environment): \(run.stderr)")
    }
  }

  @Test func test_json_keepsItsFieldsAndCodes_withMessagesInTheChosenLanguage() throws {
    let folder = try project(language: "en")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["validate", "--format", "json", "--lang", "ja"], in: folder)
    #expect(run.stderr.isEmpty)
    let records = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let record = try #require(records.first)
    #expect(Set(record.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
    #expect(record["code"] as? String == "missing-attribute")
    #expect(record["severity"] as? String == "error")
    #expect(record["message"] as? String == #"<session> "gw1" に所要時間がありません"#)
    #expect(record["hint"] as? String == #"例: duration="PT60M""#)
  }

  @Test func test_anUnknownLanguage_isABadArgument() throws {
    let folder = try project(language: "ja")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["validate", "--lang", "fr"], in: folder)
    #expect(run.status == 2)
    #expect(run.stderr.contains("--lang"))
  }
}
