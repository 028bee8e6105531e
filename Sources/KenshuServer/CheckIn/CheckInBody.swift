import Foundation

/// The body of `POST /api/checkin`: `{"token": "…", "programme": "…", "course": "…"}`. The
/// programme and course may be left out when the server can tell them (docs/collect.md).
struct CheckInBody: Sendable, Decodable {
  /// The participant's code as typed from the slip, or what a scanner read from the slip's QR
  /// code: its link, `…/surveys/ID/?t=TOKEN` (or `#t=TOKEN`).
  var token: String
  var programme: String?
  var course: String?

  /// The longest code accepted: Kenshu's are 26 characters, 31 grouped with hyphens.
  static let maximumTokenLength = 64
  /// The longest slip link accepted.
  static let maximumLinkLength = 2048

  /// The code itself, or nil when the value cannot be one. Keyboard-like scanners end what
  /// they read with a return or a tab, so surrounding white space is dropped.
  var code: String? {
    let text = token.trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.utf8.count <= Self.maximumLinkLength else { return nil }
    let code = text.contains("://") ? Self.code(inLink: text) : text
    guard let code, !code.isEmpty, code.count <= Self.maximumTokenLength,
      code.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
    else { return nil }
    return code
  }

  /// The `t` of a slip's link, from the query or the fragment.
  static func code(inLink text: String) -> String? {
    guard let link = URLComponents(string: text) else { return nil }
    if let value = link.queryItems?.first(where: { $0.name == "t" })?.value { return value }
    guard let fragment = link.fragment else { return nil }
    var parameters = URLComponents()
    parameters.percentEncodedQuery = fragment
    return parameters.queryItems?.first { $0.name == "t" }?.value
  }
}
