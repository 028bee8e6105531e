import Foundation

/// Verification codes printed on certificates, and the keyed hash the public site holds.
///
/// A code is 16 random characters of Crockford's base-32 alphabet (80 bits, from the system's
/// cryptographic generator), shown as `XXXX-XXXX-XXXX-XXXX`. The site publishes, per
/// certificate, only SHA-256 of the programme's random salt, the number and the code: a reader
/// learns nothing of who was certified. The salt is public (the page's script needs it), so the
/// code's length is the whole defence against an offline search for a valid code of a known
/// number: 2⁸⁰ SHA-256 computations, out of reach of any GPU farm (60 bits, the first design,
/// was within reach of a determined one). Codes issued before keep verifying: the digest is
/// over whatever code the ledger holds.
public enum VerificationCode {
  /// Crockford's base 32: no I, L, O or U, so codes read aloud and typed by hand survive.
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// A new code.
  public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
    var characters: [Character] = []
    for index in 0..<16 {
      if index > 0, index % 4 == 0 { characters.append("-") }
      characters.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))])
    }
    return String(characters)
  }

  /// A code as typed, in canonical form: upper case, without spaces or hyphens, with the
  /// letters people confuse read as Crockford does (O → 0, I and L → 1). Full-width input is
  /// folded first.
  public static func canonical(_ text: String) -> String {
    var result = ""
    for character in text.precomposedStringWithCompatibilityMapping.uppercased() {
      switch character {
      case " ", "-", "\u{3000}": continue
      case "O": result.append("0")
      case "I", "L": result.append("1")
      default: result.append(character)
      }
    }
    return result
  }

  /// The hex digest published for a certificate: SHA-256 of
  /// `kenshu-certificate-v1\n SALT \n NUMBER \n CANONICAL-CODE` (newline-separated). The page's
  /// script computes the same from what the visitor types.
  public static func digest(salt: String, number: String, code: String) -> String {
    let text =
      "kenshu-certificate-v1\n\(salt)\n\(number.precomposedStringWithCompatibilityMapping.trimmingWhitespaceScalars())\n\(canonical(code))"
    return SHA256Digest.hash(Array(text.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }

  /// A new salt: 32 hex digits.
  public static func salt<G: RandomNumberGenerator>(using generator: inout G) -> String {
    (0..<16).map { _ in
      let hex = String(UInt8.random(in: 0...255, using: &generator), radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }
}

extension String {
  fileprivate func trimmingWhitespaceScalars() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
