import ArgumentParser
import Foundation
import KenshuReports

/// `kenshu report PROGRAMME`: the programme report (実施報告) for a committee.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: Language.say(
      ja: "プログラムの実施報告: 印刷用の A4 HTML、report.json、tables.xlsx。",
      en: "Programme report (実施報告): printable A4 HTML, report.json and tables.xlsx."),
    discussion: Language.say(
      ja: """
        目的、日程、セッションと時間数、講師、プログラムが該当する事業項目、職種 × 市区町村別の参加者、出席と修了（<attendance> の記録から）、--responses からの評価の要点をまとめます。氏名を含むので private/report-PROGRAMME/ に書き出します。--shareable は氏名を除き、少ない人数を伏せます（docs/reports.md、docs/privacy.md）。
        """,
      en: """
        Purpose, dates, sessions and hours, instructors, the work items (事業項目) the programme \
        serves, participants by profession × municipality, attendance and completion (from \
        <attendance> records), and the evaluation's highlights from --responses. Written to \
        private/report-PROGRAMME/ (it names people); --shareable leaves names out and suppresses \
        small counts (docs/reports.md, docs/privacy.md).
        """)
  )

  @Argument(help: .say(ja: "プログラムの ID。", en: "Programme id.")) var programme: String
  @Option(
    parsing: .upToNextOption,
    help: .say(
      ja: "評価アンケートの回答（kenshu evaluate と同じもの）。", en: "Evaluation survey responses (as for kenshu evaluate)."))
  var responses: [String] = []
  @Option(
    help: .say(
      ja: "回答が答えたアンケート（省略時: セッションが指定しているもの、なければ PROGRAMME-eval）。",
      en: "Survey the responses answer (default: the one a session names, else PROGRAMME-eval)."))
  var survey: String?
  @Option(
    help: .say(
      ja: "この年度（4 月〜翌年 3 月）のコースだけ。例: 2026。",
      en: "Only courses of this fiscal year (年度: April to March), e.g. 2026.")) var fiscalYear: Int?
  @Flag(
    help: .say(ja: "外部に渡す写し: 氏名を載せず、少ない人数は伏せます。", en: "A copy to pass on: no names, small counts suppressed.")
  ) var shareable = false
  @Option(
    name: .shortAndLong,
    help: .say(
      ja: "書き出すフォルダー（省略時: private/report-PROGRAMME[-shareable]）。",
      en: "Folder to write (default: private/report-PROGRAMME[-shareable])."))
  var out: String?

  func validate() throws {
    for path in responses where !FileManager.default.fileExists(atPath: path) {
      throw argumentError(ja: "ファイル \(path) がありません", en: "no such file: \(path)")
    }
    if let fiscalYear, !(1990...2200).contains(fiscalYear) {
      throw argumentError(
        ja: "--fiscal-year には 2026 のように年度を指定してください", en: "--fiscal-year takes a year such as 2026")
    }
  }

  func run() throws {
    let project = try ProjectInput.load()
    let folder = try PrivateOutput.path(
      out, defaultName: "report-\(programme)" + (shareable ? "-shareable" : ""))
    try PrivateOutput.prepare(folder)
    do {
      let (_, diagnostics) = try writeProgrammeReport(
        project: project, root: ProjectInput.root, programme: programme, survey: survey,
        responses: responses.map { URL(fileURLWithPath: $0) }, fiscalYear: fiscalYear, shareable: shareable,
        to: folder)
      DiagnosticPrinter(format: .text).print(diagnostics)
      Console.error(
        ja: "\(PrivateOutput.display(folder))/ に index.html, report.json, tables.xlsx を書き出しました"
          + (shareable ? "（外部提供用: 氏名なし、少ない人数は秘匿）" : "（氏名を含みます。主催者のみで扱ってください）"),
        en: "wrote \(PrivateOutput.display(folder))/index.html, report.json and tables.xlsx"
          + (shareable
            ? " (shareable: no names, small counts suppressed)" : " (names people: organisers only)"))
      if diagnostics.hasErrors { throw ExitCode(1) }
    } catch let error as ProgrammeReportError {
      throw ValidationError(error.description)
    }
  }
}
