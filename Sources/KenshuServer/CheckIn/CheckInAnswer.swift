import KenshuTrainingDay

/// The body of a 200 from `POST /api/checkin`. It names no one: reception confirms the person
/// by the roster id against its list, and the answer may be on a participant's own phone.
struct CheckInAnswer: Sendable, Encodable {
  /// `recorded` now, or `already` checked in before (nothing changed).
  var status: String
  var participant: String
  var programme: String
  var course: String
  /// The sessions of the course recorded as attended.
  var sessions: [String]
  /// `HH:MM`: for `recorded`, the arrival just recorded; for `already`, the first arrival when
  /// it was late (the record keeps late arrivals' times only), absent otherwise.
  var arrival: String?
  /// Whether the arrival was after the course's start (recorded as 遅刻).
  var late: Bool

  init(status: String, programme: String, receipt: CheckInReceipt, arrival: String?) {
    self.status = status
    participant = receipt.participant
    self.programme = programme
    course = receipt.course
    sessions = receipt.sessions
    self.arrival = arrival
    late = receipt.arrived != nil
  }
}
