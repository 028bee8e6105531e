import ArgumentParser
import Foundation
import KenshuModel
import KenshuReports
import KenshuRosters

/// `kenshu followup`: the local trainings graduates of an instructor-training programme ran.
struct FollowUpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "followup",
    abstract: "Follow-up of instructor training (講師人材養成): local trainings graduates ran (docs/followup.md).",
    subcommands: [Import.self, Report.self]
  )

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Record local trainings from a CSV/xlsx/ods into rosters/followup-PROGRAMME.xml.",
      discussion: """
        One row per training: 修了者ID (roster ids, several separated by ;), 実施日, 都道府県, \
        市区町村, 種類, 研修名, 参加者数, one column per profession (医師, 看護師, …) and 共同講師. \
        Every row is accounted for; with any error nothing is written. A 研修ID column keeps ids \
        stable; without one, rows are r + their row number, so importing the same file again \
        replaces its trainings.
        """)

    @Argument(help: "The local-training file (CSV, TSV, .xlsx, .ods).") var file: String
    @Option(help: "Programme whose graduates ran the trainings.") var programme: String
    @Option(help: "Roster of the graduates (default: the programme's, else the roster with its id).")
    var roster: String?
    @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
    var sheet: String?
    @Flag(help: "Show what would be recorded; write nothing.") var dryRun = false

    func run() throws {
      let project = try ProjectInput.load()
      let importer: FollowUpImport
      do {
        importer = try FollowUpImport(project: project, programme: programme, roster: roster)
      } catch {
        throw ValidationError(error.description)
      }
      let result = importer.run(
        file: URL(fileURLWithPath: file), sheet: sheet, root: ProjectInput.root, dryRun: dryRun)
      DiagnosticPrinter(format: .text).print(result.diagnostics)
      FileHandle.standardOutput.write(Data(result.report(dryRun: dryRun).utf8))
      if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
  }

  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Follow-up report: printable A4 HTML, followup.json and tables.xlsx.",
      discussion: """
        By prefecture or region: graduates, how many ran at least one local training, how many \
        trainings and how many people they reached, by profession. Written to \
        private/followup-PROGRAMME/ (it names people); --shareable lists no training, names no \
        one and suppresses small counts (docs/followup.md, docs/privacy.md).
        """)

    @Argument(help: "Programme id (of the <followup> records).") var programme: String
    @Option(help: "prefecture (都道府県) or region (地方).") var by = "prefecture"
    @Option(help: "Only trainings of this fiscal year (年度: April to March), e.g. 2023.") var fiscalYear: Int?
    @Flag(help: "A copy to pass on: no names, no list of trainings, small counts suppressed.") var shareable =
      false
    @Option(name: .shortAndLong, help: "Folder to write (default: private/followup-PROGRAMME[-shareable]).")
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
