import Foundation
import KenshuModel
import KenshuRosters
import KenshuSite
import KenshuTabular

extension FollowUpReport {
  /// `followup.json`: sorted keys, suppressed and undefined figures null.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The printable page (`index.html`).
  public func html() -> String { FollowUpReportPage(report: self).html() }

  /// The report's tables as sheets: areas, reached (area × profession), kinds, and — organiser
  /// copy only — trainings. Suppressed counts are empty cells.
  public func tables() -> [XLSXSheet] {
    func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }
    var sheets = [
      XLSXSheet(
        name: "areas",
        rows: [[by, "graduates", "ran_local_training", "rate", "trainings", "reached"]]
          + areas.map {
            [
              $0.label, cell($0.graduates), cell($0.ranTraining), $0.rate.map { String($0) } ?? "",
              cell($0.trainings), cell($0.reached),
            ]
          }
          + [
            [
              "total", cell(graduates), cell(ranTraining), rate.map { String($0) } ?? "", String(trainings),
              String(reached),
            ]
          ])
    ]
    var reachedRows = [[by] + reachedTable.columnLabels + ["total"]]
    for (r, label) in reachedTable.rowLabels.enumerated() {
      reachedRows.append([label] + reachedTable.cells[r].map(cell) + [cell(reachedTable.rowTotals[r])])
    }
    reachedRows.append(["total"] + reachedTable.columnTotals.map(cell) + [cell(reachedTable.total)])
    sheets.append(XLSXSheet(name: "reached", rows: reachedRows))
    sheets.append(
      XLSXSheet(
        name: "kinds",
        rows: [["kind", "label", "trainings", "reached"]]
          + kinds.map { [$0.kind, $0.label, cell($0.trainings), cell($0.reached)] }))
    if !shareable {
      sheets.append(
        XLSXSheet(
          name: "trainings",
          rows: [
            [
              "id", "date", "prefecture", "municipality", "kind", "title", "graduates", "co_instructors",
              "participants",
            ]
          ]
            + trainingList.map {
              [
                $0.id, $0.date ?? "", $0.prefecture ?? "", $0.municipality ?? "", $0.kind, $0.title ?? "",
                $0.graduates.joined(separator: "; "), $0.coInstructors.joined(separator: "; "),
                String($0.participants),
              ]
            }))
    }
    return sheets
  }

  /// Writes `index.html`, `report.css`, `followup.json` and `tables.xlsx` into `folder`.
  public func write(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(html().utf8).write(to: folder.appendingPathComponent("index.html"), options: .atomic)
    let label = title + "（\(programme)）フォローアップ" + (shareable ? " · 提出用" : " · 主催者用")
    try Data((FollowUpReportStyle.css + "\n" + PrintedEdition.pageRule(label)).utf8).write(
      to: folder.appendingPathComponent("report.css"), options: .atomic)
    try json().write(to: folder.appendingPathComponent("followup.json"), options: .atomic)
    try XLSXWriter.data(sheets: tables()).write(
      to: folder.appendingPathComponent("tables.xlsx"), options: .atomic)
  }
}

/// Builds and writes the follow-up report of `programme` (`kenshu followup report`) into
/// `folder`. Throws when the programme's graduates have no roster; a programme without any
/// `<followup>` record gives a report of zeros and a `followup-no-trainings` warning.
public func writeFollowUpReport(
  project: Project, programme: String, by key: SummaryKey = .prefecture, fiscalYear: Int? = nil,
  shareable: Bool = false, to folder: URL
) throws -> (FollowUpReport, [Diagnostic]) {
  guard
    let report = FollowUpReport(
      project: project, programme: programme, by: key, fiscalYear: fiscalYear, shareable: shareable)
  else {
    throw FollowUpReportError.noRoster(programme)
  }
  var diagnostics: [Diagnostic] = []
  if !project.followUps.contains(where: { $0.programme == programme }) {
    diagnostics.append(
      .warning(
        Catalogue.followUpNoTrainings, programme,
        at: SourceLocation(file: "rosters/followup-\(programme).xml")))
  }
  try report.write(to: folder)
  return (report, diagnostics)
}

/// Why `kenshu followup report` cannot start.
public enum FollowUpReportError: Error, CustomStringConvertible {
  case noRoster(String)

  public var description: String {
    switch self {
    case .noRoster(let id):
      "研修「\(id)」の修了者の名簿がありません（<followup roster=\"…\"> か <programme roster=\"…\">） / "
        + "no roster of the graduates of \(id)"
    }
  }
}
