import Foundation
import KenshuModel
import KenshuTabular
import KenshuTrainingDay
import Testing

/// `kenshu certificates`: who is eligible, stable numbers from the ledger, revocation, and
/// what is published for verification.
@Suite struct CertificateIssueTests {
  /// A generator with a fixed seed, so codes are reproducible in tests.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 29)
    }
  }

  func issue(
    _ fixture: TrainingDayFixture, date: String = "2026-10-20", revoke: [String] = [], seed: UInt64 = 1
  )
    throws -> CertificateRun
  {
    let issue = try CertificateIssue(project: try fixture.project(), programme: "day")
    var generator = SeededGenerator(state: seed)
    return issue.run(
      folder: CertificateIssue.folder(for: "day", root: fixture.root), date: date,
      siteURL: "https://example.jp/training/", revoke: revoke, using: &generator)
  }

  func importAttendance(_ csv: String, _ fixture: TrainingDayFixture) throws {
    let file = fixture.root.appendingPathComponent("att-\(UUID().uuidString).csv")
    try Data(csv.utf8).write(to: file)
    let result = try AttendanceImport(project: try fixture.project(), programme: "day")
      .run(file: file, root: fixture.root, dryRun: false)
    #expect(result.written, "\(result.diagnostics.map(\.formatted))")
  }

  @Test func test_firstEligibleAward_isIssued_andTheOthersAreToldWhatIsMissing() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\na02,○,,\na03,,,\n", fixture)
    let run = try issue(fixture)
    #expect(!run.diagnostics.hasErrors, "\(run.diagnostics.map(\.formatted))")
    let byPerson = Dictionary(uniqueKeysWithValues: run.issued.map { ($0.entry.participant, $0.entry) })
    #expect(byPerson["a01"]?.number == "R8-修了-001")
    #expect(byPerson["a01"]?.kind == .completion)
    #expect(byPerson["a01"]?.minutes == 250)
    #expect(byPerson["a02"]?.number == "R8-受講-001")
    #expect(byPerson["a02"]?.minutes == 60)
    // The facilitator is not a trainee; a03 attended nothing.
    #expect(byPerson["f01"] == nil)
    let a03 = try #require(run.notEligible.first { $0.participant == "a03" })
    #expect(a03.award == "done")
    #expect(a03.missing == ["lec", "gw-am", "gw-pm"])
    let json = try JSONSerialization.jsonObject(with: Data(run.json().utf8)) as? [String: Any]
    let issued = try #require(json?["issued"] as? [[String: Any]])
    #expect(
      issued.contains { $0["participant"] as? String == "a01" && $0["number"] as? String == "R8-修了-001" })
    #expect(issued.allSatisfy { ($0["code"] as? String)?.count == 19 })
    #expect(run.json().contains("\"number\":\"R8-修了-001\""))
    let notEligible = try #require(json?["not_eligible"] as? [[String: Any]])
    #expect(
      notEligible.contains {
        $0["participant"] as? String == "a03" && ($0["missing"] as? [String]) == a03.missing
      })
  }

  @Test func test_rerunAfterMoreAttendance_neverRenumbers_andNumbersOnlyNewPeople() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na02,○,○,○\na05,○,○,○\n", fixture)
    let first = try issue(fixture, seed: 1)
    let before = Dictionary(uniqueKeysWithValues: first.issued.map { ($0.entry.participant, $0.entry) })
    // a01 and a03 arrive in a later import.
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\na03,○,,\n", fixture)
    let second = try issue(fixture, date: "2026-11-01", seed: 99)
    let after = Dictionary(uniqueKeysWithValues: second.issued.map { ($0.entry.participant, $0.entry) })
    for (person, entry) in before {
      #expect(after[person]?.number == entry.number)
      #expect(after[person]?.code == entry.code)
      #expect(after[person]?.issued == "2026-10-20")
    }
    #expect(after["a01"]?.number == "R8-修了-003")
    #expect(after["a01"]?.issued == "2026-11-01")
    #expect(after["a03"]?.number == "R8-受講-001")
    #expect(second.issued.filter(\.isNew).map(\.entry.participant).sorted() == ["a01", "a03"])
    // A third run changes nothing.
    let third = try issue(fixture, date: "2026-12-01", seed: 7)
    #expect(third.issued.map(\.entry) == second.issued.map(\.entry))
    #expect(third.issued.allSatisfy { !$0.isNew })
  }

  @Test func test_verification_acceptsTheCode_refusesAForgery_andShowsRevocation() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\na02,○,○,○\n", fixture)
    let run = try issue(fixture)
    let entry = try #require(run.issued.first { $0.entry.participant == "a01" }?.entry)
    let folder = CertificateIssue.folder(for: "day", root: fixture.root)
    let register = VerificationList.registerFile(for: "day", root: fixture.root)
    #expect(register.path.hasSuffix("/verification/day.json"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("verification.json").path))
    let list = try VerificationList.read(Data(contentsOf: register))
    #expect(list.verify(number: entry.number, code: entry.code)?.status == "valid")
    // Typed by hand: lower case, without hyphens, full-width.
    let typed = entry.code.lowercased().replacingOccurrences(of: "-", with: "")
    #expect(list.verify(number: entry.number, code: typed)?.status == "valid")
    var forged = Array(entry.code)
    forged[0] = forged[0] == "A" ? "B" : "A"
    #expect(list.verify(number: entry.number, code: String(forged)) == nil)
    #expect(list.verify(number: "R8-修了-999", code: entry.code) == nil)
    // The published list holds no name, no participant id, no number and no code.
    let published = try String(contentsOf: register, encoding: .utf8)
    for secret in ["髙橋", "a01", "a02", entry.number, entry.code] {
      #expect(!published.contains(secret), "\(secret)")
    }
    // Revoked: the same number and code now read as revoked, and the page is gone.
    let revoked = try issue(fixture, revoke: [entry.number])
    #expect(revoked.revoked.map(\.number) == [entry.number])
    let after = try VerificationList.read(Data(contentsOf: register))
    #expect(after.salt == list.salt)
    #expect(after.verify(number: entry.number, code: entry.code)?.status == "revoked")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry.number + ".html").path))
    // The ledger remembers the revocation on the next run.
    let again = try issue(fixture)
    #expect(again.revoked.map(\.number) == [entry.number])
    #expect(!again.issued.contains { $0.entry.number == entry.number })
  }

  @Test func test_certificatePage_printsTheFormalLayout_withCP932OnlyCharacters() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    try importAttendance("participant,lec,gw-am,gw-pm\na01,○,○,○\n", fixture)
    let run = try issue(fixture)
    let entry = try #require(run.issued.first?.entry)
    let folder = CertificateIssue.folder(for: "day", root: fixture.root)
    let page = try String(contentsOf: folder.appendingPathComponent(entry.number + ".html"), encoding: .utf8)
    for expected in [
      "第 R8-修了-001 号", "修了証書", "髙橋 﨑子</span> 殿", "令和8年10月17日（2026年10月17日）", "4時間10分",
      "令和8年10月20日（2026年10月20日）", "みなと市長", "<span class=\"seal\">印</span>", entry.code, "<svg",
      "size: A4 portrait",
    ] {
      #expect(page.contains(expected), "\(expected)")
    }
    #expect(!page.contains("<script"))
    let all = try String(contentsOf: folder.appendingPathComponent("all.html"), encoding: .utf8)
    #expect(all.components(separatedBy: "<section class=\"certificate\"").count == run.issued.count + 1)
    let ledger = try String(contentsOf: folder.appendingPathComponent("ledger.csv"), encoding: .utf8)
    #expect(ledger.contains("R8-修了-001,done,修了証書,a01,髙橋 﨑子,2026-10-20,250,"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ledger.xlsx").path))
  }

  @Test func test_japaneseDates() {
    #expect(JapaneseDate.era("2026-10-17") == "令和8年10月17日")
    #expect(JapaneseDate.era("2019-05-01") == "令和元年5月1日")
    #expect(JapaneseDate.era("2019-04-30") == "平成31年4月30日")
    #expect(JapaneseDate.longForm("2026-04-01") == "令和8年4月1日（2026年4月1日）")
    // A ledger saved from Excel writes 2026/10/17; impossible dates are no dates.
    #expect(JapaneseDate.era("2026/10/17") == "令和8年10月17日")
    #expect(JapaneseDate.isValid("2028-02-29") && !JapaneseDate.isValid("2026-02-29"))
    #expect(!JapaneseDate.isValid("2026-02-30") && !JapaneseDate.isValid("2026-13-01"))
    #expect(JapaneseDate.era("2026-02-30") == "2026-02-30")
  }
}

