extension GroupFormationResult {
  /// One line per person per round: `round,group,person id,name,profession,organisation,role`,
  /// facilitator first in each group. Profession is the Japanese label; role is `facilitator`
  /// or `participant`. RFC 4180 quoting, CRLF line ends (as Excel expects). Contains names.
  public func renderCSV() -> String {
    let people = peopleByID
    var lines = ["round,group,person id,name,profession,organisation,role"]
    for round in plan.rounds {
      for group in round.groups {
        let seated =
          (group.facilitator.map { [($0, "facilitator")] } ?? []) + group.members.map { ($0, "participant") }
        for (id, role) in seated {
          let person = people[id]
          let fields = [
            String(round.round), String(group.group), id, person?.name ?? "",
            person?.profession.japaneseLabel ?? "", person?.organisation ?? "", role,
          ]
          lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return text
    }
    return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
  }
}
