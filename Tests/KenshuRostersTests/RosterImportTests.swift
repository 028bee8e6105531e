import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

@Suite struct RosterImportTests {
  func importFixture(_ name: String, map: String? = nil) throws -> RosterImportResult {
    let result = importRoster(csvAt: try fixtureURL(name), map: try map.map(fixtureURL))
    #expect(result.rowsRead == result.rowsImported + result.rowsRejected, "no row may disappear")
    return result
  }

  func diagnostic(_ result: RosterImportResult, _ code: String) -> [Diagnostic] {
    result.diagnostics.filter { $0.code == code }
  }

  @Test func test_import_japaneseHeadersFillEveryField() throws {
    let result = try importFixture("roster-ja.csv")
    let yamada = try #require(result.roster.people.first { $0.id == "p001" })
    #expect(yamada.name == "山田 太郎")
    #expect(yamada.kana == "やまだ たろう")
    #expect(yamada.profession == .doctor)
    #expect(yamada.organisation == "みなと診療所")
    #expect(yamada.prefecture == "静岡県")
    #expect(yamada.municipality == "浜松市")
    #expect(yamada.roles == [.trainee, .facilitator])
    #expect(yamada.email == "taro@example.jp")
    #expect(yamada.location?.line == 2)
    #expect(result.roster.id == "roster-ja")
  }

  @Test func test_import_countsReadImportedRejectedAndBlank() throws {
    let result = try importFixture("roster-ja.csv")
    #expect(result.rowsRead == 6)
    #expect(result.rowsImported == 4)
    #expect(result.rowsRejected == 2)
    #expect(result.blankRows == 1)
    #expect(result.rejections.map(\.line) == [5, 6])
    #expect(result.summaryLine.contains("read 6 rows: 4 imported, 2 rejected"))
  }

  @Test func test_import_rowWithoutNameIsRejectedWithLocatedError() throws {
    let result = try importFixture("roster-ja.csv")
    let errors = diagnostic(result, "roster-missing-name")
    #expect(errors.count == 1)
    #expect(errors.first?.severity == .error)
    #expect(errors.first?.formatted.contains("roster-ja.csv:5: error:") == true)
  }

  @Test func test_import_duplicateIDRejectsTheLaterRow() throws {
    let result = try importFixture("roster-ja.csv")
    #expect(diagnostic(result, "roster-duplicate-id").map(\.location.line) == [6])
    #expect(result.roster.people.first { $0.id == "p002" }?.name == "佐藤 花子")
  }

