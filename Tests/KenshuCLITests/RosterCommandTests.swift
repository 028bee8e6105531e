import Foundation
import Testing

/// `kenshu roster` and `kenshu groups` as an organiser runs them, on files they export.
@Suite struct RosterCommandTests {
  /// A roster CSV in Shift_JIS/CP932 with CRLF, as Excel saves it, with completion dates.
  func folderWithRoster() throws -> URL {
    let folder = try makeTemporaryFolder()
    var text = "番号,氏名,職種,所属,修了\r\n"
    let professions = ["医師", "看護師", "薬剤師", "ケアマネジャー", "介護福祉士", "行政職員"]
    for index in 1...24 {
      let completed = index % 4 == 0 ? "" : "2022-12-10"
      text += "p\(index),氏名\(index),\(professions[index % 6]),所属\(index % 5),\(completed)\r\n"
    }
    try #require(text.data(using: .shiftJIS)).write(to: folder.appendingPathComponent("名簿.csv"))
    return folder
  }

  @Test func test_import_grantsQualificationsToThoseWhoCompleted() throws {
    let folder = try folderWithRoster()
    let run = try KenshuBinary.run(
      [
        "roster", "import", "名簿.csv", "--out", "r.xml", "--grant", "local-gw:facilitator", "--edition",
        "2022",
      ],
      in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("read 24 rows: 24 imported, 0 rejected"))
    let xml = try String(contentsOf: folder.appendingPathComponent("r.xml"), encoding: .utf8)
    let granted = xml.components(
      separatedBy: #"<qualification subject="local-gw" role="facilitator" date="2022-12-10" edition="2022"/>"#
    )
    #expect(granted.count - 1 == 18)
    let invalid = try KenshuBinary.run(["roster", "import", "名簿.csv", "--grant", "x:organiser"], in: folder)
    #expect(invalid.status == 2)
  }

  @Test func test_summary_readsCP932AndPrintsTheDocumentedJSON() throws {
    let folder = try folderWithRoster()
    let run = try KenshuBinary.run(["roster", "summary", "名簿.csv", "--format", "json"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["total"] as? Int == 24)
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.first?["key"] as? String == "doctor")
    #expect(rows.first?["label"] as? String == "医師")
    #expect(rows.first?["count"] as? Int == 4)
    #expect(rows.first?["percent"] as? Double == 16.7)
  }

  @Test func test_groups_jsonOnStdout_andNamedOutputsOnlyInPrivate() throws {
    let folder = try folderWithRoster()
    let json = try KenshuBinary.run(
      ["groups", "--roster", "名簿.csv", "--size", "6", "--rounds", "2", "--seed", "7", "--format", "json"],
      in: folder)
    #expect(json.status == 0, "\(json.stderr)")
    let plan = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rounds = try #require(plan["rounds"] as? [[String: Any]])
    #expect(rounds.count == 2)
    for round in rounds {
      let groups = try #require(round["groups"] as? [[String: Any]])
      let members = groups.flatMap { $0["members"] as? [String] ?? [] }
      #expect(members.count == 24 && Set(members).count == 24)
    }
    let again = try KenshuBinary.run(
      ["groups", "--roster", "名簿.csv", "--size", "6", "--rounds", "2", "--seed", "7", "--format", "json"],
      in: folder)
    #expect(again.stdout == json.stdout, "same seed, same plan")

    let html = try KenshuBinary.run(
      ["groups", "--roster", "名簿.csv", "--size", "6", "--format", "html"], in: folder)
    #expect(html.status == 0, "\(html.stderr)")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("private/groups-size6.html").path))
    let refused = try KenshuBinary.run(
      ["groups", "--roster", "名簿.csv", "--size", "6", "--format", "csv", "--out", "site/groups.csv"],
      in: folder)
    #expect(refused.status != 0)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/groups.csv").path))
  }

  /// Regression: a facilitator CSV without ids numbered its rows r0002… like the participants'
  /// CSV, so participants were silently dropped as "facilitators" and the JSON was ambiguous.
  @Test func test_groups_refusesFacilitatorIdsThatNameDifferentParticipants() throws {
    let folder = try makeTemporaryFolder()
    try Data("name,profession,organisation\nA,医師,X\nB,看護師,Y\nC,薬剤師,Z\nD,介護福祉士,W\n".utf8)
      .write(to: folder.appendingPathComponent("people.csv"))
    try Data("name,profession,role\nF1,看護師,facilitator\n".utf8).write(
      to: folder.appendingPathComponent("fac.csv"))
    let clash = try KenshuBinary.run(
      ["groups", "--roster", "people.csv", "--size", "2", "--facilitators", "fac.csv", "--format", "json"],
      in: folder)
    #expect(clash.status == 1)
    #expect(clash.stderr.contains("use the same ids for different people: r0002"))
    #expect(clash.stdout.isEmpty)

    try Data("ID,name,profession,role\nf1,F1,看護師,facilitator\n".utf8).write(
      to: folder.appendingPathComponent("fac.csv"))
    let fine = try KenshuBinary.run(
      ["groups", "--roster", "people.csv", "--size", "2", "--facilitators", "fac.csv", "--format", "json"],
      in: folder)
    #expect(fine.status == 0, "\(fine.stderr)")
    let plan = try #require(JSONSerialization.jsonObject(with: Data(fine.stdout.utf8)) as? [String: Any])
    let groups = try #require((plan["rounds"] as? [[String: Any]])?.first?["groups"] as? [[String: Any]])
    #expect(groups.flatMap { $0["members"] as? [String] ?? [] }.count == 4)
    #expect(groups.compactMap { $0["facilitator"] as? String } == ["f1"])
  }

  /// Regression: two CSV rosters without an ID column both number rows r0002…; their different
  /// people must all be counted, while a roster given twice counts once.
  @Test func test_summary_countsDifferentPeopleWithRowNumberIdsOnce() throws {
    let folder = try makeTemporaryFolder()
    try Data("name,profession\nX1,doctor\nX2,nurse\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
    try Data("name,profession\nY1,doctor\nY2,pharmacist\n".utf8).write(
      to: folder.appendingPathComponent("b.csv"))
    let run = try KenshuBinary.run(
      ["roster", "summary", "a.csv", "b.csv", "a.csv", "--format", "json"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["total"] as? Int == 4)
  }

  @Test func test_publicCrossTab_printsTotalsWithOneMark_andRefusesTheSameKeyTwice() throws {
    let folder = try makeTemporaryFolder()
    var csv = "name,profession,prefecture\n"
    for (index, (profession, prefecture))
      in (Array(repeating: ("doctor", "東京都"), count: 9) + Array(repeating: ("nurse", "東京都"), count: 2)
      + Array(repeating: ("doctor", "大阪府"), count: 8) + Array(repeating: ("nurse", "大阪府"), count: 7))
      .enumerated()
    {
      csv += "P\(index),\(profession),\(prefecture)\n"
    }
    try Data(csv.utf8).write(to: folder.appendingPathComponent("r.csv"))
    let run = try KenshuBinary.run(
      ["roster", "summary", "r.csv", "--by", "profession,prefecture", "--public", "--format", "csv"],
      in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.first?.hasSuffix(",合計") == true)
    #expect(lines.last?.hasPrefix("合計,") == true)
    #expect(run.stdout.contains("×") && !run.stdout.contains("<5"))
    let same = try KenshuBinary.run(["roster", "summary", "r.csv", "--by", "role,role"], in: folder)
    #expect(same.status != 0)
    #expect(same.stderr.contains("two different keys"))
  }
}