/// The reception sheet lists trainees by kana with a check column per counted session, and its
/// CSV is an attendance file import reads as it is.
@Suite struct ReceptionSheetTests {
  @Test func test_sheet_sortsByKana_checksCountedSessions_andImportsBackFilledIn() throws {
    let fixture = try TrainingDayFixture()
    defer { fixture.remove() }
    let project = try fixture.project()
    let sheet = try ReceptionSheet(project: project, programme: "day", groups: ["a01": "3"])
    #expect(sheet.people.map(\.id) == ["a03", "a04", "a05", "a01", "a07", "a06", "a02"])
    #expect(sheet.sessions.map(\.id) == ["lec", "gw-am", "gw-pm"])
    #expect(
      sheet.rows[0] == [
        "participant", "氏名", "ふりがな", "職種", "所属", "グループ", "lec", "gw-am", "gw-pm", "遅刻", "早退", "備考",
      ])
    let html = sheet.html()
    #expect(html.contains("size: A4 landscape"))
    #expect(html.contains("<ruby>髙橋 﨑子<rt>たかはし さきこ</rt></ruby>"))
    #expect(html.contains("09:40</span> 講義1<span class=\"id\">lec</span>"))
    // Filled in: a01 ticks everything.
    var rows = sheet.rows
    let a01 = try #require(rows.firstIndex { $0.first == "a01" })
    rows[a01][6] = "○"
    rows[a01][7] = "○"
    rows[a01][8] = "○"
    let file = fixture.root.appendingPathComponent("filled.csv")
    try CSVWriter(encoding: .utf8BOM).data(for: rows).data.write(to: file)
    let result = try AttendanceImport(project: project, programme: "day").run(
      file: file, root: fixture.root, dryRun: true)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.formatted))")
    #expect(result.matched == 7)
    #expect(result.record.attendee("a01")?.sessions == ["lec", "gw-am", "gw-pm"])
  }
}

