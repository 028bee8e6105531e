import Crypto
import Foundation
import KenshuEvaluation
import KenshuModel

/// A short hash of what a survey asks (item ids, types, scales, options, bounds), stored with
/// each response so that answers given to an earlier edition can be told apart. Wording
/// changes to question text count too; source positions do not.
public enum SurveyFingerprint {
  public static func of(_ survey: Survey) -> String {
    var text = "survey:\(survey.id)\n"
    for item in survey.items {
      let categories = survey.categories(of: item).joined(separator: "\u{1F}")
      text +=
        [
          item.id, item.type.rawValue, item.text, categories, item.retrospective ? "r" : "",
          item.allowOther ? "o" : "",
          item.minimum.map { "\($0)" } ?? "", item.maximum.map { "\($0)" } ?? "",
          item.maxLength.map { "\($0)" } ?? "",
          item.required ? "req" : "",
        ].joined(separator: "\u{1E}") + "\n"
    }
    let digest = SHA256.hash(data: Data(text.utf8))
    return digest.prefix(8).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }
}
