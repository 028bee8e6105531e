import KenshuModel
import KenshuTabular

/// Writes a `Roster` as a CSV that `RosterImport` reads back unchanged, with Japanese headers,
/// for people who edit rosters in Excel.
///
/// Columns: ID, 氏名, ふりがな, 職種 (Japanese label), 所属, 都道府県, 市区町村, 役割 (Japanese
/// labels joined with ・), メール, 同席不可 (ids joined with ・), one column per stage of
/// `programme` (date, or 済 when the date is unknown), 地域研修実施 (はい/いいえ) and 資格
/// (`subject:role` joined with ・). Progress of other programmes is not written.
public struct RosterCSVWriter: Sendable {
  public var programme: String?
  public var writer: CSVWriter

  /// - Parameters:
  ///   - programme: whose stage columns to write; nil writes no stage columns.
  ///   - writer: separator, line ending and encoding (default UTF-8 with BOM, for Excel).
  public init(programme: String? = nil, writer: CSVWriter = CSVWriter(encoding: .utf8BOM)) {
    self.programme = programme
    self.writer = writer
  }

  /// The header and one row per person.
  public func rows(for roster: Roster) -> [[String]] {
    var header = ["ID", "氏名", "ふりがな", "職種", "所属", "都道府県", "市区町村", "役割", "メール", "同席不可"]
    if programme != nil { header += ProgrammeStage.allCases.map(\.japaneseLabel) + ["地域研修実施"] }
    header.append("資格")
    let rows = roster.people.map { person -> [String] in
      var row = [
        person.id, person.name, person.kana ?? "", person.profession.japaneseLabel, person.organisation ?? "",
        person.prefecture ?? "", person.municipality ?? "",
        PersonRole.allCases.filter { person.roles.contains($0) }.map(\.japaneseLabel).joined(separator: "・"),
        person.email ?? "", person.keepApart.sorted().joined(separator: "・"),
      ]
      if let programme {
        let progress = person.progress.filter { $0.programme == programme }
        row += ProgrammeStage.allCases.map { stage in
          guard let entry = progress.first(where: { $0.stage == stage }) else { return "" }
          return entry.date ?? "済"
        }
        switch progress.first(where: { $0.stage == .followUp })?.ranLocalTraining {
        case true: row.append("はい")
        case false: row.append("いいえ")
        case nil: row.append("")
        }
      }
      row.append(person.qualifications.map { "\($0.subject):\($0.role.rawValue)" }.joined(separator: "・"))
      return row
    }
    return [header] + rows
  }

  /// The CSV bytes; warnings name lines that lost characters when writing CP932.
  public func data(for roster: Roster, file: String = "") -> EncodedText {
    writer.data(for: rows(for: roster), file: file)
  }
}
