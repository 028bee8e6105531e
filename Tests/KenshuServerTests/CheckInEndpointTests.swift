import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuCollection
import KenshuDefinitions
import KenshuModel
import KenshuTrainingDay
import Testing

@testable import KenshuServer

/// `POST /api/checkin` as reception's scanner sees it: every status, the idempotency key, the
/// first arrival kept, and an answer that names nobody.
@Suite struct CheckInEndpointTests {
  /// A clock the test moves.
  final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ text: String) { instant = Self.date(text) }
    var now: Date { lock.withLock { instant } }
    /// `text` in Japan's time (`2026-10-17T09:20`), whatever the machine's zone.
    func set(_ text: String) { lock.withLock { instant = Self.date(text) } }
    static func date(_ text: String) -> Date {
      let formatter = ISO8601DateFormatter()
      return formatter.date(from: text + ":00+09:00") ?? Date(timeIntervalSince1970: 0)
    }
  }

  static let programme = """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" id="day" roster="day-roster">
      <title>令和8年度 研修</title>
      <course id="day-1" date="2026-10-17" start="09:30">
        <title>1日目</title>
        <session id="open" kind="opening" duration="PT10M"><title>開会</title></session>
        <session id="lec" kind="lecture" duration="PT60M"><title>講義</title></session>
        <session id="gw" kind="groupwork" duration="PT90M"><title>GW</title><groups size="4"/></session>
      </course>
    </programme>

    """
  static let roster = """
    <?xml version="1.0" encoding="UTF-8"?>
    <roster xmlns="urn:kenshu:1" id="day-roster">
      <person id="a01" name="髙橋 﨑子" kana="たかはし さきこ" profession="nurse"/>
      <person id="a02" name="山田 太郎" kana="やまだ たろう" profession="doctor"/>
      <person id="f01" name="進行 一郎" kana="しんこう いちろう" profession="doctor" roles="facilitator"/>
    </roster>

    """

  struct Fixture {
    var app: Application<RouterResponder<KenshuRequestContext>>
    var project: URL
    var clock: TestClock
    /// Each person's slip token (x99 is on no roster of the project).
    var tokens: [String: String]

    var record: URL { project.appendingPathComponent("rosters/attendance-day.xml") }

    func attendance() throws -> AttendanceRecord? {
      guard FileManager.default.fileExists(atPath: record.path) else { return nil }
      return AttendanceFileReader.read(record, displayName: "attendance-day.xml").record
    }
  }

  func fixture(origins: [String] = [], trainingDay: String? = nil, programme: String = Self.programme)
    async throws -> Fixture
  {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-checkin-\(UUID().uuidString)")
    let project = root.appendingPathComponent("project")
    let site = root.appendingPathComponent("site")
    for folder in ["curricula", "rosters"] {
      try FileManager.default.createDirectory(
        at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try Data(SiteMarker.contents.utf8).write(to: site.appendingPathComponent(SiteMarker.fileName))
    try Data(programme.utf8).write(to: project.appendingPathComponent("curricula/day.xml"))
    try Data(Self.roster.utf8).write(to: project.appendingPathComponent("rosters/day-roster.xml"))
    let loaded = ProjectLoader(root: project).load()
    #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map(\.formatted))")
    let store = try SQLiteResponseStore(path: root.appendingPathComponent("responses.sqlite").path)
    var tokens: [String: String] = [:]
    for person in ["a01", "a02", "f01", "x99"] { tokens[person] = ParticipantToken.generate() }
    _ = try await store.addTokens(
      tokens.map {
        TokenRecord(scope: "day1-eval", participant: $0.key, tokenHash: ParticipantToken.hash($0.value))
      })
    let clock = TestClock("2026-10-17T09:20")
    let collector = ResponseCollector(catalog: CollectionCatalog(project: loaded.project), store: store)
    let endpoint = CollectionEndpoint(
      collector: collector, rateLimitPerMinute: 0, origins: OriginPolicy(allowedOrigins: origins),
      checkIn: CheckInEndpoint(
        collector: collector, reception: CheckInReception(project: loaded.project, root: project),
        clock: CheckInClock(trainingDay: trainingDay) { clock.now }))
    return Fixture(
      app: Application(router: PreviewServer(siteRoot: site, collection: endpoint).router()),
      project: project,
      clock: clock, tokens: tokens)
  }

  static let path = "/api/checkin"

  static func headers(key: String? = nil) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let key { headers[HTTPFields.Element.Name("Idempotency-Key")!] = key }
    return headers
  }

  func json(_ response: TestResponse) -> [String: JSONValue] {
    (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: response.body))) ?? [:]
  }

  func errorCode(_ response: TestResponse) -> String? { CollectionEndpointTests().errorCode(response) }

  @Test func onTime_isRecorded_200_withTheCourseAndNoName() async throws {
    let fixture = try await fixture()
    try await fixture.app.test(.router) { client in
      let body = #"{"token":"\#(fixture.tokens["a01"]!)"}"#
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(), body: ByteBuffer(string: body)
      ) { response in
        #expect(response.status == .ok)
        #expect(
          json(response) == [
            "status": .string("recorded"), "participant": .string("a01"), "programme": .string("day"),
            "course": .string("day-1"), "arrival": .string("09:20"), "late": .bool(false),
            "sessions": .array([.string("open"), .string("lec"), .string("gw")]),
          ])
        #expect(!String(buffer: response.body).contains("髙橋"), "names are never sent")
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
        for (name, value) in ContentSecurityPolicy.securityHeaders() {
          #expect(response.headers[HTTPFields.Element.Name(name)!] == value, "\(name)")
        }
      }
    }
    #expect(try fixture.attendance()?.attendee("a01")?.sessions == ["open", "lec", "gw"])
  }

  @Test func repeatedCheckIn_isAlready_andKeepsTheFirstArrival() async throws {
    let fixture = try await fixture()
    fixture.clock.set("2026-10-17T10:00")
    try await fixture.app.test(.router) { client in
      let body = #"{"token":"\#(fixture.tokens["a02"]!)","programme":"day","course":"day-1"}"#
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(), body: ByteBuffer(string: body)
      ) { response in
        #expect(response.status == .ok)
        #expect(json(response)["status"] == .string("recorded"))
        #expect(json(response)["arrival"] == .string("10:00") && json(response)["late"] == .bool(true))
        #expect(json(response)["sessions"] == .array([.string("gw")]))
      }
      let before = try Data(contentsOf: fixture.record)
      fixture.clock.set("2026-10-17T11:30")
      // Typed from the slip this time: capitals and hyphens, as printed.
      let typed = TokenSlips.grouped(fixture.tokens["a02"]!.uppercased())
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(typed)"}"#)
      ) { response in
        #expect(response.status == .ok)
        #expect(json(response)["status"] == .string("already"))
        #expect(json(response)["arrival"] == .string("10:00"), "the first arrival stands")
      }
      #expect(try Data(contentsOf: fixture.record) == before, "nothing written again")
    }
    #expect(try fixture.attendance()?.attendee("a02")?.arrived == ClockTime(parsing: "10:00"))
  }

  @Test func whatAScannerReadsFromTheSlip_isAccepted_linkOrCodeWithAReturn() async throws {
    let fixture = try await fixture()
    let slips = TokenSlips(
      surveyID: "day1-eval", surveyTitle: "評価", siteURL: "https://kenshu.example.org/",
      slips: [TokenSlips.Slip(participant: "a01", name: "", token: fixture.tokens["a01"]!)])
    let link = slips.link(for: slips.slips[0])
    let fragmentLink = "https://kenshu.example.org/surveys/day1-eval/#t=" + fixture.tokens["a02"]!
    try await fixture.app.test(.router) { client in
      for (value, person) in [(link, "a01"), (fragmentLink, "a02"), (fixture.tokens["a01"]! + "\r\n", "a01")]
      {
        let body = try JSONEncoder().encode(["token": value])
        try await client.execute(
          uri: Self.path, method: .post, headers: Self.headers(), body: ByteBuffer(bytes: body)
        ) { response in
          #expect(response.status == .ok, "\(value)")
          #expect(json(response)["participant"] == .string(person))
        }
      }
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"https://kenshu.example.org/surveys/day1-eval/"}"#)
      ) { #expect($0.status == .badRequest && errorCode($0) == "malformed-json", "a link without a code") }
    }
  }

  @Test func unknownToken_andSomeoneNotOnTheRoster_are404_inBothLanguages() async throws {
    let fixture = try await fixture()
    try await fixture.app.test(.router) { client in
      for token in [ParticipantToken.generate(), fixture.tokens["x99"]!, fixture.tokens["f01"]!] {
        try await client.execute(
          uri: Self.path, method: .post, headers: Self.headers(),
          body: ByteBuffer(string: #"{"token":"\#(token)"}"#)
        ) { response in
          #expect(response.status == .notFound)
          #expect(errorCode(response) == "unknown-participant")
          guard case .string(let message) = json(response)["message"] else {
            Issue.record("no message")
            return
          }
          #expect(message.contains("名簿") && message.contains("roster"), "\(message)")
          #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
      }
    }
    #expect(try fixture.attendance() == nil, "nothing recorded")
  }

  @Test(arguments: [
    ("not json", "malformed-json"), (#"{"programme":"day"}"#, "malformed-json"),
    (#"{"token":42}"#, "malformed-json"), (#"{"token":"  "}"#, "malformed-json"),
    (#"{"token":"\#(String(repeating: "k", count: 65))"}"#, "malformed-json"),
    (#"{"token":"TOKEN","programme":"other"}"#, "unknown-programme"),
    (#"{"token":"TOKEN","course":"day-9"}"#, "unknown-course"),
  ])
  func malformedBodies_unknownProgrammes_andCourses_are400(body: String, code: String) async throws {
    let fixture = try await fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: body.replacingOccurrences(of: "TOKEN", with: fixture.tokens["a01"]!))
      ) { response in
        #expect(response.status == .badRequest)
        #expect(errorCode(response) == code)
      }
    }
    #expect(try fixture.attendance() == nil)
  }

  @Test func formEncodedBodies_are415_likeSubmissions() async throws {
    let fixture = try await fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: "token=\(fixture.tokens["a01"]!)")
      ) { response in
        #expect(response.status == .unsupportedMediaType)
        #expect(errorCode(response) == "unsupported-media-type")
      }
    }
  }

  @Test func aRecordThatCannotBeWritten_is500_andNothingIsHalfWritten() async throws {
    let fixture = try await fixture()
    // A record with errors on disk is never replaced: the check-in cannot be written.
    let broken = Data("<attendance xmlns=\"urn:kenshu:1\" programme=\"day\"><attendee".utf8)
    try broken.write(to: fixture.record)
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k-500"),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { response in
        #expect(response.status == .internalServerError)
        #expect(errorCode(response) == "attendance-unwritable")
        #expect(!String(buffer: response.body).contains("rosters/"), "no path or system error is sent")
      }
      #expect(try Data(contentsOf: fixture.record) == broken)
      let rosters = try FileManager.default.contentsOfDirectory(
        atPath: fixture.record.deletingLastPathComponent().path)
      #expect(!rosters.contains { $0.hasSuffix(".tmp") }, "\(rosters)")
      // The failure kept no key: once the record is fixed, the same request is recorded.
      try FileManager.default.removeItem(at: fixture.record)
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k-500"),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { #expect($0.status == .ok && json($0)["status"] == .string("recorded")) }
    }
  }

  @Test func idempotencyKey_sameBody_getsTheSameAnswer_anotherBody_is422() async throws {
    let fixture = try await fixture()
    let key = "\"5d0c6f9e-1f7a-4c1e-9a52-0a4b7e1c2d3f\""
    let body = #"{"token":"\#(fixture.tokens["a01"]!)"}"#
    try await fixture.app.test(.router) { client in
      let first = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: key), body: ByteBuffer(string: body))
      #expect(first.status == .ok)
      #expect(first.headers[CollectionEndpoint.idempotentReplayed] == nil)
      fixture.clock.set("2026-10-17T10:45")
      let again = try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: key), body: ByteBuffer(string: body))
      #expect(again.status == .ok)
      #expect(String(buffer: again.body) == String(buffer: first.body), "the original answer, not already")
      #expect(again.headers[CollectionEndpoint.idempotentReplayed] == "true")
      #expect(again.headers[.xContentTypeOptions] == "nosniff")
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: key),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a02"]!)"}"#)
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(errorCode(response) == "idempotency-key-reused")
      }
      // A refusal keeps no key: the corrected request with the same key is answered anew.
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k-2"),
        body: ByteBuffer(string: #"{"token":"wrong"}"#)
      ) { #expect($0.status == .notFound) }
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "k-2"),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a02"]!)"}"#)
      ) { #expect($0.status == .ok && json($0)["status"] == .string("recorded")) }
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(key: "bad key"), body: ByteBuffer(string: body)
      ) { #expect($0.status == .badRequest && errorCode($0) == "bad-idempotency-key") }
    }
    let record = try #require(try fixture.attendance())
    #expect(record.attendees.map(\.person) == ["a01", "a02"])
    #expect(record.attendee("a02")?.arrived == ClockTime(parsing: "10:45"))
  }

  @Test func otherSites_areRefused_andAllowedOnesGetCORS() async throws {
    let fixture = try await fixture(origins: ["https://reception.example.org"])
    try await fixture.app.test(.router) { client in
      var headers = Self.headers()
      headers[.origin] = "https://evil.example"
      try await client.execute(
        uri: Self.path, method: .post, headers: headers,
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { #expect($0.status == .forbidden && errorCode($0) == "cross-origin") }
      try await client.execute(
        uri: Self.path, method: .options, headers: [.origin: "https://reception.example.org"]
      ) { response in
        #expect(response.status == .noContent)
        #expect(response.headers[.accessControlAllowHeaders] == "Content-Type, Idempotency-Key")
      }
    }
    #expect(try fixture.attendance() == nil)
  }

  @Test(arguments: ["2026-10-16T09:20", "2026-10-18T09:20", "2026-10-16T23:59"])
  func anotherDay_is409_courseNotToday_namingTheDate_andNothingChanges(instant: String) async throws {
    let fixture = try await fixture()
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a02"]!)"}"#)
      ) { #expect($0.status == .ok, "a02 on the day") }
      let before = try Data(contentsOf: fixture.record)
      fixture.clock.set(instant)
      // The course named, and none named (the programme's only course is not today either).
      for body in [
        #"{"token":"\#(fixture.tokens["a01"]!)","programme":"day","course":"day-1"}"#,
        #"{"token":"\#(fixture.tokens["a01"]!)"}"#,
        #"{"token":"\#(fixture.tokens["a02"]!)"}"#,
      ] {
        try await client.execute(
          uri: Self.path, method: .post, headers: Self.headers(),
          body: ByteBuffer(string: body)
        ) { response in
          #expect(response.status == .conflict)
          #expect(errorCode(response) == "course-not-today")
          #expect(json(response)["date"] == .string("2026-10-17"))
          guard case .string(let message) = json(response)["message"] else {
            Issue.record("no message")
            return
          }
          #expect(message.contains("2026-10-17 当日") && message.contains("on 2026-10-17 only"), "\(message)")
        }
      }
      #expect(try Data(contentsOf: fixture.record) == before, "the record is unchanged byte for byte")
    }
    #expect(try fixture.attendance()?.attendee("a01") == nil)
  }

  @Test func theDayIsJapanTime_notTheServersZone() async throws {
    let fixture = try await fixture()
    // 00:05 in Japan is still 2026-10-16 in UTC: the course's day has begun.
    fixture.clock.set("2026-10-17T00:05")
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { #expect($0.status == .ok && json($0)["status"] == .string("recorded")) }
    }
  }

  @Test func theRehearsalDate_isTakenAsTheDay_withTheClocksTimeOfDay() async throws {
    let fixture = try await fixture(trainingDay: "2026-10-17")
    // The organiser rehearses two days before, at 10:05: late by the timetable's clock.
    fixture.clock.set("2026-10-15T10:05")
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { response in
        #expect(response.status == .ok)
        #expect(
          json(response)["status"] == .string("recorded") && json(response)["course"] == .string("day-1"))
        #expect(json(response)["arrival"] == .string("10:05") && json(response)["late"] == .bool(true))
      }
    }
    #expect(try fixture.attendance()?.attendee("a01")?.arrived == ClockTime(parsing: "10:05"))
    // Another rehearsal date refuses the course as the real day would.
    let other = try await self.fixture(trainingDay: "2026-10-18")
    try await other.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(other.tokens["a01"]!)"}"#)
      ) { #expect($0.status == .conflict && errorCode($0) == "course-not-today") }
    }
    #expect(try other.attendance() == nil)
  }

  @Test func aCourseWithoutADate_is409_withoutADate_andNothingIsRecorded() async throws {
    let undated = Self.programme.replacingOccurrences(of: #" date="2026-10-17""#, with: "")
    #expect(undated != Self.programme)
    let fixture = try await fixture(programme: undated)
    try await fixture.app.test(.router) { client in
      try await client.execute(
        uri: Self.path, method: .post, headers: Self.headers(),
        body: ByteBuffer(string: #"{"token":"\#(fixture.tokens["a01"]!)"}"#)
      ) { response in
        #expect(response.status == .conflict && errorCode(response) == "course-not-today")
        #expect(json(response)["date"] == nil)
        guard case .string(let message) = json(response)["message"] else {
          Issue.record("no message")
          return
        }
        #expect(message.contains("日付がない") && message.contains("no date"), "\(message)")
      }
    }
    #expect(try fixture.attendance() == nil)
  }
}
