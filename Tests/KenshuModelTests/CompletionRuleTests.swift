import KenshuModel
import Testing

/// Each kind of requirement of a completion rule, judged against an attendance record and a
/// roster entry.
@Suite struct CompletionRuleTests {
  static let course = Course(
    id: "d1", title: "1日目", date: "2026-10-17", start: ClockTime(hour: 9, minute: 30),
    sessions: [
      Session(id: "open", kind: .opening, title: "開会", durationMinutes: 10),
      Session(id: "lec", kind: .lecture, title: "講義", durationMinutes: 60),
      Session(id: "gw1", kind: .groupwork, title: "GW1", durationMinutes: 90),
      Session(id: "lunch", kind: .break, title: "昼食", durationMinutes: 60),
      Session(id: "gw2", kind: .groupwork, title: "GW2", durationMinutes: 100),
    ])
  static let programme = Programme(id: "p", title: "研修", courses: [course], roster: "r")
  static let person = Person(id: "a1", name: "髙橋 﨑子", profession: .nurse)

  func judge(_ requirements: [Requirement], _ attendee: Attendee?, person: Person = person) -> Eligibility {
    let award = Award(
      id: "done", kind: .completion, numbering: NumberingPattern(prefix: "R8-", width: 3),
      requirements: requirements)
    let record = AttendanceRecord(programme: "p", attendees: attendee.map { [$0] } ?? [])
    return Eligibility.judge(person, for: award, of: Self.programme, attendance: record)
  }

  @Test func test_attendAll_byKind_listsEachMissedSession() {
    let rule = [Requirement.attend(kinds: [.groupwork], sessions: [], minutes: nil, location: nil)]
    #expect(judge(rule, Attendee(person: "a1", sessions: ["gw1", "gw2"])).isEligible)
    let partial = judge(rule, Attendee(person: "a1", sessions: ["lec", "gw1"]))
    #expect(partial.missing == ["gw2"])
    #expect(judge(rule, nil).missing == ["gw1", "gw2"])
  }

  @Test func test_attendWithoutSelection_meansEveryLearningSession_notBreaksOrOpening() {
    let rule = [Requirement.attend(kinds: [], sessions: [], minutes: nil, location: nil)]
    let result = judge(rule, Attendee(person: "a1", sessions: ["lec", "gw1", "gw2"]))
    #expect(result.isEligible)
    #expect(result.attendedMinutes == 250)
  }

  @Test func test_attendMinutes_countsOnlySelectedAttendedSessions() {
    let rule = [Requirement.attend(kinds: [], sessions: [], minutes: 150, location: nil)]
    #expect(judge(rule, Attendee(person: "a1", sessions: ["lec", "gw1"])).isEligible)
    // The opening and lunch do not count towards the minimum.
    let short = judge(rule, Attendee(person: "a1", sessions: ["open", "lunch", "lec"]))
    #expect(short.missing == ["minutes:60/150"])
  }

  @Test func test_attendNamedSessions() {
    let rule = [Requirement.attend(kinds: [], sessions: ["gw2"], minutes: nil, location: nil)]
    #expect(judge(rule, Attendee(person: "a1", sessions: ["gw2"])).isEligible)
    #expect(judge(rule, Attendee(person: "a1", sessions: ["gw1"])).missing == ["gw2"])
  }

  @Test func test_passModule_andSubmitSurvey_readTheAttendanceRecord() {
    let rule = [Requirement.pass(module: "m", location: nil), .submit(survey: "s", location: nil)]
    #expect(judge(rule, Attendee(person: "a1", passed: ["m"], submitted: ["s"])).isEligible)
    #expect(judge(rule, Attendee(person: "a1", passed: ["m"])).missing == ["survey:s"])
    #expect(judge(rule, nil).missing == ["module:m", "survey:s"])
  }

  @Test func test_completeStage_readsTheRosterProgressOfThisProgramme() {
    let rule = [Requirement.complete(stage: .preLearning, location: nil)]
    var person = Self.person
    #expect(judge(rule, nil, person: person).missing == ["stage:pre-learning"])
    person.progress = [StageProgress(programme: "other", stage: .preLearning, date: "2026-09-01")]
    #expect(judge(rule, nil, person: person).missing == ["stage:pre-learning"])
    person.progress.append(StageProgress(programme: "p", stage: .preLearning, date: "2026-09-01"))
    #expect(judge(rule, nil, person: person).isEligible)
  }

  @Test func test_numberingPattern_formatsAndReadsBack() throws {
    let pattern = try NumberingPattern.parse("R8-多職種-{n:03}").get()
    #expect(pattern.format(7) == "R8-多職種-007")
    #expect(pattern.format(1234) == "R8-多職種-1234")
    #expect(pattern.runningNumber(of: "R8-多職種-042") == 42)
    #expect(pattern.runningNumber(of: "R8-他-042") == nil)
    #expect(pattern.description == "R8-多職種-{n:03}")
    #expect(try NumberingPattern.parse("第{n}号").get().format(12) == "第12号")
  }

  @Test(arguments: ["R8-", "R8-{n}-{n}", "R8-{x}", "R8-{n:0}", "R8-{n:10}", "R8-}{n}", "R8-{n"])
  func test_invalidNumberingPatterns_areRefused(_ text: String) {
    if case .success = NumberingPattern.parse(text) { Issue.record("\(text) was accepted") }
  }
}

@Suite struct NumberingOverlapTests {
  func pattern(_ text: String) throws -> NumberingPattern { try NumberingPattern.parse(text).get() }

  @Test(arguments: [
    ("A{n}", "A1{n}", "A11"), ("{n}", "{n}", "1"), ("R8-{n:03}", "R8-{n}", "R8-111"),
    ("R8-受講-{n:03}", "R8-受講-0{n:02}", "R8-受講-011"), ("{n}-A", "1{n}-A", "11-A"),
    ("A{n:03}", "A00{n}", "A001"),
  ])
  func test_patternsThatMeet_giveANumberBothProduce(_ a: String, _ b: String, _ expected: String) throws {
    let shared = try pattern(a).sharedNumber(with: try pattern(b))
    #expect(shared == expected)
    if let shared {
      #expect(try pattern(a).produces(shared) && pattern(b).produces(shared))
    }
    #expect(try pattern(b).sharedNumber(with: try pattern(a)) != nil)
  }

  @Test(arguments: [
    ("R8-修了-{n:03}", "R8-受講-{n:03}"), ("A{n}", "B{n}"), ("A{n}", "A{n}-x"), ("A0{n}", "A{n}"),
    ("day-done-{n:03}", "other-done-{n:03}"),
  ])
  func test_patternsThatNeverMeet(_ a: String, _ b: String) throws {
    #expect(try pattern(a).sharedNumber(with: try pattern(b)) == nil, "\(a) \(b)")
  }

  @Test func test_defaultPattern_namesProgrammeAndAwardOnce() {
    #expect(NumberingPattern.defaultPattern(programme: "p", award: "done").description == "p-done-{n:03}")
    #expect(
      NumberingPattern.defaultPattern(programme: "tashokushu-2026", award: "tashokushu-2026-completion")
        .format(7) == "tashokushu-2026-completion-007")
  }
}
