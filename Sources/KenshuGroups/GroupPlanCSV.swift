import KenshuTabular

extension GroupFormationResult {
  /// One line per person per round: `round,group,person id,name,profession,organisation,role`,
  /// facilitator first in each group. Profession is the Japanese label; role is `facilitator`
  /// or `participant`. Written by `CSVWriter` (RFC 4180 quoting, CR LF line ends as Excel
  /// expects, and its formula guard: the file is opened in spreadsheets and holds names typed
  /// by others). Contains names.
  public func renderCSV() -> String { CSVWriter(guardsFormulas: true).text(for: seatingRows) }

  /// The rows of `renderCSV()`, header first.
  public var seatingRows: [[String]] {
    let people = peopleByID
    var rows = [["round", "group", "person id", "name", "profession", "organisation", "role"]]
    for round in plan.rounds {
      for group in round.groups {
        let seated =
          (group.facilitator.map { [($0, "facilitator")] } ?? []) + group.members.map { ($0, "participant") }
        for (id, role) in seated {
          let person = people[id]
          rows.append([
            String(round.round), String(group.group), id, person?.name ?? "",
            person?.profession.japaneseLabel ?? "", person?.organisation ?? "", role,
          ])
        }
      }
    }
    return rows
  }
}
