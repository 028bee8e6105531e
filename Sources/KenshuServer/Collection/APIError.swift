import Foundation
import Hummingbird
import KenshuCollection

/// The JSON error body of the collection API: `{"error": "code", "message": "…"}`, plus
/// `problems` for 422 and the course's `date` for `course-not-today`. Codes are stable (docs/collect.md); messages never contain stack
/// traces, SQL or the submitted values.
struct APIError: Encodable, Sendable {
  var error: String
  var message: String
  var problems: [SubmissionProblem]?
  /// `course-not-today`: the date the course runs on (absent for a course without one), for
  /// the reception page to name it.
  var date: String?
  var status: HTTPResponse.Status
  var retryAfter: Int?

  enum CodingKeys: String, CodingKey { case error, message, problems, date }

  static let malformedJSON = APIError(
    error: "malformed-json", message: "JSON として読めません / the body is not valid JSON of the documented shape",
    status: .badRequest)
  static let unsupportedMediaType = APIError(
    error: "unsupported-media-type",
    message: "Content-Type は application/json にしてください / send application/json",
    status: .unsupportedMediaType)
  static let payloadTooLarge = APIError(
    error: "payload-too-large", message: "送信内容が大きすぎます / the body is too large", status: .contentTooLarge)
  static let unknownSurvey = APIError(
    error: "unknown-survey", message: "その調査はありません / no such survey", status: .notFound)
  static let unknownModule = APIError(
    error: "unknown-module", message: "完了を受け付けるモジュールではありません / no such module collecting completions",
    status: .notFound)
  static let notFound = APIError(
    error: "not-found", message: "その API はありません / no such endpoint", status: .notFound)
  static let crossOrigin = APIError(
    error: "cross-origin", message: "他のサイトからの送信は受け付けません / posts from other sites are refused",
    status: .forbidden)
  static let tokenMissing = APIError(
    error: "token-required", message: "この調査には参加者ごとのトークンが必要です / this survey needs a participant token",
    status: .forbidden)
  static let tokenInvalid = APIError(
    error: "bad-token", message: "トークンが正しくありません / the token does not match", status: .forbidden)
  static let tokenUsed = APIError(
    error: "token-used", message: "このトークンは使用済みです（回答済み）/ this token was already used", status: .conflict)
  static let storageFailed = APIError(
    error: "storage-unavailable",
    message: "保存できませんでした。しばらくしてから再送してください / not stored; please try again shortly",
    status: .serviceUnavailable)

  static let badIdempotencyKey = APIError(
    error: "bad-idempotency-key",
    message:
      "Idempotency-Key は 1〜255 文字の ASCII 英数記号で1つだけ送ってください / send one Idempotency-Key of 1–255 visible ASCII characters",
    status: .badRequest)
  static let idempotencyKeyReused = APIError(
    error: "idempotency-key-reused",
    message:
      "この Idempotency-Key は別の内容で使われています / this Idempotency-Key was already used with a different body",
    status: .unprocessableContent)
  static let idempotencyKeyInUse = APIError(
    error: "idempotency-key-in-use",
    message:
      "同じ Idempotency-Key の送信を処理中です。少し待って再送してください / a request with this Idempotency-Key is being processed; retry shortly",
    status: .conflict)

  static let unknownProgramme = APIError(
    error: "unknown-programme",
    message:
      "その研修はありません（名簿のある研修が複数あるときは programme を指定してください）/ no such programme (name it in programme when several have a roster)",
    status: .badRequest)
  static let unknownCourse = APIError(
    error: "unknown-course",
    message:
      "そのコースはありません（本日のコースが決まらないときは course を指定してください）/ no such course (name it in course when today's cannot be told)",
    status: .badRequest)
  static let unknownParticipant = APIError(
    error: "unknown-participant",
    message:
      "このコードの受講者はこの研修の名簿にありません / no trainee on this programme's roster holds this code",
    status: .notFound)
  static let attendanceUnwritable = APIError(
    error: "attendance-unwritable",
    message:
      "出席記録を書き込めませんでした（何も記録されていません）。紙の受付名簿に記入してください / the attendance record could not be written and nothing was recorded; note the arrival on the paper list",
    status: .internalServerError)

  static func invalid(_ problems: [SubmissionProblem]) -> APIError {
    APIError(
      error: "invalid-answers", message: "回答に問題があります（problems 参照）/ some answers are invalid (see problems)",
      problems: problems, status: .unprocessableContent)
  }

  /// A check-in for a course on another day (or without a date): refused, nothing recorded.
  static func courseNotToday(date: String?) -> APIError {
    let message =
      if let date {
        "このコースの受付は \(date) 当日だけです（何も記録されていません）/ check-in for this course is taken on \(date) only; nothing was recorded"
      } else {
        "このコースには日付がないため受付できません（何も記録されていません）/ this course has no date, so no check-in is taken for it; nothing was recorded"
      }
    return APIError(error: "course-not-today", message: message, date: date, status: .conflict)
  }

  static func rateLimited(retryAfter seconds: Int) -> APIError {
    APIError(
      error: "rate-limited", message: "送信が多すぎます。少し待ってください / too many submissions; wait a moment",
      status: .tooManyRequests, retryAfter: seconds)
  }

  /// The body, as `response` sends it.
  var json: String { APIResponse.text(self) }

  func response(headers extra: HTTPFields = [:]) -> Response {
    var headers = APIResponse.jsonHeaders
    headers.append(contentsOf: extra)
    if let retryAfter { headers[.retryAfter] = String(retryAfter) }
    return Response(status: status, headers: headers, body: APIResponse.body(self))
  }
}

/// Successful JSON responses.
enum APIResponse {
  static let jsonHeaders: HTTPFields = [
    .contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
  ]

  static func body(_ value: some Encodable) -> ResponseBody {
    ResponseBody(byteBuffer: ByteBuffer(string: text(value)))
  }

  /// The JSON text of a body: sorted keys, slashes unescaped.
  static func text(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
  }

  static func json(_ value: some Encodable, status: HTTPResponse.Status, headers extra: HTTPFields = [:])
    -> Response
  {
    var headers = jsonHeaders
    headers.append(contentsOf: extra)
    return Response(status: status, headers: headers, body: body(value))
  }
}
