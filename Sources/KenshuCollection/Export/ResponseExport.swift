import Foundation
import KenshuEvaluation
import KenshuModel
import KenshuTabular

/// Stored responses written out for `kenshu responses export`.
public enum ResponseExport {
  /// Kenshu's own CSV format, exactly what `kenshu evaluate` reads: `participant`, then one
  /// column per item (`ID.before`/`ID.now` for retrospective items), one row per response,
  /// oldest first. Likert as 1…points, choices as option labels, multiple choice joined by
  /// `;`, free text verbatim (quoted as CSV needs) except that text a spreadsheet would run as
  /// a formula gets `CSVWriter`'s leading apostrophe. UTF-8 with BOM so Excel shows Japanese.
  ///
  /// Columns follow the survey as defined now; answers to items since removed are left out
  /// (see `droppedAnswers`).
  public static func csv(_ responses: [StoredResponse], survey: Survey) -> Data {
    let header = surveyTemplate(survey).first ?? ["participant"]
    var rows = [header]
    for response in responses {
      let answers = response.answers
      var row = [response.participant ?? ""]
      for column in header.dropFirst() {
        row.append(answers[column].map(cell) ?? "")
      }
      rows.append(row)
    }
    return CSVWriter(encoding: .utf8BOM).data(for: rows).data
  }

  /// The text of one CSV cell for a canonical answer.
  static func cell(_ value: JSONValue) -> String {
    switch value {
    case .null: ""
    case .bool(let flag): flag ? "1" : "0"
    case .number(let number):
      number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .string(let text): text
    case .array(let values): values.map(cell).joined(separator: ";")
    case .object: ""
    }
  }

  /// How many stored answers name columns the survey no longer has.
  public static func droppedAnswers(_ responses: [StoredResponse], survey: Survey) -> Int {
    let columns = Set((surveyTemplate(survey).first ?? []).dropFirst())
    return responses.reduce(0) { total, response in
      total + response.answers.keys.filter { !columns.contains($0) }.count
    }
  }

  /// JSON: `[{"id", "participant", "receivedAt", "surveyHash", "answers": {…}}]`, oldest
  /// first; answers in their canonical stored form.
  public static func json(_ responses: [StoredResponse]) throws -> Data {
    struct Entry: Encodable {
      var id: String
      var participant: String?
      var receivedAt: String
      var surveyHash: String
      var answers: [String: JSONValue]

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(participant, forKey: .participant)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(surveyHash, forKey: .surveyHash)
        try container.encode(answers, forKey: .answers)
      }
      enum CodingKeys: String, CodingKey { case id, participant, receivedAt, surveyHash, answers }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(
      responses.map {
        Entry(
          id: $0.id, participant: $0.participant, receivedAt: $0.receivedAt, surveyHash: $0.surveyHash,
          answers: $0.answers)
      })
  }
}
