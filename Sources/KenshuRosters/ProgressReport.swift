import KenshuModel
import KenshuTabular

/// Who has completed which stage of a programme, and who is missing what.
///
/// Contains names: personal data. Callers write it under the private output folder
/// (`private/` by default), never into the public site.
public struct ProgressReport: Sendable, Hashable {
  /// One person's progress.
  public struct Entry: Sendable, Hashable {
    public var personID: String
    public var name: String
    public var profession: Profession
    public var organisation: String?
    /// One entry per stage in programme order; nil when the stage is not completed.
    public var stages: [ProgrammeStage: StageProgress]
    /// From the follow-up record; nil when unknown.
    public var ranLocalTraining: Bool?

    /// Stages not completed, in programme order.
    public var missing: [ProgrammeStage] { ProgrammeStage.allCases.filter { stages[$0] == nil } }
  }

  public var programme: String
  public var entries: [Entry]

  /// Builds the report for `programme`; with `onlyMissing`, people who completed every stage
  /// are left out.
  public init(roster: Roster, programme: String, onlyMissing: Bool = false) {
    self.programme = programme
    self.entries = roster.people.compactMap { person in
      var stages: [ProgrammeStage: StageProgress] = [:]
      for progress in person.progress where progress.programme == programme {
        stages[progress.stage] = progress
      }
      let entry = Entry(
        personID: person.id, name: person.name, profession: person.profession,
        organisation: person.organisation,
        stages: stages, ranLocalTraining: stages[.followUp]?.ranLocalTraining)
      return onlyMissing && entry.missing.isEmpty ? nil : entry
    }
  }

  /// How many people have not completed each stage.
  public var missingCounts: [(stage: ProgrammeStage, count: Int)] {
    ProgrammeStage.allCases.map { stage in (stage, entries.count { $0.stages[stage] == nil }) }
  }

  private func cell(_ progress: StageProgress?) -> String {
    guard let progress else { return "未" }
    return progress.date ?? "済"
  }

  private func yesNo(_ value: Bool?) -> String {
    switch value {
    case true: "はい"
    case false: "いいえ"
    case nil: "-"
    }
  }

  /// The report in `format`:
  /// - table and csv: ID, 氏名, 職種, 所属, one column per stage (date, 済 when the date is
  ///   unknown, 未 when not done), 地域研修実施 (はい/いいえ/-), 未了 (missing stages); the table
  ///   ends with the number of people missing each stage;
  /// - json: `{"programme": "koshi-2022", "people": [{"id": "p001", "name": …, "profession":
  ///   "doctor", "organisation": …, "stages": {"pre-learning": "2022-09-01" | "done" | null, …},
  ///   "ranLocalTraining": true | false | null, "missing": ["follow-up"]}, …],
  ///   "missing": {"pre-learning": 3, …}}`.
  public func rendered(as format: ReportFormat) -> String {
    let table = tableRows
    let headers = table[0]
    let rows = Array(table.dropFirst())
    switch format {
    case .table:
      let footer = missingCounts.map { "\($0.stage.japaneseLabel) 未了 \($0.count) 人" }.joined(separator: "、")
      return TerminalTable(headers: headers, rows: rows).rendered()
        + "\n\(programme): \(entries.count) 人 — \(footer)\n"
    case .csv, .xlsx:
      return CSVWriter().text(for: table)
    case .json:
      let people = entries.map { entry in
        let stages = ProgrammeStage.allCases.map { stage -> (String, String) in
          guard let progress = entry.stages[stage] else { return (stage.rawValue, "null") }
          return (stage.rawValue, JSONText.string(progress.date ?? "done"))
        }
        return JSONText.object([
          ("id", JSONText.string(entry.personID)), ("name", JSONText.string(entry.name)),
          ("profession", JSONText.string(entry.profession.rawValue)),
          ("organisation", JSONText.optional(entry.organisation)), ("stages", JSONText.object(stages)),
          ("ranLocalTraining", JSONText.optional(entry.ranLocalTraining)),
          ("missing", "[" + entry.missing.map { JSONText.string($0.rawValue) }.joined(separator: ", ") + "]"),
        ])
      }
      let missing = JSONText.object(missingCounts.map { ($0.stage.rawValue, "\($0.count)") })
      return "{\"programme\": \(JSONText.string(programme)), \"people\": \(JSONText.array(people)),\n"
        + "\"missing\": \(missing)}\n"
    }
  }
}

extension ProgressReport: SingleTableReport {
  /// The table and CSV columns: ID, 氏名, 職種, 所属, one column per stage, 地域研修実施, 未了.
  public var tableRows: [[String]] {
    let headers =
      ["ID", "氏名", "職種", "所属"] + ProgrammeStage.allCases.map(\.japaneseLabel) + ["地域研修実施", "未了"]
    return [headers]
      + entries.map { entry in
        [entry.personID, entry.name, entry.profession.japaneseLabel, entry.organisation ?? ""]
          + ProgrammeStage.allCases.map { cell(entry.stages[$0]) }
          + [yesNo(entry.ranLocalTraining), entry.missing.map(\.japaneseLabel).joined(separator: "・")]
      }
  }

  /// The programme id.
  public var sheetName: String { programme }
}
