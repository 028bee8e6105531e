import Foundation

/// The body of `POST /api/checkin`: `{"token": "…", "programme": "…", "course": "…"}`. The
/// token is the one on the participant's slip (its QR code's `t`, or the code typed); the
/// programme and course may be left out when the server can tell them (docs/collect.md).
struct CheckInBody: Sendable, Decodable {
  var token: String
  var programme: String?
  var course: String?

  /// The longest token accepted: Kenshu's are 26 characters, 31 grouped with hyphens.
  static let maximumTokenLength = 64

  /// Whether the values can be what they claim to be, before anything is looked up.
  var isWellFormed: Bool {
    let token = token.trimmingCharacters(in: .whitespaces)
    return !token.isEmpty && token.count <= Self.maximumTokenLength
      && token.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
  }
}
