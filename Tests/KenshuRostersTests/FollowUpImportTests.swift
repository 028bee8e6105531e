import Foundation
import KenshuModel
import KenshuTabular
import Testing

@testable import KenshuRosters

/// `kenshu followup import`: every row of a local-training sheet recorded or refused with a
/// located error, nothing written on error, the record written as validated XML.
@Suite struct FollowUpImportTests {
  static let project: Project = {
    let roster = Roster(
      id: "k",
      people: ["g1", "g2", "g6"].map {
        Person(
          id: $0, name: "修了者\($0)", profession: .nurse, prefecture: "静岡県",
          progress: [StageProgress(programme: "k", stage: .completion)])
      })
    return Project(rosters: [roster])
  }()

  func importer() throws -> FollowUpImport { try FollowUpImport(project: Self.project, programme: "k") }

  @Test func test_goodSheet_recordsEveryRow_withItsCountsPlaceAndKind() throws {
    let result = try importer().records(try Table.read(contentsOf: fixtureURL("followup-good.csv")))
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    // Three non-blank rows, three trainings; the blank row is not a row.
    #expect(result.rows.map(\.line) == [2, 3, 5])
    #expect(result.recorded == 3 && result.refused == 0)
    let byID = Dictionary(uniqueKeysWithValues: result.record.trainings.map { ($0.id, $0) })
    let t1 = try #require(byID["t1"])
    #expect(t1.date == "2023-05-10" && t1.prefecture == "静岡県" && t1.municipality == "浜松市")
    #expect(t1.kind == .groupWork && t1.title == "在宅医療 多職種研修会")
    #expect(
      t1.reached == [ReachedCount(profession: .doctor, count: 3), ReachedCount(profession: .nurse, count: 4)])
    // 10 people, 7 of known profession: 3 of unknown profession.
    #expect(t1.participants == 10 && t1.unknownProfession == 3 && t1.totalParticipants == 10)
    #expect(t1.coInstructors == ["みなと市 地域包括ケア推進課", "森 由美"])
    let t2 = try #require(byID["t2"])
    #expect(t2.graduates == ["g1", "g2"] && t2.date == "2023-09-01" && t2.kind == .caseStudy)
    #expect(t2.prefecture == nil && t2.participants == nil && t2.totalParticipants == 7)
    #expect(t2.reached.map(\.profession) == [.nurse, .careManager])
    let t3 = try #require(byID["t3"])
    #expect(t3.prefecture == "北海道" && t3.kind == .lecture)
    // The total equals the profession counts: nothing unknown, no total kept.
    #expect(t3.participants == nil && t3.totalParticipants == 6)
    #expect(result.ignoredColumns == ["備考"])
  }

  @Test func test_badSheet_refusesEachBadRow_atItsCell_andWritesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "followup-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try importer().run(file: fixtureURL("followup-bad.csv"), root: folder, dryRun: false)
    #expect(!result.written)
    #expect(!FileManager.default.fileExists(atPath: FollowUpImport.recordPath(for: "k", root: folder).path))
    let found = Set(result.diagnostics.map { "\($0.code)@\($0.location.line):\($0.location.column)" })
    #expect(
      found == [
        "followup-row-invalid-date@2:3", "followup-row-unknown-kind@2:5",
        "followup-row-unknown-graduate@3:2", "followup-row-unknown-prefecture@3:4",
        "followup-row-invalid-count@3:7",
        "followup-row-duplicate@4:1", "followup-row-no-graduate@4:2", "followup-total-below-counts@4:6",
      ], "\(found)")
    // Rows 2–4 refused, row 5 recorded: every row accounted for.
    #expect(result.rows.map(\.line) == [2, 3, 4, 5])
    #expect(result.rows.map { $0.training != nil } == [false, false, false, true])
    #expect(result.report(dryRun: false).contains("4 rows: 1 recorded, 3 refused"))
  }

  @Test func test_dryRun_writesNothing_andARealRun_writesXMLTheWriterReadsBack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "followup-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = FollowUpImport.recordPath(for: "k", root: folder)
    let dry = try importer().run(file: fixtureURL("followup-good.csv"), root: folder, dryRun: true)
    #expect(!dry.written && !FileManager.default.fileExists(atPath: path.path))
    let real = try importer().run(file: fixtureURL("followup-good.csv"), root: folder, dryRun: false)
    #expect(real.written)
    let xml = try String(contentsOf: path, encoding: .utf8)
    #expect(xml.contains(#"<followup xmlns="urn:kenshu:1" programme="k" roster="k">"#))
    #expect(
      xml.contains(
        #"<local-training id="t1" graduates="g1" date="2023-05-10" prefecture="静岡県" municipality="浜松市" kind="group-work" participants="10" co-instructors="みなと市 地域包括ケア推進課; 森 由美">"#
      ))
    #expect(xml.contains(#"<reached profession="care-manager" count="2"/>"#))
    // Dated trainings in date order.
    let order = ["t1", "t2", "t3"].compactMap { xml.range(of: "id=\"\($0)\"")?.lowerBound }
    #expect(order == order.sorted() && order.count == 3)
  }

  @Test func test_programmeWithoutRoster_isRefusedBeforeReading() {
    #expect(throws: FollowUpImportFailure.self) {
      try FollowUpImport(project: Project(), programme: "nobody")
    }
  }

  @Test func test_kindsAsOfficesWriteThem() {
    #expect(LocalTrainingKind(parsing: "多職種連携研修会") == .groupWork)
    #expect(LocalTrainingKind(parsing: "グループワーク") == .groupWork)
    #expect(LocalTrainingKind(parsing: "退院支援 事例検討会") == .caseStudy)
    #expect(LocalTrainingKind(parsing: "講演会") == .lecture)
    #expect(LocalTrainingKind(parsing: "同行訪問研修") == .accompaniedVisit)
    #expect(LocalTrainingKind(parsing: "cross-training") == .crossTraining)
    #expect(LocalTrainingKind(parsing: "交流会") == nil)
  }
}
