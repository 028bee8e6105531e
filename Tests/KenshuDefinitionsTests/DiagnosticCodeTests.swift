import Foundation
import KenshuDefinitions
import KenshuModel
import Testing

/// One expected diagnostic: the files loaded together from `Fixtures/codes/`, and the code,
/// severity and position the first of them must produce.
struct ExpectedDiagnostic: Sendable, CustomTestStringConvertible {
  var files: [String]
  var code: String
  var severity: Severity
  var line: Int
  /// 0 when no column is meaningful (the diagnostic is about a whole element or file).
  var column: Int
  /// Part of the message or hint that must appear, when the wording matters.
  var message: String? = nil

  init(
    _ files: [String], _ code: String, _ severity: Severity, _ line: Int, _ column: Int,
    _ message: String? = nil
  ) {
    self.files = files
    self.code = code
    self.severity = severity
    self.line = line
    self.column = column
    self.message = message
  }

  var testDescription: String { "\(code) in \(files[0])" }
}

/// Every diagnostic code the loader and the checks emit, each from a small fixture, at the
/// place a trainer would look.
@Suite struct DiagnosticCodeTests {
  static let expectations: [ExpectedDiagnostic] = [
    // Structure, derived from the schema.
    .init(["missing-attribute.xml"], "missing-attribute", .error, 6, 5, #"<session> "gw1" needs a duration"#),
    .init(["unknown-attribute.xml"], "unknown-attribute", .error, 4, 21, "did you mean 'start'?"),
    .init(["invalid-value.xml"], "invalid-value", .error, 6, 23, #"did you mean "lecture"?"#),
    .init(["invalid-separate.xml"], "invalid-value", .error, 7, 24, #"separate "family""#),
    .init(["invalid-role.xml"], "invalid-value", .error, 3, 48, #"roles "wizard""#),
    .init(["unexpected-text.xml"], "unexpected-text", .error, 7, 7, "6人"),
    .init(["duplicate-element.xml"], "duplicate-element", .error, 8, 7, "only one <title>"),
    .init(["missing-element.xml"], "missing-element", .error, 6, 5, "needs a <title>"),
    .init(["unknown-element.xml"], "unknown-element", .error, 7, 5, "did you mean <session>?"),
    .init(["wrong-namespace-child.xml"], "wrong-namespace", .error, 7, 5),
    .init(["schema-order.xml"], "schema", .error, 4, 3),
    // Values.
    .init(["invalid-id.xml"], "invalid-id", .error, 6, 14),
    .init(["invalid-duration.xml"], "invalid-duration", .error, 6, 38, "PT30M"),
    .init(["invalid-time.xml"], "invalid-time", .error, 6, 38, #"start "25:00""#),
    .init(["invalid-date.xml"], "invalid-date", .error, 4, 21, #""2026-02-30""#),
    .init(
      ["invalid-number.xml"], "invalid-number", .error, 4, 9,
      #"pass-mark "120" must be a whole number from 0 to 100"#),
    .init(["invalid-language.xml"], "invalid-language", .error, 2, 40),
    .init(["unsupported-language.xml"], "unsupported-language", .warning, 2, 40),
    .init(["unknown-profession.xml"], "unknown-profession", .error, 6, 55, #""wizard""#),
    .init(["unknown-profession-roster.xml"], "unknown-profession", .warning, 3, 29, "counted as other"),
    .init(["src-and-text.xml"], "src-and-text", .error, 7, 16),
    .init(["missing-text.xml"], "missing-text", .error, 7, 7),
    .init(["unsafe-url.xml"], "unsafe-url", .error, 5, 34),
    .init(["missing-answer.xml"], "missing-answer", .error, 5, 5),
    .init(["invalid-colour.xml"], "invalid-colour", .error, 2, 39),
    .init(["site-a.xml", "site-b.xml"], "duplicate-site", .error, 2, 1),
    // Identifiers.
    .init(["duplicate-id.xml"], "duplicate-id", .error, 7, 5, #"session id "lec" is used twice"#),
    .init(["duplicate-choice-id.xml"], "duplicate-id", .error, 7, 5, #"choice id "a" is used twice"#),
    .init(["duplicate-option.xml"], "duplicate-option", .error, 4, 3),
    .init(["duplicate-case-id.xml"], "duplicate-id", .error, 8, 7, #"case id "c1" is used twice"#),
    // Files the site writes.
    .init(
      ["output-collision.xml"], "output-collision", .error, 4, 3,
      "inside the folder programmes/prog/prog.ics/, but the calendar of <programme> \"prog\""),
    .init(
      ["output-collision-segment.xml"], "output-collision", .error, 7, 5,
      "would both be written to programmes/p/day1/sessions/a_b.html"),
    // References.
    .init(["missing-content.xml"], "missing-content", .error, 7, 16, "nowhere.md"),
    .init(["content-outside.xml"], "content-outside", .error, 7, 16, "../../etc/passwd"),
    .init(["unknown-survey.xml"], "unknown-survey", .error, 6, 5),
    .init(["invalid-pairing.xml"], "invalid-pairing", .error, 2, 1),
    .init(["missing-survey.xml"], "missing-survey", .error, 6, 5),
    .init(["unknown-module.xml"], "unknown-module", .error, 6, 5),
    .init(["missing-module.xml"], "missing-module", .error, 6, 5, "self-study session without a module"),
    .init(["logo-outside.xml"], "logo-outside", .error, 2, 39, "../private/logo.png"),
    .init(["unknown-keep-apart.xml"], "unknown-keep-apart", .error, 5, 17, #"<keep-apart person="a9">"#),
    .init(["unknown-person.xml", "roster.xml"], "unknown-person", .error, 6, 5, #"instructor "f99""#),
    .init(["unknown-roster.xml"], "unknown-roster", .error, 2, 1),
    .init(["unqualified.xml", "roster.xml"], "unqualified-instructor", .warning, 6, 5),
    .init(["unqualified.xml", "roster.xml"], "unqualified-facilitator", .warning, 6, 5),
    .init(["unknown-objective.xml"], "unknown-objective", .error, 6, 5),
    .init(["unknown-scale.xml"], "unknown-scale", .error, 4, 3),
    .init(["unknown-measure.xml"], "unknown-measure", .error, 4, 3),
    // Completion rules and attendance.
    .init(
      ["award-invalid-numbering.xml"], "invalid-numbering", .error, 8, 41, #""{m}" is not a placeholder"#),
    .init(["award-rules.xml"], "unsatisfiable-rule", .error, 10, 5, "asks for roleplay sessions"),
    .init(["award-rules.xml"], "unknown-session", .error, 11, 5, #"names session "pr-nothing""#),
    .init(["award-rules.xml"], "unsatisfiable-rule", .error, 12, 5, "more than the 150 minutes"),
    .init(["award-rules.xml"], "unknown-module", .error, 13, 5, #"<pass> names module "nowhere""#),
    .init(["award-rules.xml"], "unknown-survey", .error, 14, 5, #"<submit> names survey "no-survey""#),
    .init(["award-rules.xml"], "unsatisfiable-rule", .error, 15, 5, "needs the programme's roster"),
    .init(["award-rules.xml"], "duplicate-numbering", .error, 17, 3, #"like <award> "pr-done""#),
    .init(["award-rules.xml"], "award-without-rule", .warning, 17, 3, "everyone on the roster"),
    .init(
      ["attendance-checks.xml", "attendance-programme.xml", "roster.xml"], "duplicate-attendee", .error, 4, 3,
      #"<attendee> "p1" is recorded twice"#),
    .init(
      ["attendance-checks.xml", "attendance-programme.xml", "roster.xml"], "unknown-person", .error, 5, 3,
      #"<attendee> "p9" is not on roster "r""#),
    .init(
      ["attendance-checks.xml", "attendance-programme.xml", "roster.xml"], "unknown-session", .error, 5, 3,
      #"session "pa-nothing" is not in programme "pa""#),
    .init(["attendance-unknown-programme.xml"], "unknown-programme", .error, 2, 1, #"programme "nobody""#),
    // Instructor-training follow-up.
    .init(
      ["followup-checks.xml", "roster.xml"], "followup-total-below-counts", .error, 3, 3,
      #"3 participants is less than the 4 counted by profession"#),
    .init(
      ["followup-checks.xml", "roster.xml"], "followup-not-graduate", .warning, 3, 3,
      #""p1" has not completed "cohort""#),
    .init(
      ["followup-checks.xml", "roster.xml"], "followup-duplicate-training", .error, 6, 3,
      #"<local-training> "t1" is recorded twice"#),
    .init(
      ["followup-checks.xml", "roster.xml"], "followup-unknown-graduate", .error, 6, 3,
      #"graduate "p9" is not on roster "r""#),
    .init(["followup-unknown-roster.xml"], "followup-unknown-roster", .error, 2, 1, #"for "nobody""#),
    // Timetable.
    .init(["session-overlap.xml"], "session-overlap", .error, 7, 5, #"before "a" ends at 14:00"#),
    .init(["session-past-end.xml"], "session-past-end", .error, 7, 5, "ends at 17:30"),
    .init(["session-before-start.xml"], "session-before-start", .error, 6, 5),
    .init(["session-past-midnight.xml"], "session-past-midnight", .error, 6, 5),
    .init(["invalid-day.xml"], "invalid-day", .error, 4, 3),
    .init(
      ["double-booked.xml", "roster.xml"], "double-booked", .error, 10, 5,
      #"instructor "p1" is in <session> "lec-b" (13:30–14:30) and in <session> "lec-a" (13:00–14:00) at the same time on 2026-10-17"#
    ),
    .init(["no-start-time.xml"], "no-start-time", .warning, 4, 3),
    // Group work.
    .init(["groupwork-without-groups.xml"], "groupwork-without-groups", .warning, 6, 5),
    .init(["invalid-group-size.xml"], "invalid-group-size", .error, 7, 7),
    .init(["unsatisfiable-groups.xml"], "unsatisfiable-groups", .error, 7, 7, "groups of 4 cannot hold 5"),
    .init(
      ["unsatisfiable-groups-roster.xml", "roster.xml"], "unsatisfiable-groups", .warning, 7, 7,
      "only 1 profession, fewer"),
    .init(
      ["phase-minutes.xml"], "phase-minutes", .error, 8, 7, "add up to 65 minutes but the session lasts 60"),
    // Self-study.
    .init(["empty-module.xml"], "empty-module", .warning, 2, 1),
    .init(["too-few-choices.xml"], "too-few-choices", .error, 4, 3, "has 1 choice"),
    .init(["quiz-choices.xml"], "too-few-choices", .error, 5, 5),
    .init(["no-correct-choice.xml"], "no-correct-choice", .error, 4, 3),
    .init(["quiz-choices.xml"], "no-correct-choice", .error, 5, 5),
    .init(["quiz-choices.xml"], "several-correct-choices", .error, 6, 5),
    .init(["quiz-choices.xml"], "too-many-choices", .error, 7, 5),
    .init(["missing-feedback.xml"], "missing-feedback", .warning, 6, 5),
    // Surveys.
    .init(["survey-items.xml"], "unpaired-test", .warning, 2, 1),
    .init(["survey-items.xml"], "too-few-points", .error, 4, 3),
    .init(["survey-items.xml"], "small-measure", .warning, 5, 3),
    .init(["survey-items.xml"], "too-few-options", .error, 6, 3),
    .init(["survey-items.xml"], "missing-scale", .error, 7, 3),
    .init(["survey-items.xml"], "invalid-range", .error, 8, 3),
    .init(["survey-items.xml"], "ignored-attribute", .warning, 9, 3),
    .init(["duplicate-point.xml"], "duplicate-point", .error, 4, 3, #"lists the point "そう思う" twice"#),
    .init(["no-correct-option.xml"], "no-correct-option", .error, 5, 3, #"<item> "k2" in pre-test"#),
    // Objective alignment.
    .init(["alignment.xml"], "objective-not-practised", .warning, 4, 3),
    .init(["alignment.xml"], "objective-not-evaluated", .warning, 4, 3),
    .init(["alignment.xml"], "objective-without-id", .warning, 5, 3),
    // Personal data in cases, inline and from content files.
    .init(["personal-data.xml"], "possible-personal-data", .warning, 9, 11, "山田さん"),
    .init(["personal-data.xml"], "possible-personal-data", .warning, 10, 16, "054-123-4567"),
    .init(["personal-data.xml"], "possible-personal-data", .warning, 11, 11, "昭和18年4月1日"),
    .init(["personal-data.xml"], "possible-personal-data", .warning, 12, 11, "被保険者番号：1234567890"),
  ]

  @Test(arguments: expectations)
  func test_fixture_producesItsDiagnostic_whereTheTrainerLooks(_ expected: ExpectedDiagnostic) throws {
    let result = try Fixture.load(expected.files, project: "codes")
    let file = expected.files[0] == "site-a.xml" ? "site-b.xml" : expected.files[0]
    let matches = result.diagnostics.filter {
      $0.code == expected.code && $0.location.file == file && $0.location.line == expected.line
    }
    let found = try #require(
      matches.first { expected.message.map($0.formatted.contains) ?? true },
      "got: \(result.diagnostics.map(\.formatted))")
    #expect(found.severity == expected.severity)
    #expect(found.location.column == expected.column)
  }

  @Test func test_missingDuration_readsAsTheTrainerExpects() throws {
    let result = try Fixture.load(["missing-attribute.xml"], project: "codes")
    let diagnostic = try #require(result.diagnostics("missing-attribute").first)
    #expect(
      diagnostic.formatted
        == #"missing-attribute.xml:6:5: error: <session> "gw1" needs a duration (e.g. duration="PT60M")"#)
    #expect(diagnostic.message == #"<session> "gw1" needs a duration"#)
    #expect(diagnostic.hint == #"e.g. duration="PT60M""#)
  }

  @Test func test_schemaOrderError_isKept_whenTheStructureCheckFoundNothing() throws {
    // Order inside <roster> is not checked by the structure check; libxml2's message stays,
    // so a file the schema rejects is never accepted.
    let result = try Fixture.load(["schema-order.xml"], project: "codes")
    #expect(result.diagnostics.map(\.code) == ["schema"])
  }

  @Test func test_japaneseProfessionLabels_areAccepted() throws {
    let result = try Fixture.load(["unknown-profession.xml"], project: "codes")
    let professions = result.project.programmes.first?.courses.first?.sessions.first?.professions
    #expect(professions == [.doctor, .nurse, .careManager])
    #expect(result.diagnostics("unknown-profession").count == 1)
  }

  @Test func test_personalData_inContentFiles_isLocatedInTheFile() throws {
    let result = try Fixture.load(["personal-data.xml"], project: "codes")
    let inFile = result.diagnostics("possible-personal-data").filter {
      $0.location.file == "content/cases/real.md"
    }
    #expect(inFile.map(\.location.line) == [4, 4])
    #expect(inFile.map(\.location.column) == [1, 9])
    #expect(inFile.contains { $0.message.contains("090-1234-5678") })
  }

  @Test func test_contentFileNotUTF8_isLocatedAtItsFirstBadByte() throws {
    let result = try Fixture.load(["content-not-utf8.xml"], project: "codes")
    let found = try #require(
      result.diagnostics("content-not-utf8").first, "got: \(result.diagnostics.map(\.formatted))")
    #expect(found.severity == .error)
    #expect(found.location == SourceLocation(file: "content/cases/shift-jis.md", line: 3, column: 5))
    #expect(found.message.contains("0x8D"))
    #expect(result.diagnostics("content-not-utf8").count == 1)
  }

  @Test func test_keepApart_namingSomeoneOnTheRoster_isAccepted() throws {
    // a1 keeps apart from a2, who is on the roster: only a2's a9 is reported.
    let result = try Fixture.load(["unknown-keep-apart.xml"], project: "codes")
    #expect(result.diagnostics("unknown-keep-apart").count == 1)
  }

  @Test func test_sameInstructor_atDifferentTimesOrDays_isNotDoubleBooked() throws {
    let project = try TemporaryProject()
    defer { project.remove() }
    try project.write(
      "rosters/r.xml",
      #"<roster xmlns="urn:kenshu:1" id="r"><person id="p1" name="田中" profession="nurse" roles="instructor"/></roster>"#
    )
    try project.write(
      "curricula/p.xml",
      """
      <programme xmlns="urn:kenshu:1" id="p" roster="r"><title>研修</title>
        <course id="a" date="2026-10-17" start="13:00"><title>A</title>
          <session id="a1" kind="lecture" duration="PT60M" instructors="p1"><title>講義</title></session></course>
        <course id="b" date="2026-10-17" start="14:00"><title>B</title>
          <session id="b1" kind="lecture" duration="PT60M" instructors="p1"><title>講義</title></session></course>
        <course id="c" date="2026-10-18" start="13:00"><title>C</title>
          <session id="c1" kind="lecture" duration="PT60M" instructors="p1"><title>講義</title></session></course>
      </programme>
      """)
    let result = project.load(["rosters/r.xml", "curricula/p.xml"])
    #expect(result.diagnostics("double-booked").isEmpty, "got: \(result.diagnostics.map(\.formatted))")
  }

  @Test func test_anonymisedCases_raiseNoPersonalDataWarning() throws {
    // Aさん, 息子さん, 利用者様 and 看護師さん are how anonymised cases are written.
    let result = try Fixture.load(["personal-data.xml"], project: "codes")
    #expect(!result.diagnostics.contains { $0.location.file == "content/cases/anonymous.md" })
    #expect(result.diagnostics("possible-personal-data").count == 6)
  }

  @Test func test_unknownCodeFreeFixture_roster_loadsCleanly() throws {
    let result = try Fixture.load(["roster.xml"], project: "codes")
    #expect(result.diagnostics.isEmpty)
    #expect(result.project.rosters.first?.people.count == 2)
  }
}
