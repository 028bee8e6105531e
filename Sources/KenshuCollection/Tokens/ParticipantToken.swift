import Crypto
import Foundation

/// One-time tokens that let each person answer a survey once.
///
/// A token is 130 bits from the system's CSPRNG (`SystemRandomNumberGenerator`: getrandom(2)
/// on Linux), written as 26 characters of Crockford base32 (no I, L, O, U: easy to read out
/// and type). Only its SHA-256 hash is stored: tokens are random, not passwords, so a plain
/// hash is enough and a stolen database reveals no usable token.
public enum ParticipantToken {
  static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

  /// A fresh token.
  public static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    return String((0..<26).map { _ in alphabet[Int(generator.next(upperBound: UInt8(32)))] })
  }

  /// The hash stored for a token: SHA-256 of its normalised text, as hex. Letters are folded
  /// to lower case and hyphens or spaces dropped, so a token typed from paper still matches.
  public static func hash(_ token: String) -> String {
    let normalised = token.lowercased().filter { $0 != "-" && $0 != " " }
    return SHA256.hash(data: Data(normalised.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }
}
