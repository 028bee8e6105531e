import KenshuDefinitions
import KenshuModel
import Testing

/// Times, durations, dates and numbers typed with full-width characters (a Japanese input
/// method's default) are read in their half-width form, with a warning saying what was
/// understood; what is wrong either way stays an error.
@Suite struct FullWidthValueTests {
  private func load(_ course: String, _ session: String) throws -> LoadResult {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p">
        <title>研修</title>
        <course id="c" \(course)>
          <title>1日目</title>
          <session id="lec" kind="lecture" \(session)><title>講義</title></session>
        </course>
      </programme>
      """)
    return project.load(["curricula/p.xml"])
  }

  @Test func test_fullWidthClockTimeAndDuration_areRead_withAWarningEach() throws {
    let result = try load(#"start="１３：００" date="２０２６－１０－１７""#, #"duration="ＰＴ６０Ｍ""#)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    let warnings = result.diagnostics("full-width-value")
    #expect(warnings.count == 3)
    let start = try #require(warnings.first { $0.message.contains("start") })
    #expect(start.message == #"<course> "c": start "１３：００" has full-width characters; read as "13:00""#)
    #expect(start.hint == #"write start="13:00" with half-width characters"#)
    #expect(start.wording(in: .ja).message.contains(#""13:00" と読みました"#))
    #expect(start.location.line == 3)
    let course = try #require(result.project.programmes.first?.courses.first)
    #expect(course.start?.description == "13:00")
    #expect(course.sessions.first?.durationMinutes == 60)
    #expect(warnings.contains { $0.message.contains(#"read as "2026-10-17""#) })
    #expect(warnings.contains { $0.message.contains(#"read as "PT60M""#) })
  }

  @Test func test_aValueWrongInHalfWidthToo_isStillAnError() throws {
    let result = try load(#"start="２５：００""#, #"duration="PT60M""#)
    #expect(result.diagnostics("invalid-time").count == 1)
    #expect(result.diagnostics("full-width-value").isEmpty)
  }

  @Test func test_halfWidthValues_warnOfNothing() throws {
    let result = try load(#"start="13:00""#, #"duration="PT60M""#)
    #expect(result.diagnostics("full-width-value").isEmpty)
  }
}
