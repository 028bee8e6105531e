import KenshuDefinitions
import KenshuModel
import Testing

/// A file that cannot be read is one error, shown first; what other files say about what it
/// would have defined is one note, not a cascade of "not defined".
@Suite struct CascadeSuppressionTests {
  private let programme = """
    <programme xmlns="urn:kenshu:1" id="p">
      <title>休憩 & 交流</title>
      <objective id="obj-a">役割を知る</objective>
      <course id="c" start="13:00">
        <title>1日目</title>
        <session id="lec" kind="lecture" duration="PT60M" practises="obj-a"><title>講義</title></session>
        <session id="eval" kind="survey" survey="eval" duration="PT10M"><title>評価</title></session>
      </course>
    </programme>
    """

  private let survey = """
    <survey xmlns="urn:kenshu:1" id="eval" kind="evaluation">
      <title>研修評価</title>
      <item id="q1" type="likert" scale="agree5" evaluates="obj-a obj-b"><text>理解できた</text></item>
    </survey>
    """

  private func load(programme: String) throws -> LoadResult {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write("curricula/z-day1.xml", programme)
    try project.write("curricula/a-eval.xml", survey)
    return project.load(["curricula/a-eval.xml", "curricula/z-day1.xml"])
  }

  @Test func test_unreadableFile_isOneErrorFirst_andOneNoteForTheChecksItBlocks() throws {
    let result = try load(programme: programme)
    #expect(
      result.diagnostics.filter { $0.severity == .error }.count == 1, "\(result.diagnostics.map(\.formatted))"
    )
    let first = try #require(result.diagnostics.first)
    #expect(first.location.file == "curricula/z-day1.xml")
    #expect(first.message.hasPrefix("a bare \"&\""))
    #expect(result.diagnostics("unknown-objective").isEmpty)
    let note = try #require(result.diagnostics("checks-skipped").first)
    #expect(note.severity == .note)
    #expect(note.location.file == "curricula/z-day1.xml")
    #expect(
      note.message.hasPrefix("2 checks of references that may point into curricula/z-day1.xml were skipped"))
    #expect(note.wording(in: .ja).message.contains("確認 2 件を省きました"))
  }

  @Test func test_whenEveryFileIsRead_undefinedReferencesAreReported() throws {
    let fixed = programme.replacingOccurrences(of: "休憩 & 交流", with: "休憩 &amp; 交流")
    let result = try load(programme: fixed)
    // obj-b is really undefined, and is reported once the programme can be read.
    #expect(result.diagnostics("unknown-objective").count == 1)
    #expect(result.diagnostics("checks-skipped").isEmpty)
  }
}
