import KenshuModel

/// Writes a `FollowUpRecord` as the `<followup>` file the loader reads and validates
/// (`rosters/followup-PROGRAMME.xml`), one `<local-training>` per training.
public struct FollowUpXMLWriter: Sendable {
  public init() {}

  /// The XML document, ending with a newline. Trainings by date (undated last), then id.
  public func xml(for record: FollowUpRecord) -> String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<!-- 地域研修の実施記録（個人情報）: kenshu followup import が書きます。公開サイトには載りません。 -->",
      "<followup xmlns=\"urn:kenshu:1\"\(attribute("programme", record.programme))\(attribute("roster", record.roster))>",
    ]
    for training in record.trainings.sorted(by: Self.chronological) {
      let open =
        "  <local-training"
        + attribute("id", training.id)
        + attribute("graduates", training.graduates.joined(separator: " "))
        + attribute("date", training.date)
        + attribute("prefecture", training.prefecture)
        + attribute("municipality", training.municipality)
        + attribute("kind", training.kind.rawValue)
        + attribute("participants", training.participants.map(String.init))
        + attribute("co-instructors", training.coInstructors.joined(separator: "; "))
      if training.title == nil, training.reached.isEmpty {
        lines.append(open + "/>")
        continue
      }
      lines.append(open + ">")
      if let title = training.title { lines.append("    <title>\(Markup.escapeForXMLFile(title))</title>") }
      for count in training.reached {
        lines.append(
          "    <reached" + attribute("profession", count.profession.rawValue)
            + attribute("count", String(count.count)) + "/>")
      }
      lines.append("  </local-training>")
    }
    lines.append("</followup>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Dated trainings first, by date, then by id.
  public static func chronological(_ a: LocalTraining, _ b: LocalTraining) -> Bool {
    switch (a.date, b.date) {
    case (let x?, let y?) where x != y: x < y
    case (.some, nil): true
    case (nil, .some): false
    default: a.id < b.id
    }
  }

  private func attribute(_ name: String, _ value: String?) -> String {
    guard let value, !value.isEmpty else { return "" }
    return " \(name)=\"\(Markup.escapeForXMLFile(value))\""
  }
}
