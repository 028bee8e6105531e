import KenshuModel

/// Writes a `Roster` as the XML roster the definitions loader and RELAX NG schema read
/// (`urn:kenshu:1`), one `person` per line so that diffs of a version-controlled roster show
/// exactly who changed.
///
/// Attributes with no value are left out; `roles` lists roles in a fixed order
/// (trainee instructor facilitator organiser); keep-apart ids are sorted; progress and
/// qualifications keep the roster's order.
public struct RosterXMLWriter: Sendable {
  /// The `xml:lang` of the roster.
  public var language: String

  public init(language: String = "ja") {
    self.language = language
  }

  /// The XML document, ending with a newline.
  public func xml(for roster: Roster) -> String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<roster xmlns=\"urn:kenshu:1\"\(attribute("id", roster.id))\(attribute("xml:lang", language))>",
    ]
    if let title = roster.title, !title.isEmpty {
      lines.append("  <title>\(Markup.escapeForXMLFile(title))</title>")
    }
    for person in roster.people {
      lines.append(contentsOf: personLines(person))
    }
    lines.append("</roster>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func personLines(_ person: Person) -> [String] {
    let roles = PersonRole.allCases.filter { person.roles.contains($0) }.map(\.rawValue).joined(
      separator: " ")
    let attributes =
      attribute("id", person.id) + attribute("name", person.name) + attribute("kana", person.kana)
      + attribute("profession", person.profession.rawValue) + attribute("organisation", person.organisation)
      + attribute("prefecture", person.prefecture) + attribute("municipality", person.municipality)
      + attribute("roles", roles) + attribute("email", person.email)
    var children: [String] = []
    for other in person.keepApart.sorted() {
      children.append("<keep-apart\(attribute("person", other))/>")
    }
    for progress in person.progress {
      children.append(
        "<progress" + attribute("programme", progress.programme) + attribute("stage", progress.stage.rawValue)
          + attribute("date", progress.date)
          + attribute("ran-local-training", progress.ranLocalTraining.map { "\($0)" })
          + "/>")
    }
    for qualification in person.qualifications {
      children.append(
        "<qualification" + attribute("subject", qualification.subject)
          + attribute("role", qualification.role.rawValue) + attribute("date", qualification.date)
          + attribute("edition", qualification.edition) + "/>")
    }
    guard !children.isEmpty else { return ["  <person\(attributes)/>"] }
    return ["  <person\(attributes)>"] + children.map { "    " + $0 } + ["  </person>"]
  }

  /// ` name="value"`, or nothing when the value is nil or empty.
  private func attribute(_ name: String, _ value: String?) -> String {
    guard let value, !value.isEmpty else { return "" }
    return " \(name)=\"\(Markup.escapeForXMLFile(value))\""
  }

}
