import KenshuModel
import KenshuRosters

/// Writes an `AttendanceRecord` as the `<attendance>` file the loader reads and validates
/// (`rosters/attendance-PROGRAMME.xml`), one `<attendee>` per line so that a diff shows who changed.
public struct AttendanceXMLWriter: Sendable {
  public init() {}

  /// The XML document, ending with a newline. Sessions are in the programme's order.
  public func xml(for record: AttendanceRecord, programme: Programme) -> String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<!-- 出席記録（個人情報）: kenshu attendance import が書きます。公開サイトには載りません。 -->",
      "<attendance xmlns=\"urn:kenshu:1\"\(attribute("programme", record.programme))>",
    ]
    let order = programme.courses.flatMap(\.sessions).map(\.id)
    for attendee in record.attendees {
      let sessions = order.filter { attendee.sessions.contains($0) }
      lines.append(
        "  <attendee"
          + attribute("person", attendee.person)
          + attribute("sessions", sessions.joined(separator: " "))
          + attribute("arrived", attendee.arrived?.description)
          + attribute("left", attendee.left?.description)
          + attribute("passed", attendee.passed.joined(separator: " "))
          + attribute("submitted", attendee.submitted.joined(separator: " ")) + "/>")
    }
    lines.append("</attendance>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func attribute(_ name: String, _ value: String?) -> String {
    guard let value, !value.isEmpty else { return "" }
    return " \(name)=\"\(Markup.escapeForXMLFile(value))\""
  }
}
