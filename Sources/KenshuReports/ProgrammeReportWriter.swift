import Foundation
import KenshuEvaluation
import KenshuModel
import KenshuSite
import KenshuTabular

extension ProgrammeReport {
  /// `report.json`: sorted keys, undefined figures null.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The printable page (`index.html`).
  public func html() -> String { ProgrammeReportPage(report: self).html() }

  /// What the top of every printed page says: the programme, its edition and which copy it is.
  var printedLabel: String {
    title + (edition.map { " · \($0) 版" } ?? "") + (shareable ? " · 提出用" : " · 主催者用")
  }

  /// The report's tables as sheets: courses, instructors, participants, attendance, evaluation.
  /// Suppressed counts are empty cells, as in the CSV files of `kenshu evaluate`.
  public func tables() -> [XLSXSheet] {
    func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    var sheets = [
      XLSXSheet(
        name: "courses",
        rows: [["course", "title", "date", "start", "end", "mode", "sessions", "learning_minutes"]]
          + courses.map {
            [
              $0.id, $0.title, $0.date ?? "", $0.start ?? "", $0.end ?? "", $0.mode ?? "",
              String($0.sessions),
              String($0.learningMinutes),
            ]
          })
    ]
    sheets.append(
      XLSXSheet(
        name: "instructors",
        rows: [shareable ? ["profession", "sessions"] : ["id", "name", "profession", "sessions"]]
          + instructors.map {
            shareable
              ? [$0.profession, String($0.sessions)]
              : [$0.id ?? "", $0.name ?? "", $0.profession, String($0.sessions)]
          }))
    if let table = participants {
      var rows = [["profession"] + table.columnLabels + ["total"]]
      for (r, label) in table.rowLabels.enumerated() {
        rows.append(
          [label] + table.cells[r].map { $0.map(String.init) ?? "" } + [
            table.rowTotals[r].map(String.init) ?? ""
          ])
      }
      rows.append(
        ["total"] + table.columnTotals.map { $0.map(String.init) ?? "" } + [
          table.total.map(String.init) ?? ""
        ])
      sheets.append(XLSXSheet(name: "participants", rows: rows))
    }
    if let attendance {
      sheets.append(
        XLSXSheet(
          name: "attendance",
          rows: [["session", "title", "attended", "enrolled"]]
            + attendance.sessions.map { [$0.id, $0.title, String($0.attended), String(attendance.enrolled)] }
            + attendance.awards.map {
              ["award:" + $0.id, $0.title, String($0.eligible), String(attendance.enrolled)]
            }
        ))
    }
    var evaluationRows = [["survey", "item", "text", "n", "top2box", "mean"]]
    for evaluation in evaluations {
      for item in evaluation.items {
        evaluationRows.append(
          [evaluation.survey, item.item, item.text, String(item.n), number(item.top2box), number(item.mean)])
      }
    }
    sheets.append(XLSXSheet(name: "evaluation", rows: evaluationRows))
    return sheets
  }

  /// Writes `index.html`, `report.css`, `report.json` and `tables.xlsx` into `folder`.
  public func write(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(html().utf8).write(to: folder.appendingPathComponent("index.html"), options: .atomic)
    try Data((ProgrammeReportStyle.css + "\n" + PrintedEdition.pageRule(printedLabel)).utf8).write(
      to: folder.appendingPathComponent("report.css"), options: .atomic)
    try json().write(to: folder.appendingPathComponent("report.json"), options: .atomic)
    try XLSXWriter.data(sheets: tables()).write(
      to: folder.appendingPathComponent("tables.xlsx"), options: .atomic)
  }
}

/// Builds and writes the programme report of `programmeID` (`kenshu report`): evaluates each
/// response file set against its survey with the same statistics as `kenshu evaluate`, reads the
/// purpose from `content/`, and writes into `folder`.
///
/// - Parameters:
///   - responses: response files of `survey` (default: the survey one of the programme's
///     sessions names, else `PROGRAMME-eval`).
/// - Returns: the report and the evaluation's diagnostics (unreadable rows and the like).
public func writeProgrammeReport(
  project: Project, root: URL, programme programmeID: String, survey surveyID: String? = nil,
  responses: [URL] = [], fiscalYear: Int? = nil, shareable: Bool = false, to folder: URL
) throws -> (ProgrammeReport, [Diagnostic]) {
  guard let programme = project.programme(programmeID) else {
    throw ProgrammeReportError.unknownProgramme(programmeID, known: project.programmes.map(\.id))
  }
  var diagnostics: [Diagnostic] = []
  var evaluations: [EvaluationReport] = []
  if !responses.isEmpty {
    let named = programme.courses.flatMap(\.sessions).compactMap(\.survey)
    let id = surveyID ?? named.first ?? "\(programme.id)-eval"
    guard let survey = project.survey(id) else { throw ProgrammeReportError.unknownSurvey(id) }
    let (report, found) = evaluate(survey: survey, responseFiles: responses)
    evaluations.append(report)
    diagnostics += found
  }
  var purpose: String?
  switch programme.purpose?.source {
  case .inline(let text): purpose = text
  case .file(let path):
    purpose = try? String(
      contentsOf: root.appendingPathComponent("content").appendingPathComponent(path), encoding: .utf8)
  case nil: purpose = nil
  }
  let report = ProgrammeReport(
    project: project, programme: programme, fiscalYear: fiscalYear, purpose: purpose,
    evaluations: evaluations, shareable: shareable)
  try report.write(to: folder)
  return (report, diagnostics)
}

/// Why `kenshu report` cannot start.
public enum ProgrammeReportError: Error, CustomStringConvertible {
  case unknownProgramme(String, known: [String])
  case unknownSurvey(String)

  public var description: String {
    switch self {
    case .unknownProgramme(let id, let known):
      "研修プログラム「\(id)」がありません（あるもの: \(known.joined(separator: ", "))） / no programme \(id)"
    case .unknownSurvey(let id):
      "アンケート「\(id)」がありません（--survey で指定してください） / no survey \(id); name it with --survey"
    }
  }
}