  @Test func test_import_unknownProfessionBecomesOtherWithWarningNamingTheRow() throws {
    let result = try importFixture("roster-ja.csv")
    #expect(result.roster.people.first { $0.id == "p003" }?.profession == .other)
    let warnings = diagnostic(result, "roster-unknown-profession")
    #expect(warnings.map(\.location.line) == [4])
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.message.contains("鍼灸師") == true)
  }

  @Test func test_import_missingIDIsAssignedFromTheLineNumber() throws {
    let result = try importFixture("roster-ja.csv")
    let tanaka = try #require(result.roster.people.first { $0.name == "田中 三郎" })
    #expect(tanaka.id == "r0008")
    #expect(tanaka.profession == .physicalTherapist)
    #expect(tanaka.organisation == "リハビリ病院, 本院")
    #expect(tanaka.roles == [.instructor])
  }

  @Test func test_import_keepApartByNameIsResolvedAndSymmetric() throws {
    let people = try importFixture("roster-ja.csv").roster.people
    #expect(people.first { $0.id == "p001" }?.keepApart == ["p002"])
    #expect(people.first { $0.id == "p002" }?.keepApart == ["p001"])
  }

  @Test func test_import_unknownColumnsGetANote() throws {
    let notes = diagnostic(try importFixture("roster-ja.csv"), "roster-unmapped-column")
    #expect(notes.map(\.location.column) == [11])
    #expect(notes.first?.severity == .note)
  }

  @Test func test_import_englishHeadersInTSV() throws {
    let result = try importFixture("roster-en.tsv")
    #expect(result.rowsImported == 2)
    let hanako = result.roster.people[0]
    #expect(hanako.id == "r0002")
    #expect(hanako.profession == .nurse)
    #expect(hanako.organisation == "Minato Clinic")
    #expect(hanako.prefecture == "東京都")
    #expect(hanako.roles == [.facilitator])
    #expect(result.roster.people[1].roles == [.trainee, .instructor])
    #expect(diagnostic(result, "roster-bad-email").map(\.location.line) == [3])
  }

  @Test func test_import_mapFileOverridesHeaders() throws {
    let result = try importFixture("roster-custom.csv", map: "roster-custom.map")
    #expect(result.diagnostics.filter { $0.severity != .note }.isEmpty)
    #expect(result.roster.people.map(\.id) == ["A-01", "A-02"])
    #expect(result.roster.people.map(\.profession) == [.doctor, .nurse])
    #expect(result.roster.people[1].organisation == "みなと訪問看護")
    #expect(result.columns.map(\.field) == [.id, .name, .profession, .organisation, nil])
  }

  @Test func test_import_withoutMapTheCustomFileLacksANameColumn() throws {
    let result = try importFixture("roster-custom.csv")
    #expect(result.rowsImported == 0)
    #expect(result.rowsRejected == 2)
  }

  @Test func test_map_unknownFieldIsALocatedError() throws {
    let parsed = RosterColumnMap.read(contentsOf: try fixtureURL("roster-bad.map"))
    #expect(parsed.diagnostics.map(\.code) == ["roster-map-unknown-field"])
    #expect(parsed.diagnostics.first?.location.line == 1)
  }

  @Test func test_import_missingNameHeaderIsAnErrorAtLineOne() throws {
    let result = try importFixture("roster-no-name.csv")
    let error = try #require(diagnostic(result, "roster-missing-name-column").first)
    #expect(error.location.line == 1)
    #expect(error.severity == .error)
    #expect(result.rowsRead == 2)
    #expect(result.rowsRejected == 2)
  }

  @Test func test_import_stageColumnsBecomeProgress() throws {
    let result = try importFixture("roster-progress.csv")
    let people = result.roster.people
    #expect(
      people[0].progress == [
        StageProgress(programme: "roster-progress", stage: .preLearning, date: "2022-08-01"),
        StageProgress(programme: "roster-progress", stage: .groupWork, date: "2022-10-15"),
        StageProgress(programme: "roster-progress", stage: .completion),
        StageProgress(
          programme: "roster-progress", stage: .followUp, date: "2023-03-01", ranLocalTraining: true),
      ])
    #expect(people[1].progress.map(\.stage) == [.preLearning])
    #expect(people[2].progress.first { $0.stage == .groupWork }?.date == "2022-10-16")
    #expect(people[2].progress.last?.ranLocalTraining == false)
    #expect(people[3].progress.isEmpty)
    #expect(diagnostic(result, "roster-bad-stage-value").map(\.location.line) == [5])
  }

  @Test func test_import_cp932FileFromExcel() throws {
    let result = try importFixture("roster-sjis.csv")
    #expect(result.encoding == .cp932)
    #expect(result.roster.people.first?.name == "髙橋 ①子")
    #expect(result.roster.people.first?.organisation == "㈱みなと")
  }

  @Test func test_import_unterminatedQuoteCountsAsRejected() {
    let data = Data("氏名,職種\n山田,医師\n\"佐藤,看護師\n鈴木,薬剤師\n".utf8)
    let result = RosterImport().importData(data, file: "q.csv")
    #expect(result.rowsRead == 3)
    #expect(result.rowsImported == 2)
    #expect(result.rejections.map(\.line) == [3])
  }

  @Test func test_import_unreadableFileIsADiagnosticNotACrash() {
    let result = importRoster(csvAt: URL(fileURLWithPath: "/nonexistent/roster.csv"), map: nil)
    #expect(result.diagnostics.map(\.code) == ["roster-unreadable"])
    #expect(result.rowsRead == 0)
  }

  @Test func test_import_localSampleInUTF8AndCP932GiveTheSameRoster() {
    let utf8 = importRoster(csvAt: sampleRosterURL("local-2026.csv"), map: nil)
    let sjis = importRoster(csvAt: sampleRosterURL("local-2026-sjis.csv"), map: nil)
    #expect(sjis.encoding == .cp932)
    #expect(utf8.diagnostics.isEmpty)
    #expect(utf8.rowsImported == 58)
    #expect(utf8.roster.people(withRole: .trainee).count == 48)
    #expect(utf8.roster.people(withRole: .facilitator).count == 8)
    #expect(utf8.roster.people(withRole: .instructor).map(\.id) == ["i01", "i02"])
    #expect(
      utf8.roster.people(withRole: .facilitator).allSatisfy {
        $0.isQualified(as: .facilitator, for: "tashokushu-2026")
      })
    #expect(utf8.roster.people.filter { !$0.keepApart.isEmpty }.count == 2)
    let strip = { (people: [Person]) in
      people.map {
        var p = $0; p.location = nil; return p
      }
    }
    #expect(strip(utf8.roster.people) == strip(sjis.roster.people))
  }
}

@Suite struct RosterQualificationImportTests {
  @Test func test_import_qualificationColumnAndGrantOnCompletion() throws {
    let data = try Data(contentsOf: fixtureURL("roster-qualifications.csv"))
    let options = RosterImport.Options(
      grantOnCompletion: QualificationGrant(subject: "koshi", edition: "2022"))
    let result = RosterImport(options: options).importData(data, file: "q.csv")
    let people = result.roster.people
    #expect(
      people[0].qualifications == [
        Qualification(subject: "koshi", role: .facilitator, date: "2022-12-10", edition: "2022"),
        Qualification(subject: "tashokushu-gw", role: .instructor, date: "2022-12-10"),
      ])
    #expect(people[1].qualifications.isEmpty)
    #expect(people[2].isQualified(as: .facilitator, for: "koshi"))
    #expect(
      result.diagnostics.filter { $0.code == "roster-bad-qualification" }.map(\.location.line) == [3, 3])
  }
}

@Suite struct RosterSplitNameImportTests {
  @Test func test_import_surnameAndGivenNameColumnsAreJoined() throws {
    let result = importRoster(csvAt: try fixtureURL("roster-split-name.csv"), map: nil)
    #expect(result.roster.people.map(\.name) == ["山田 太郎", "佐藤"])
    #expect(result.roster.people.map(\.kana) == ["ヤマダ タロウ", "サトウ"])
    #expect(result.rejections.map(\.code) == ["roster-missing-name"])
  }
}

@Suite struct RosterTitleRowsTests {
  @Test func test_import_titleRowsAboveTheHeaderAreSkippedWithANote() throws {
    let result = importRoster(csvAt: try fixtureURL("roster-with-title.csv"), map: nil)
    #expect(result.roster.people.map(\.name) == ["山田 太郎", "佐藤 花子"])
    #expect(result.roster.people.map(\.id) == ["1", "2"])
    #expect(result.roster.people.map(\.location?.line) == [5, 6])
    #expect(result.rowsRead == 2)
    #expect(result.diagnostics.map(\.code) == ["roster-title-rows-skipped"])
  }
}
