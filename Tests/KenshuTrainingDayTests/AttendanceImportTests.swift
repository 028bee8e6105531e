import Foundation
import KenshuModel
import KenshuTabular
import KenshuTrainingDay
import Testing

/// `kenshu attendance import`: every row accounted for, marks and layouts offices use, and
/// nothing written while anything is wrong.
@Suite struct AttendanceImportTests {
  func importing(_ file: URL, in fixture: TrainingDayFixture, dryRun: Bool = false) throws
    -> AttendanceImportResult
  {
    let importer = try AttendanceImport(project: try fixture.project(), programme: "day")
    return importer.run(file: file, root: fixture.root, dryRun: dryRun)
  }

  @Test func test_simpleLayout_participantAndSessionColumns_recordsEveryMark() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let result = try importing(try TrainingDayFixture.file("simple.csv"), in: fixture)
    #expect(
      result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.formatted))")
    #expect(result.written)
    #expect((result.matched, result.unmatched, result.ambiguous) == (4, 0, 0))
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendee("a01")?.sessions == ["lec", "gw-am", "gw-pm"])
    #expect(record.attendee("a02")?.sessions == ["lec", "gw-am", "gw-pm"])
    #expect(record.attendee("a03")?.sessions == ["lec"])
    #expect(record.attendee("a05")?.sessions == [])
  }

  @Test func test_writtenRecord_isValidXMLTheLoaderAccepts() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    _ = try importing(try TrainingDayFixture.file("simple.csv"), in: fixture)
    let loaded = fixture.load()
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
    #expect(loaded.files.contains("rosters/attendance-day.xml"))
  }

  @Test func test_namesAndKana_matchWithRosterNormalisation_andTheDayColumnFollowsLateAndEarlyTimes() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let result = try importing(try TrainingDayFixture.file("by-name.csv"), in: fixture)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    #expect(result.ignoredColumns == ["所属"])
    let record = try fixture.project().attendance(of: "day")
    // 山田　太郎 (full-width space) with katakana kana is a02.
    #expect(record.attendee("a02")?.sessions == ["open", "lec", "gw-am", "lunch", "gw-pm", "close"])
    // Two 中村 恵 on the roster: the kana ケイ picks a07; arriving at 10:30 misses what began before.
    let late = try #require(record.attendee("a07"))
    #expect(late.sessions == ["gw-am", "lunch", "gw-pm", "close"])
    #expect(late.arrived == ClockTime(hour: 10, minute: 30))
    #expect(record.attendee("a06") == nil)
    // Leaving at 12時00分 misses the morning group work, which ends at 12:10.
    #expect(record.attendee("a01")?.sessions == ["open", "lec"])
    #expect(record.attendee("a01")?.left == ClockTime(hour: 12, minute: 0))
  }

  @Test func test_badFile_isLocatedRowByRow_andChangesNothing() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let result = try importing(try TrainingDayFixture.file("bad.csv"), in: fixture)
    let errors = result.diagnostics.filter { $0.severity == .error }
    func has(_ code: String, line: Int, column: Int = 0) -> Bool {
      errors.contains { $0.code == code && $0.location.line == line && $0.location.column == column }
    }
    #expect(has("attendance-unknown-column", line: 1, column: 4))
    #expect(has("attendance-unknown-mark", line: 2, column: 3))
    #expect(has("attendance-unmatched-row", line: 3))
    #expect(has("attendance-duplicate-row", line: 5))
    #expect(!result.written)
    #expect(!FileManager.default.fileExists(atPath: result.destination.path))
    #expect((result.matched, result.unmatched) == (3, 1))
  }

  @Test func test_namesakesWithoutKana_areAmbiguous_notGuessed() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let result = try importing(try TrainingDayFixture.file("ambiguous.csv"), in: fixture)
    #expect(result.ambiguous == 2)
    #expect(
      result.rows.map(\.status) == [
        .ambiguous(candidates: ["a03", "a04"]), .ambiguous(candidates: ["a06", "a07"]),
      ])
    #expect(result.diagnostics.filter { $0.code == "attendance-ambiguous-row" }.count == 2)
    #expect(!result.written)
  }

  @Test func test_dryRun_showsTheRecord_butWritesNothing() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let result = try importing(try TrainingDayFixture.file("simple.csv"), in: fixture, dryRun: true)
    #expect(!result.written)
    #expect(result.record.attendees.count == 4)
    #expect(!FileManager.default.fileExists(atPath: result.destination.path))
    #expect(result.report(dryRun: true).contains("dry run: nothing written"))
  }

  @Test func test_xlsxAndCP932_giveTheSameRecordAsUTF8() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let rows = [["氏名", "ふりがな", "lec", "gw-am", "gw-pm"], ["髙橋 﨑子", "たかはし さきこ", "○", "○", "○"]]
    let xlsx = fixture.root.appendingPathComponent("att.xlsx")
    try XLSXWriter.data(sheets: [XLSXSheet(name: "出欠", rows: rows)]).write(to: xlsx)
    let sjis = fixture.root.appendingPathComponent("att-sjis.csv")
    try CSVWriter(encoding: .cp932).data(for: rows).data.write(to: sjis)
    for file in [xlsx, sjis] {
      let result = try importing(file, in: fixture, dryRun: true)
      #expect(
        !result.diagnostics.hasErrors, "\(file.lastPathComponent): \(result.diagnostics.map(\.formatted))")
      #expect(
        result.record.attendee("a01")?.sessions == ["lec", "gw-am", "gw-pm"], "\(file.lastPathComponent)")
    }
  }

  @Test func test_laterImport_replacesOnlyTheSessionsItsColumnsCover() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    _ = try importing(try TrainingDayFixture.file("simple.csv"), in: fixture)
    let afternoon = fixture.root.appendingPathComponent("pm.csv")
    try Data("participant,gw-pm\na01,\na05,○\n".utf8).write(to: afternoon)
    _ = try importing(afternoon, in: fixture)
    let record = try fixture.project().attendance(of: "day")
    #expect(record.attendee("a01")?.sessions == ["lec", "gw-am"])
    #expect(record.attendee("a05")?.sessions == ["gw-pm"])
    #expect(record.attendee("a02")?.sessions == ["lec", "gw-am", "gw-pm"])
  }

  @Test func test_rowCounterColumn_doesNotHideTheParticipantIDs() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let file = fixture.root.appendingPathComponent("numbered.csv")
    try Data("No.,受講者ID,氏名,lec\n1,a02,山田 太郎,○\n2,a05,鈴木 一郎,○\n".utf8).write(to: file)
    let result = try importing(file, in: fixture, dryRun: true)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    #expect(result.rows.map(\.status) == [.matched(person: "a02"), .matched(person: "a05")])
  }

  @Test func test_nameWrittenWithoutCP932Characters_matchesByIDOrKana_withAWarning() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    // Shift_JIS cannot hold 髙 or 﨑: offices write 高橋 崎子.
    let byID = fixture.root.appendingPathComponent("by-id.csv")
    try Data("participant,氏名,lec\na01,高橋 崎子,○\n".utf8).write(to: byID)
    let first = try importing(byID, in: fixture, dryRun: true)
    #expect(first.rows.map(\.status) == [.matched(person: "a01")])
    #expect(!first.diagnostics.hasErrors)
    #expect(first.diagnostics.contains { $0.code == "attendance-name-differs" && $0.severity == .warning })
    let byKana = fixture.root.appendingPathComponent("by-kana.csv")
    try Data("氏名,フリガナ,lec\n高橋 崎子,タカハシ サキコ,○\n".utf8).write(to: byKana)
    let second = try importing(byKana, in: fixture, dryRun: true)
    #expect(second.rows.map(\.status) == [.matched(person: "a01")])
    #expect(second.diagnostics.contains { $0.code == "attendance-name-differs" })
  }

  @Test(arguments: ["○", "◯", "〇", "出", "出席", "1", "１", "✓", "TRUE", "true", "ＴＲＵＥ"])
  func test_presentMarks(_ mark: String) { #expect(AttendanceMark(cell: mark) == .present) }

  @Test(arguments: ["", " ", "欠", "欠席", "×", "0", "FALSE"])
  func test_absentMarks(_ mark: String) { #expect(AttendanceMark(cell: mark) == .absent) }

  @Test(arguments: ["△", "遅", "x", "?"])
  func test_unknownMarks(_ mark: String) { #expect(AttendanceMark(cell: mark) == .unknown) }
}
