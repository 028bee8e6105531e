import ArgumentParser
import Foundation
import KenshuEvaluation
import KenshuModel

struct SurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: Language.say(
      ja: "プロジェクトのアンケートを一覧にしたり、紙の回答を入力するための空の回答表を作ったりします。",
      en: "List the project's surveys, or write an empty response sheet for paper answers."),
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
      abstract: Language.say(
        ja: "アンケートとその項目を一覧にします（docs/evaluation.md）。", en: "List surveys and their items (docs/evaluation.md)."
      ))

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
        Language.say(
          ja: "Kenshu の CSV 形式（参加者の列、続いて項目ごとに 1 列）で空の回答表を書き出します。",
          en: "Write an empty response sheet in Kenshu's CSV format (participant, then one column per item).")
    )

    @Argument(help: .say(ja: "アンケートの ID。", en: "Survey id.")) var surveyID: String
    @Option(
      name: .shortAndLong,
      help: .say(ja: "書き出す CSV ファイル（省略時: 標準出力）。", en: "CSV file to write (default: standard output)."))
    var out: String?

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
    abstract: Language.say(
      ja: "アンケートの回答を集計します: 報告書（index.html）、summary.json、CSV の表。",
      en: "Summarise survey responses: report (index.html), summary.json and CSV tables."),
    discussion: Language.say(
      ja: """
        Google フォーム、Microsoft Forms、LimeSurvey、Kenshu の CSV（UTF-8、BOM 付き、Shift_JIS/CP932）を読みます。すべての行の結果を示します。内訳では --min-cell 人未満のセルと、そこから人数がわかってしまうセルをすべて伏せます（docs/privacy.md）。自由記述の回答は主催者向けの出力にだけ入ります: 報告書は --out で指定しない限り private/evaluation-SURVEY/ に書き出し、--shareable は自由記述を除きます。各項目の説明は docs/evaluation.md にあります。
        """,
      en: """
        Reads Google Forms, Microsoft Forms, LimeSurvey and Kenshu CSV exports (UTF-8, BOM or \
        Shift_JIS/CP932). Every row is accounted for. Breakdowns hide cells under --min-cell \
        people and every cell that would give one away (docs/privacy.md). Free-text answers appear only in organiser output: \
        the report goes to private/evaluation-SURVEY/ unless --out says otherwise; --shareable \
        leaves free text out. docs/evaluation.md describes every field.
        """)
  )

  @Option(help: .say(ja: "アンケートの ID。", en: "Survey id.")) var survey: String
  @Option(parsing: .upToNextOption, help: .say(ja: "回答のファイル。", en: "Response files.")) var responses:
    [String] = []
  @Option(
    help: .say(
      ja: "研修前テストの回答（参加者 ID で研修後と対応づけます）。",
      en: "Responses to the test before the training (paired by participant id).")) var pre: String?
  @Option(help: .say(ja: "研修後テストの回答。", en: "Responses to the test after the training.")) var post: String?
  @Option(
    help: .say(
      ja: "結果を職種別、または単一選択の項目 ID 別に分けて集計します。",
      en: "Break results down by profession or a single-choice item id.")) var by: String?
  @Option(help: .say(ja: "内訳に表示する最小の人数。", en: "Smallest group shown in breakdowns.")) var minCell = 5
  @Option(help: .say(ja: "列の対応表のファイル（docs/evaluation.md）。", en: "Column map file (docs/evaluation.md)."))
  var map: String?
  @Flag(
    help: .say(
      ja: "送信されなかった LimeSurvey の回答（submitdate が空）も含めます。省略時は除きます。",
      en: "Keep LimeSurvey responses that were never submitted (empty submitdate); excluded by default."))
  var includeIncomplete = false
  @OptionGroup var sheetOption: SheetOption
  @Option(
    name: .shortAndLong,
    help: .say(
      ja: "書き出すフォルダー（省略時: private/evaluation-SURVEY）。",
      en: "Folder to write (default: private/evaluation-SURVEY).")) var out: String?
  @Flag(
    help: .say(ja: "外部に渡す写しのために、自由記述の回答を除きます。", en: "Leave free-text answers out, for a copy to pass on."))
  var shareable = false
  @OptionGroup var output: FormatOption<TablesFormat>

  enum TablesFormat: String, CommandOutputFormat {
    case csv, xlsx
    static let standard = TablesFormat.csv
    static var note: String? {
      Language.say(
        ja: "xlsx は CSV の表を 1 つのブック tables.xlsx にもまとめます（表ごとに 1 シート）。",
        en: "xlsx: the CSV tables also as one workbook, tables.xlsx (one sheet per table).")
    }
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
      sheet: sheetOption.sheet, includeIncomplete: includeIncomplete)
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
