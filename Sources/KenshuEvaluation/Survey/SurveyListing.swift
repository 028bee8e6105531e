import Foundation
import KenshuModel
import KenshuTabular

/// One survey as `kenshu survey list --format json` prints it (documented, stable shape).
public struct SurveyListing: Sendable, Hashable, Codable {
  /// One item of the listing.
  public struct Item: Sendable, Hashable, Codable {
    public var id: String
    /// `likert`, `single`, `multiple`, `numeric`, `text` or `profession`.
    public var type: String
    public var text: String
    /// Likert: number of points; otherwise null.
    public var points: Int?
    /// Choice items: the options in order (profession items: the shared vocabulary); else [].
    public var options: [String]
    /// Likert: the scale id, or null.
    public var scale: String?
    public var reverse: Bool

    // Explicit so that null fields are written as null rather than left out.
    /// Writes every field, null ones included.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(type, forKey: .type)
      try container.encode(text, forKey: .text)
      try container.encode(points, forKey: .points)
      try container.encode(options, forKey: .options)
      try container.encode(scale, forKey: .scale)
      try container.encode(reverse, forKey: .reverse)
    }
  }

  public var id: String
  public var title: String
  public var items: [Item]

  /// The listing of one survey.
  public init(_ survey: Survey) {
    id = survey.id
    title = survey.title
    items = survey.items.map { item in
      Item(
        id: item.id, type: item.type.rawValue, text: item.text, points: survey.likertScale(of: item)?.points,
        options: item.type == .likert ? [] : survey.categories(of: item),
        scale: item.type == .likert ? (item.scale ?? LikertScale.builtIn[0].id) : nil, reverse: item.reverse)
    }
  }

  /// `[{"id": …, "title": …, "items": [...]}]` as UTF-8 JSON.
  public static func json(_ surveys: [Survey]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(surveys.map(SurveyListing.init))
  }

  /// A plain-text table for `--format table`: one line per item.
  public static func table(_ surveys: [Survey]) -> String {
    var out = ""
    for survey in surveys {
      out += "\(survey.id)\t\(survey.title)\n"
      for item in SurveyListing(survey).items {
        let detail =
          item.points.map { "\($0)件法 \(item.scale ?? "")" } ?? item.options.joined(separator: " / ")
        out += "  \(item.id)\t\(item.type)\t\(item.text)\t\(detail)\(item.reverse ? "\t逆転" : "")\n"
      }
    }
    return out
  }
}

/// Kenshu's own response sheet for answers typed in from paper: the header row only —
/// `participant`, then one column per item id (`ID.before`, `ID.now` for retrospective items).
/// Likert answers are typed as 1…points, choices as option labels, multiple choices joined by `;`.
public func surveyTemplate(_ survey: Survey) -> [[String]] {
  var header = ["participant"]
  for item in survey.items {
    if item.retrospective {
      header += ["\(item.id).before", "\(item.id).now"]
    } else {
      header.append(item.id)
    }
  }
  return [header]
}

/// The template as CSV bytes (UTF-8 with BOM so Excel shows Japanese correctly).
public func surveyTemplateCSV(_ survey: Survey) -> Data {
  CSVWriter(encoding: .utf8BOM).data(for: surveyTemplate(survey)).data
}
