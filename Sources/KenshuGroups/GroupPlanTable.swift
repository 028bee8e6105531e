import KenshuModel

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

/// Left-aligned text columns that line up in a terminal, counting East Asian wide characters
/// (kanji, kana, full-width forms) as two columns.
enum TextColumns {
  static func aligned(_ rows: [[String]]) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
      }.joined(separator: "  ")
    }
  }

  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return width + 2
      case 0x0300...0x036F, 0x200B...0x200F:
        return width
      default:
        return width + 1
      }
    }
  }
}
