import Foundation
import Testing

/// `serve --checkin-date` (issue 15): check-ins are taken only on the course's own date, and an
/// organiser rehearsing before the day names the date to take as that day.
@Suite struct CheckInDateCommandTests {
  @Test(arguments: ["2026-02-30", "2026/10/17", "26-10-17", "2026-10-7", "+026-10-17", "tomorrow"])
  func test_aDateThatIsNotOne_isRefused_withStatus2_inEitherLanguage(date: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = try KenshuBinary.run(["serve", "--collect", "--checkin-date", date], in: folder)
    #expect(english.status == 2)
    #expect(
      english.stderr.contains("--checkin-date must be a real date, YYYY-MM-DD (got \(date))"),
      "\(english.stderr)")
    let japanese = try KenshuBinary.run(
      ["serve", "--collect", "--checkin-date", date], in: folder, environment: ["KENSHU_LANG": "ja"])
    #expect(japanese.status == 2)
    #expect(japanese.stderr.contains("--checkin-date には実在する日付を YYYY-MM-DD で指定してください"), "\(japanese.stderr)")
  }

  @Test func test_withoutCollect_isRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try KenshuBinary.run(["serve", "--checkin-date", "2026-10-17"], in: folder)
    #expect(run.status == 2)
    #expect(run.stderr.contains("--checkin-date need --collect"), "\(run.stderr)")
  }

  /// The sample project's only course of tashokushu-2026 is on 2026-10-17: rehearsed on that
  /// date, a slip's code is recorded; on the date after, it is refused and nothing is written.
  @Test func test_theRehearsalDate_isSaidAtStart_andHonoured() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["kenshu.xml", "curricula", "content", "rosters"] {
      try FileManager.default.copyItem(
        at: KenshuBinary.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let tokens = try KenshuBinary.run(
      ["roster", "tokens", "local-2026", "--survey", "tashokushu-2026-eval"], in: folder)
    #expect(tokens.status == 0, "\(tokens.stderr)")
    let csv = try String(
      contentsOf: folder.appendingPathComponent("private/tokens-tashokushu-2026-eval.csv"), encoding: .utf8)
    let row = try #require(csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("p001,") })
    let token = String(row.split(separator: ",").last ?? "")
    let record = folder.appendingPathComponent("rosters/attendance-tashokushu-2026.xml")
    let body = #"{"token":"\#(token)","programme":"tashokushu-2026"}"#

    let after = try ServeProcess(
      arguments: [
        "serve", "--collect", "--checkin-date", "2026-10-18", "--port", "0", "--no-watch", "--no-facilitator",
      ],
      in: folder, listeners: 1)
    #expect(
      after.output.contains("check-in rehearsal: 2026-10-18 is taken as the training day"), "\(after.output)")
    #expect(after.output.contains("no course is on that date"))
    let refused = try post(body, to: try #require(after.urls.first))
    after.stop()
    #expect(
      refused.contains("HTTP/1.1 409") && refused.contains(#""error":"course-not-today""#), "\(refused)")
    #expect(!FileManager.default.fileExists(atPath: record.path), "nothing recorded")

    let onTheDay = try ServeProcess(
      arguments: [
        "serve", "--collect", "--checkin-date", "2026-10-17", "--port", "0", "--no-watch", "--no-facilitator",
      ],
      in: folder, listeners: 1)
    defer { onTheDay.stop() }
    #expect(onTheDay.output.contains("courses that day: tashokushu-2026-day1"), "\(onTheDay.output)")
    let recorded = try post(body, to: try #require(onTheDay.urls.first))
    #expect(recorded.contains("HTTP/1.1 200") && recorded.contains(#""status":"recorded""#), "\(recorded)")
    #expect(try String(contentsOf: record, encoding: .utf8).contains(#"person="p001""#))
  }

  /// `POST /api/checkin` with curl: the status line, headers and body.
  func post(_ body: String, to listener: ServeProcess.Listener) throws -> String {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let answer = folder.appendingPathComponent("answer")
    try Data().write(to: answer)
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    curl.arguments = [
      "-s", "-i", "-H", "Content-Type: application/json", "-d", body,
      "http://\(listener.host):\(listener.port)/api/checkin",
    ]
    curl.standardOutput = try FileHandle(forWritingTo: answer)
    try curl.run()
    curl.waitUntilExit()
    return try String(contentsOf: answer, encoding: .utf8)
  }
}