/// An award inside a course counts that course's sessions only, and `--course` issues only it.
@Suite struct CourseAwardTests {
  @Test func test_courseAward_judgesItsOwnDay_andCourseOptionIssuesOnlyIt() throws {
    let day1 = Course(
      id: "d1", title: "1日目", date: "2026-10-17",
      sessions: [Session(id: "l1", kind: .lecture, title: "講義1", durationMinutes: 60)])
    var day2 = Course(
      id: "d2", title: "2日目", date: "2026-10-24",
      sessions: [Session(id: "l2", kind: .lecture, title: "講義2", durationMinutes: 90)])
    day2.awards = [
      Award(
        id: "d2-part", kind: .attendance, numbering: NumberingPattern(prefix: "D2-", width: 2),
        requirements: [.attend(kinds: [], sessions: [], minutes: nil, location: nil)], course: "d2")
    ]
    var programme = Programme(id: "p", title: "研修", courses: [day1, day2], roster: "r")
    programme.awards = [
      Award(
        id: "all", kind: .completion, numbering: NumberingPattern(prefix: "ALL-", width: 2),
        requirements: [.attend(kinds: [], sessions: [], minutes: nil, location: nil)])
    ]
    var project = Project(
      programmes: [programme],
      rosters: [
        Roster(id: "r", people: [Person(id: "a1", name: "山田 太郎", kana: "やまだ たろう", profession: .nurse)])
      ])
    project.attendance = [
      AttendanceRecord(programme: "p", attendees: [Attendee(person: "a1", sessions: ["l2"])])
    ]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-course-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let all = try CertificateIssue(project: project, programme: "p").run(folder: folder, date: "2026-10-24")
    #expect(all.issued.map(\.entry.number) == ["D2-01"])
    #expect(all.issued.first?.entry.minutes == 90)
    #expect(all.notEligible.map(\.missing) == [["l1"]])
    let onlyDay2 = try CertificateIssue(project: project, programme: "p", course: "d2").run(
      folder: folder, date: "2026-10-24")
    #expect(onlyDay2.issued.map(\.entry.number) == ["D2-01"])
    #expect(onlyDay2.notEligible.isEmpty)
    let page = try String(contentsOf: folder.appendingPathComponent("D2-01.html"), encoding: .utf8)
    #expect(page.contains("令和8年10月24日（2026年10月24日）"))
    #expect(!page.contains("令和8年10月17日"))
  }
}
