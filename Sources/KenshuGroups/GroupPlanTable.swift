import KenshuModel
import KenshuTabular

extension GroupFormationResult {
  /// A plain-text report for the terminal: each round's tables with their members' names,
  /// Japanese profession labels and organisations; then which table each person sits at in
  /// each round; then the quality report. Contains names: personal data.
  public func renderTable() -> String {
    let people = peopleByID
    var lines: [String] = []
    for round in plan.rounds {
      lines.append("第\(round.round)ラウンド / Round \(round.round)")
      for group in round.groups {
        var heading = "  テーブル \(group.group) / Table \(group.group)"
        if let id = group.facilitator {
          heading += "  ファシリテーター / Facilitator: \(Self.describe(id, people))"
        }
        lines.append(heading)
        let rows = group.members.map { id -> [String] in
          let person = people[id]
          return [
            id, person?.name ?? "", person?.profession.japaneseLabel ?? "", person?.organisation ?? "",
          ]
        }
        lines += TextColumns.aligned(rows).map { "    " + $0 }
      }
      lines.append("")
    }
    lines.append("参加者別テーブル / Table per person")
    lines += TextColumns.aligned(tablePerPersonRows).map { "  " + $0 }
    lines.append("")
    lines += qualityLines
    return lines.joined(separator: "\n") + "\n"
  }

  /// Which table each person sits at in each round: `ID, 氏名 / Name, R1, R2, …`, facilitators
  /// last and marked （FA）, `-` for a round without a seat.
  public var tablePerPersonRows: [[String]] {
    var rows = [["ID", "氏名 / Name"] + plan.rounds.map { "R\($0.round)" }]
    let tables = tablesByPerson
    for person in participants + facilitators {
      let name = facilitators.contains(person) ? "\(person.name)（FA）" : person.name
      rows.append(
        [person.id, name] + plan.rounds.indices.map { tables[person.id]?[$0].map(String.init) ?? "-" })
    }
    return rows
  }

  /// The quality report lines (also used by the text table).
  var qualityLines: [String] {
    var lines = ["品質 / Quality"]
    let perRound = quality.distinctProfessions.enumerated().map { round, counts in
      "R\(round + 1): " + counts.map(String.init).joined(separator: " ")
    }
    let rows: [[String]] = [
      ["職種数の最小 / Min distinct professions", "\(quality.minDistinctProfessions)"],
      ["同席の重複 / Repeat pairs", "\(quality.repeatPairs)（下限 / bound \(quality.lowerBounds.repeatPairs)）"],
      [
        "同一所属の同席 / Organisation clashes",
        "\(quality.organisationClashes)（下限 / bound \(quality.lowerBounds.organisationClashes)）",
      ],
      ["同一市区町村の同席 / Municipality clashes", "\(quality.municipalityClashes)"],
      ["別席指定の違反 / Keep-apart violations", "\(quality.keepApartViolations)"],
      ["FAと同一所属 / Facilitator with own organisation", "\(quality.facilitatorOrganisationClashes)"],
      ["最適性 / Provably optimal", quality.provablyOptimal ? "はい / yes" : "不明 / not proven"],
    ]
    lines += TextColumns.aligned(rows).map { "  " + $0 }
    lines.append("  テーブル別職種数 / Distinct professions per table:")
    lines += perRound.map { "    " + $0 }
    if quality.unmet.isEmpty {
      lines.append("  満たせなかった条件 / Unmet: なし / none")
    } else {
      lines.append("  満たせなかった条件 / Unmet:")
      lines += quality.unmet.map { "    - [\($0.code)] \($0.message)" }
    }
    return lines
  }

  /// Table number of each person (participant or facilitator) in each round; nil where none.
  var tablesByPerson: [String: [Int?]] {
    var tables: [String: [Int?]] = [:]
    for (index, round) in plan.rounds.enumerated() {
      for group in round.groups {
        for id in group.members + (group.facilitator.map { [$0] } ?? []) {
          var row = tables[id] ?? Array(repeating: nil, count: plan.rounds.count)
          row[index] = group.group
          tables[id] = row
        }
      }
    }
    return tables
  }

  static func describe(_ id: String, _ people: [String: Person]) -> String {
    guard let person = people[id] else { return id }
    let organisation = person.organisation.map { "（\($0)）" } ?? ""
    return "\(person.name)\(organisation) \(id)"
  }
}

/// Left-aligned text columns that line up in a terminal, by `DisplayWidth` (kanji, kana,
/// full-width forms and emoji take two columns).
enum TextColumns {
  static func aligned(_ rows: [[String]]) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
      }.joined(separator: "  ")
    }
  }
}
