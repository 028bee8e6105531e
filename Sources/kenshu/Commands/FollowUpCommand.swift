import ArgumentParser
import Foundation
import KenshuModel
import KenshuReports
import KenshuRosters

/// `kenshu followup`: the local trainings graduates of an instructor-training programme ran.
struct FollowUpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "followup",
    abstract: Language.say(
      ja: "講師人材養成のフォローアップ: 修了者が地域で開いた研修を記録し、集計します（docs/followup.md）。",
      en: "Follow-up of instructor training (講師人材養成): local trainings graduates ran (docs/followup.md)."),
    subcommands: [Import.self, Report.self]
  )

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: Language.say(
        ja: "CSV/xlsx/ods から地域での研修を rosters/followup-PROGRAMME.xml に記録します。",
        en: "Record local trainings from a CSV/xlsx/ods into rosters/followup-PROGRAMME.xml."),
      discussion: Language.say(
        ja: """
          研修 1 件につき 1 行: 修了者ID（名簿の ID。複数なら ; で区切る）、実施日、都道府県、市区町村、種類、研修名、参加者数、職種ごとの列（医師、看護師、…）、共同講師。すべての行の結果を示し、エラーが 1 つでもあれば何も書き込みません。研修ID の列があれば ID が変わりません。なければ r と行番号を ID にするので、同じファイルをもう一度取り込むとその研修が置き換わります。
          """,
        en: """
          One row per training: 修了者ID (roster ids, several separated by ;), 実施日, 都道府県, \
          市区町村, 種類, 研修名, 参加者数, one column per profession (医師, 看護師, …) and 共同講師. \
          Every row is accounted for; with any error nothing is written. A 研修ID column keeps ids \
          stable; without one, rows are r + their row number, so importing the same file again \
          replaces its trainings.
          """))

    @Argument(
      help: .say(
        ja: "地域での研修のファイル（CSV、TSV、.xlsx、.ods）。", en: "The local-training file (CSV, TSV, .xlsx, .ods)."))
    var file: String
    @Option(help: .say(ja: "研修を開いた修了者のプログラム。", en: "Programme whose graduates ran the trainings."))
    var programme: String
    @Option(
      help: .say(
        ja: "修了者の名簿（省略時: プログラムの名簿、なければプログラムと同じ ID の名簿）。",
        en: "Roster of the graduates (default: the programme's, else the roster with its id)."))
    var roster: String?
    @OptionGroup var sheetOption: SheetOption
    @Flag(help: .say(ja: "記録される内容を表示するだけで、何も書き込みません。", en: "Show what would be recorded; write nothing."))
    var dryRun = false

    func run() throws {
      let project = try ProjectInput.load()
      let importer: FollowUpImport
      do {
        importer = try FollowUpImport(project: project, programme: programme, roster: roster)
      } catch {
        throw ValidationError(error.description)
      }
      let result = importer.run(
        file: URL(fileURLWithPath: file), sheet: sheetOption.sheet, root: ProjectInput.root, dryRun: dryRun)
      DiagnosticPrinter(format: .text).print(result.diagnostics)
      FileHandle.standardOutput.write(Data(result.report(dryRun: dryRun).utf8))
      if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: Language.say(
        ja: "フォローアップの報告書: 印刷用の A4 HTML、followup.json、tables.xlsx。",
        en: "Follow-up report: printable A4 HTML, followup.json and tables.xlsx."),
      discussion: Language.say(
        ja: """
          都道府県別または地方別に、修了者の数、地域で研修を 1 回以上開いた人の数、研修の件数、届いた人数を職種別に示します。氏名を含むので private/followup-PROGRAMME/ に書き出します。--shareable は研修の一覧も氏名も載せず、少ない人数を伏せます（docs/followup.md、docs/privacy.md）。
          """,
        en: """
          By prefecture or region: graduates, how many ran at least one local training, how many \
          trainings and how many people they reached, by profession. Written to \
          private/followup-PROGRAMME/ (it names people); --shareable lists no training, names no \
          one and suppresses small counts (docs/followup.md, docs/privacy.md).
          """))

    @Argument(
      help: .say(ja: "プログラムの ID（<followup> の記録のもの）。", en: "Programme id (of the <followup> records)."))
    var programme: String
    @Option(help: .say(ja: "prefecture（都道府県別）か region（地方別）。", en: "prefecture (都道府県) or region (地方)."))
    var by = "prefecture"
    @Option(
      help: .say(
        ja: "この年度（4 月〜翌年 3 月）の研修だけ。例: 2023。",
        en: "Only trainings of this fiscal year (年度: April to March), e.g. 2023.")) var fiscalYear: Int?
    @Flag(
      help: .say(
        ja: "外部に渡す写し: 氏名も研修の一覧も載せず、少ない人数は伏せます。",
        en: "A copy to pass on: no names, no list of trainings, small counts suppressed.")) var shareable =
      false
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出すフォルダー（省略時: private/followup-PROGRAMME[-shareable]）。",
        en: "Folder to write (default: private/followup-PROGRAMME[-shareable])."))
    var out: String?

    func validate() throws {
      guard let key = SummaryKey.parseList(by), key.count == 1, [.prefecture, .region].contains(key[0]) else {
        throw argumentError(
          ja: "--by には prefecture か region を指定してください", en: "--by takes prefecture or region")
      }
      if let fiscalYear, !(1990...2200).contains(fiscalYear) {
        throw argumentError(
          ja: "--fiscal-year には 2023 のように年度を指定してください", en: "--fiscal-year takes a year such as 2023")
      }
    }

    func run() throws {
      let project = try ProjectInput.load()
      let folder = try PrivateOutput.path(
        out, defaultName: "followup-\(programme)" + (shareable ? "-shareable" : ""))
      try PrivateOutput.prepare(folder)
      do {
        let (report, diagnostics) = try writeFollowUpReport(
          project: project, programme: programme, by: SummaryKey.parseList(by)?.first ?? .prefecture,
          fiscalYear: fiscalYear, shareable: shareable, to: folder)
        DiagnosticPrinter(format: .text).print(diagnostics)
        Console.error(
          ja: "\(PrivateOutput.display(folder))/ に index.html, followup.json, tables.xlsx を書きました"
            + "（研修 \(report.trainings) 回、参加者 \(report.reached) 人）"
            + (shareable ? "（提出用: 氏名なし・少数秘匿）" : "（主催者用: 氏名を含みます）"),
          en: "wrote \(PrivateOutput.display(folder))/index.html, followup.json and tables.xlsx"
            + " (\(report.trainings) trainings, \(report.reached) participants)"
            + (shareable
              ? " (shareable: no names, small counts suppressed)" : " (names people: organisers only)"))
      } catch let error as FollowUpReportError {
        throw ValidationError(error.description)
      }
    }
  }
}
