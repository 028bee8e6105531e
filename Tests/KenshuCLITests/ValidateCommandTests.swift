import Foundation
import Testing

/// `kenshu validate` as a trainer and a CI job use it: compiler-style lines on stderr, JSON or
/// GitHub annotations on stdout, and exit status 0 (clean), 1 (problems) or 2 (bad arguments).
@Suite struct ValidateCommandTests {
  /// Every stderr line is `file:line[:col]: severity: message` or the closing summary line:
  /// nothing printed by libxml2 or anyone else.
  private func expectOnlyKenshuLines(_ run: KenshuBinary.Run) {
    let diagnosticLine = #/^[^:\s][^:]*:\d+(:\d+)?: (error|warning|note): .+$/#
    let summaryLine = #/^checked \d+ files?: \d+ errors?, \d+ warnings?$/#
    for line in run.stderrLines {
      #expect(
        line.wholeMatch(of: diagnosticLine) != nil || line.wholeMatch(of: summaryLine) != nil,
        "stray stderr line: \(line)")
    }
  }

  @Test func test_errors_exit1_withCompilerStyleLines() throws {
    let run = try KenshuBinary.run(["validate", "day1.xml"], in: KenshuBinary.fixture("errors"))
    #expect(run.status == 1)
    #expect(
      run.stderrLines.contains(
        #"day1.xml:6:5: error: <session> "gw1" needs a duration (e.g. duration="PT60M")"#))
    #expect(run.stderrLines.last == "checked 1 file: 1 error, 0 warnings")
    #expect(run.stdout.isEmpty)
    expectOnlyKenshuLines(run)
  }

  @Test func test_hostileFile_exit1_andLibxml2PrintsNothingOfItsOwn() throws {
    let run = try KenshuBinary.run(["validate", "hostile.xml"], in: KenshuBinary.fixture("errors"))
    #expect(run.status == 1)
    #expect(run.stderrLines.first?.hasPrefix("hostile.xml:2:1: error: DOCTYPE") == true)
    #expect(!run.stderr.contains("root:"))
    expectOnlyKenshuLines(run)
  }

  @Test func test_warningsOnly_exit0_butStrictExits1() throws {
    let folder = KenshuBinary.fixture("warnings")
    let lenient = try KenshuBinary.run(["validate", "no-start.xml"], in: folder)
    #expect(lenient.status == 0)
    #expect(lenient.stderrLines.first?.contains("warning: <course> \"day1\" has no start time") == true)
    let strict = try KenshuBinary.run(["validate", "--strict", "no-start.xml"], in: folder)
    #expect(strict.status == 1)
    expectOnlyKenshuLines(strict)
  }

  @Test func test_badArguments_exit2() throws {
    let folder = KenshuBinary.fixture("errors")
    #expect(try KenshuBinary.run(["validate", "no-such-file.xml"], in: folder).status == 2)
    #expect(try KenshuBinary.run(["validate", "--format", "yaml", "day1.xml"], in: folder).status == 2)
    #expect(try KenshuBinary.run(["validate", "--no-such-flag"], in: folder).status == 2)
  }

  @Test func test_emptyFolder_exit2_andSuggestsInit() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["validate"], in: folder)
    #expect(run.status == 2)
    #expect(run.stderr.contains("kenshu init"))
  }

  @Test func test_jsonFormat_printsStableRecordsOnStdout() throws {
    let run = try KenshuBinary.run(
      ["validate", "--format", "json", "day1.xml"], in: KenshuBinary.fixture("errors"))
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    let records = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(records.count == 1)
    let record = try #require(records.first)
    #expect(Set(record.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
    #expect(record["file"] as? String == "day1.xml")
    #expect(record["line"] as? Int == 6)
    #expect(record["column"] as? Int == 5)
    #expect(record["severity"] as? String == "error")
    #expect(record["code"] as? String == "missing-attribute")
    #expect(record["message"] as? String == #"<session> "gw1" needs a duration"#)
    #expect(record["hint"] as? String == #"e.g. duration="PT60M""#)
  }

  @Test func test_jsonFormat_leavesOutAbsentHints() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(
      """
      <programme xmlns="urn:kenshu:1" id="p"><title>研修</title>
        <course id="day1" start="17:00" end="13:00"><title>1日目</title>
          <session id="a" kind="lecture" duration="PT30M"><title>講義</title></session>
        </course>
      </programme>
      """.utf8
    ).write(to: folder.appendingPathComponent("day.xml"))
    let run = try KenshuBinary.run(["validate", "--format", "json", "day.xml"], in: folder)
    let records = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let invalidDay = try #require(records.first { $0["code"] as? String == "invalid-day" })
    #expect(Set(invalidDay.keys) == ["file", "line", "column", "severity", "code", "message"])
  }

  @Test func test_jsonFormat_cleanProject_printsAnEmptyArray() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try KenshuBinary.run(["init", "."], in: folder).status == 0)
    let run = try KenshuBinary.run(["validate", "--format", "json"], in: folder)
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any])?.isEmpty == true)
  }

  @Test func test_githubFormat_printsAnnotationsOnStdout_andTextOnStderr() throws {
    let run = try KenshuBinary.run(
      ["validate", "--format", "github", "day1.xml"], in: KenshuBinary.fixture("errors"))
    #expect(run.status == 1)
    let annotations = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      annotations == [
        #"::error file=day1.xml,line=6,col=5,title=missing-attribute::<session> "gw1" needs a duration (e.g. duration="PT60M")"#
      ])
    #expect(run.stderrLines.first?.hasPrefix("day1.xml:6:5: error:") == true)
    expectOnlyKenshuLines(run)
  }

  @Test func test_folderArgument_validatesEveryFileInIt() throws {
    let run = try KenshuBinary.run(["validate", "."], in: KenshuBinary.fixture("errors"))
    #expect(run.status == 1)
    #expect(run.stderrLines.last?.hasPrefix("checked 2 files:") == true)
  }
}
