import ArgumentParser
import Foundation
import KenshuEvaluation
import KenshuModel

struct SurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: "List the project's surveys, or write an empty response sheet for paper answers.",
    subcommands: [List.self, Template.self]
  )

  static func survey(_ id: String, in project: Project) throws -> Survey {
    guard let survey = project.survey(id) else {
      let known = project.surveys.map(\.id).joined(separator: ", ")
      throw argumentError(
        ja: "アンケート「\(id)」がありません（アンケート: \(known.isEmpty ? "なし" : known)）",
        en: "no survey \"\(id)\" (surveys: \(known.isEmpty ? "none" : known))")
    }
    return survey
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List surveys and their items (docs/evaluation.md).")

    enum Format: String, CommandOutputFormat {
      case table, json
      static let standard = Format.table
    }
    @OptionGroup var output: FormatOption<Format>

    func run() throws {
      let surveys = try ProjectInput.load().surveys
      switch output.format {
      case .json:
        FileHandle.standardOutput.write(try SurveyListing.json(surveys))
        FileHandle.standardOutput.write(Data("\n".utf8))
      case .table:
        FileHandle.standardOutput.write(Data(SurveyListing.table(surveys).utf8))
      }
    }
  }

  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template",
      abstract:
        "Write an empty response sheet in Kenshu's CSV format (participant, then one column per item).")

    @Argument(help: "Survey id.") var surveyID: String
    @Option(name: .shortAndLong, help: "CSV file to write (default: standard output).") var out: String?

    func run() throws {
      let survey = try SurveyCommand.survey(surveyID, in: ProjectInput.load())
      let data = surveyTemplateCSV(survey)
      guard let out, out != "-" else {
        FileHandle.standardOutput.write(data)
        return
      }
      let url = URL(fileURLWithPath: out)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
      Console.error(ja: "\(out) に書き出しました", en: "wrote \(out)")
    }
  }
}

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Summarise survey responses: report (index.html), summary.json and CSV tables.",
    discussion: """
      Reads Google Forms, Microsoft Forms, LimeSurvey and Kenshu CSV exports (UTF-8, BOM or \
      Shift_JIS/CP932). Every row is accounted for. Breakdowns hide cells under --min-cell \
      people and every cell that would give one away (docs/privacy.md). Free-text answers appear only in organiser output: \
      the report goes to private/evaluation-SURVEY/ unless --out says otherwise; --shareable \
      leaves free text out. docs/evaluation.md describes every field.
      """
  )

  @Option(help: "Survey id.") var survey: String
  @Option(parsing: .upToNextOption, help: "Response files.") var responses: [String] = []
  @Option(help: "Responses to the test before the training (paired by participant id).") var pre: String?
  @Option(help: "Responses to the test after the training.") var post: String?
  @Option(help: "Break results down by profession or a single-choice item id.") var by: String?
  @Option(help: "Smallest group shown in breakdowns.") var minCell = 5
  @Option(help: "Column map file (docs/evaluation.md).") var map: String?
  @Flag(help: "Keep LimeSurvey responses that were never submitted (empty submitdate); excluded by default.")
  var includeIncomplete = false
  @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
  var sheet: String?
  @Option(name: .shortAndLong, help: "Folder to write (default: private/evaluation-SURVEY).") var out: String?
  @Flag(help: "Leave free-text answers out, for a copy to pass on.") var shareable = false
  @OptionGroup var output: FormatOption<TablesFormat>

  enum TablesFormat: String, CommandOutputFormat {
    case csv, xlsx
    static let standard = TablesFormat.csv
    static let note: String? = "xlsx: the CSV tables also as one workbook, tables.xlsx (one sheet per table)."
  }

  func validate() throws {
    if responses.isEmpty && (pre == nil || post == nil) {
      throw argumentError(
        ja: "--responses ファイル… か、--pre ファイル と --post ファイル の両方を指定してください",
        en: "give --responses FILE… or both --pre FILE and --post FILE")
    }
    if (pre == nil) != (post == nil) {
      throw argumentError(ja: "--pre と --post は一緒に指定してください", en: "--pre and --post go together")
    }
    if minCell < 1 {
      throw argumentError(ja: "--min-cell は 1 以上にしてください", en: "--min-cell must be at least 1")
    }
    for path in responses + [pre, post, map].compactMap({ $0 })
    where !FileManager.default.fileExists(atPath: path) {
      throw argumentError(ja: "ファイル \(path) がありません", en: "no such file: \(path)")
    }
  }

  func run() throws {
    let project = try ProjectInput.load()
    let definition = try SurveyCommand.survey(survey, in: project)
    let postSurvey = post != nil ? definition.pairedWith.flatMap { project.survey($0) } : nil
    let (report, diagnostics) = evaluate(
      survey: definition, responseFiles: responses.map { URL(fileURLWithPath: $0) },
      pre: pre.map { URL(fileURLWithPath: $0) }, post: post.map { URL(fileURLWithPath: $0) },
      postSurvey: postSurvey, by: by, minCell: minCell, map: map.map { URL(fileURLWithPath: $0) },
      sheet: sheet, includeIncomplete: includeIncomplete)
    DiagnosticPrinter(format: .text).print(diagnostics)
    let folder = try PrivateOutput.path(out, defaultName: "evaluation-\(survey)")
    try PrivateOutput.prepare(folder)
    try writeReport(
      report, to: folder, freeText: !shareable, workbook: output.format == .xlsx,
      runningHead: PrintedEdition.evaluationHead(survey: definition, in: project, shareable: shareable))
    Console.error(
      ja: "\(PrivateOutput.display(folder))/ に index.html, summary.json と CSV の表を書き出しました"
        + (output.format == .xlsx ? "（tables.xlsx も）" : "")
        + (shareable ? "（自由記述なし）" : "（自由記述の回答を含みます。主催者のみで扱ってください）"),
      en: "wrote \(PrivateOutput.display(folder))/index.html, summary.json and CSV tables"
        + (output.format == .xlsx ? " (also as tables.xlsx)" : "")
        + (shareable ? " (no free text)" : " (contains free-text answers: organisers only)"))
    if diagnostics.hasErrors { throw ExitCode(1) }
  }
}
