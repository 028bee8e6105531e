import Foundation
import Hummingbird
import KenshuCollection
import KenshuModel
import KenshuTrainingDay
import NIOPosix

/// `POST /api/checkin` of `serve --collect`: reception (or the participant) sends the token
/// of the participant's slip, and its holder is checked in for today's course at the
/// server's clock time, in the programme's attendance record (`CheckInDesk`) — only on the
/// course's own date in Japan time (`CheckInClock`, or `serve --checkin-date` for a
/// rehearsal). The contract (body, answers, error codes) is in docs/collect.md.
///
/// The token is resolved as a submission's is: its hash, looked up among the store's tokens
/// (of any survey or module, used or not, never an anonymous survey's), names its holder. It
/// is not used up. The answer names nobody: the roster id, the course, the sessions recorded
/// and the arrival time.
public struct CheckInEndpoint: Sendable {
  public var collector: ResponseCollector
  public var reception: CheckInReception
  public var clock: CheckInClock

  /// The scope of check-ins' idempotency keys (surveys' are their ids, modules' `module:ID`).
  static let scope = "checkin"

  public init(collector: ResponseCollector, reception: CheckInReception, clock: CheckInClock = CheckInClock())
  {
    self.collector = collector
    self.reception = reception
    self.clock = clock
  }

  /// The handler: the collection middleware has checked origin, rate, content type, size and
  /// the key's syntax; the check-in runs once per idempotency key, as submissions do.
  func respond(_ request: CollectionRequest) async -> Response {
    guard let body = request.body else { return APIError.notFound.response() }
    switch await collector.answerOnce(request.idempotency, scope: Self.scope, { await checkIn(body) }) {
    case .answered(let answer):
      return Response(
        status: HTTPResponse.Status(code: answer.status),
        headers: CollectionEndpoint.jsonHeaders(replayed: false),
        body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    case .replayed(let status, let body):
      return Response(
        status: HTTPResponse.Status(code: status), headers: CollectionEndpoint.jsonHeaders(replayed: true),
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    case .idempotencyKeyReused: return APIError.idempotencyKeyReused.response()
    case .idempotencyKeyInUse: return APIError.idempotencyKeyInUse.response()
    case .storageFailed: return APIError.storageFailed.response()
    }
  }

  /// One check-in, in the order of docs/collect.md: the body (400), the programme and the
  /// course (400), the course's day (409), the token's holder (503 when the store fails, 404 when nobody on the
  /// roster), the record (500 when it cannot be written).
  func checkIn(_ body: Data) async -> KeyedAnswer {
    guard let request = try? JSONDecoder().decode(CheckInBody.self, from: body), let code = request.code
    else {
      return refusal(.malformedJSON)
    }
    let now = clock.read()
    guard let desk = reception.desk(named: request.programme, today: now.day) else {
      return refusal(.unknownProgramme)
    }
    let programme = desk.programme.id
    let course: Course
    switch desk.course(named: request.course, on: now.day) {
    case .onTheDay(let chosen): course = chosen
    case .unknown: return refusal(.unknownCourse)
    case .notOnTheDay(let other):
      // Before the token is looked up: the course's date is on the public site, and a code
      // tried from home on another day learns nothing about which codes exist.
      collector.logger.info(
        "check-in refused: the course is not today",
        metadata: ["programme": "\(programme)", "course": "\(other.id)", "day": "\(now.day)"])
      return refusal(.courseNotToday(date: other.date))
    }
    let holder: String?
    do {
      holder = try await collector.store.participant(holdingToken: ParticipantToken.hash(code))
    } catch {
      collector.logger.error(
        "check-in refused: token look-up failed",
        metadata: ["programme": "\(programme)", "error": "\(type(of: error))"])
      return refusal(.storageFailed)
    }
    // One answer for an unknown token and for someone else's programme: a guess learns
    // nothing about which codes exist.
    guard let participant = holder, desk.admits(participant) else {
      collector.logger.info("check-in refused: unknown participant", metadata: ["programme": "\(programme)"])
      return refusal(.unknownParticipant)
    }
    let outcome: CheckInOutcome
    do {
      // The desk waits for the record's lock and syncs the file: not on an event loop.
      outcome = try await NIOThreadPool.singleton.runIfActive {
        desk.checkIn(participant: participant, course: course.id, on: now.day, at: now.time)
      }
    } catch {
      outcome = .writeFailed("\(type(of: error))")
    }
    switch outcome {
    case .recorded(let receipt):
      collector.logger.info(
        "check-in recorded", metadata: ["programme": "\(programme)", "course": "\(course.id)"])
      return answer(
        CheckInAnswer(
          status: "recorded", programme: programme, receipt: receipt, arrival: now.time.description))
    case .alreadyRecorded(let receipt):
      collector.logger.info(
        "check-in repeated: already recorded",
        metadata: ["programme": "\(programme)", "course": "\(course.id)"])
      return answer(
        CheckInAnswer(
          status: "already", programme: programme, receipt: receipt, arrival: receipt.arrived?.description))
    case .unknownPerson: return refusal(.unknownParticipant)
    case .unknownCourse: return refusal(.unknownCourse)
    case .notOnTheDay(_, let date): return refusal(.courseNotToday(date: date))
    case .writeFailed:
      // Without the reason: a broken record's diagnostics can quote participant ids.
      collector.logger.error(
        "check-in not recorded: the attendance record could not be written (kenshu validate shows a broken record; check that rosters/ is writable)",
        metadata: ["programme": "\(programme)"])
      return refusal(.attendanceUnwritable)
    }
  }

  private func answer(_ answer: CheckInAnswer) -> KeyedAnswer {
    KeyedAnswer(
      status: 200, body: APIResponse.text(answer), recordID: answer.programme + "/" + answer.participant,
      keep: true)
  }

  /// A refusal stores no key: the client may correct the request and send it with the same key.
  private func refusal(_ error: APIError) -> KeyedAnswer {
    KeyedAnswer(status: Int(error.status.code), body: error.json, recordID: "", keep: false)
  }
}
