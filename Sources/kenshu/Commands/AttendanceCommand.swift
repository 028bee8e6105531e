import ArgumentParser
import Foundation
import KenshuModel
import KenshuTabular
import KenshuTrainingDay

/// `kenshu attendance`: the reception sheet and the attendance record of a training day.
struct AttendanceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attendance",
    abstract: Language.say(
      ja: "プログラムの受付名簿と出席記録を扱います（docs/training-day.md）。",
      en: "Reception sheets (受付名簿) and attendance records (出席記録) of a programme (docs/training-day.md)."),
    subcommands: [Sheet.self, Import.self]
  )

  struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sheet",
      abstract: Language.say(
        ja: "印刷用の A4 受付名簿と、記入用の CSV/xlsx を private/ に作ります。",
        en: "Write the printable A4 reception list (受付名簿) and its fill-in CSV/xlsx into private/."),
      discussion: Language.say(
        ja: """
          プログラムの名簿の受講者をかなの順に並べ、修了の条件で数えるセッションごとの確認欄、グループ分け（--groups、kenshu groups の CSV）のテーブル番号、遅刻・早退の時刻の欄を付けます。記入した CSV/xlsx を attendance import で読み込みます。
          """,
        en: """
          Trainees of the programme's roster sorted by kana, a check column per session the \
          completion rule counts, the table number from a group plan (--groups, the CSV of kenshu \
          groups), and late/early times. The CSV/xlsx, filled in, is what attendance import reads.
          """))

    @Argument(help: .say(ja: "プログラムの ID。", en: "Programme id.")) var programme: String
    @Option(
      help: .say(ja: "コースの ID。そのコース（日）の名簿だけを作ります。", en: "Course id: a sheet for that course (day) only."))
    var course: String?
    @Option(
      help: .say(
        ja: "テーブル番号を載せるためのグループ分けの CSV（kenshu groups --format csv で作ったもの）。",
        en: "Group plan CSV (kenshu groups --format csv) for the table numbers.")) var groups: String?
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出すフォルダー（省略時: private/attendance）。", en: "Folder to write into (default: private/attendance)."))
    var out: String?

    func run() throws {
      let project = try ProjectInput.load()
      let plan = try groups.map {
        ReceptionSheet.groups(fromPlan: try Table.read(contentsOf: URL(fileURLWithPath: $0)))
      }
      let sheet: ReceptionSheet
      do {
        sheet = try ReceptionSheet(
          project: project, programme: programme, course: course, groups: plan ?? [:])
      } catch {
        throw ValidationError(error.description)
      }
      let folder = try PrivateOutput.path(out, defaultName: "attendance")
      try PrivateOutput.prepare(folder)
      for file in try sheet.write(into: folder) {
        Console.error(
          ja: "\(PrivateOutput.display(file)) に書き出しました（個人情報です。外部に出さないでください）",
          en: "wrote \(PrivateOutput.display(file)) (personal data: keep it private)")
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: Language.say(
        ja: "記入済みの出欠ファイルを、プログラムの名簿と照らし合わせて記録します。",
        en: "Record a filled-in attendance file against the programme's roster."),
      discussion: Language.say(
        ja: """
          CSV（UTF-8、BOM 付き、CP932）、.xlsx、.ods を読みます。参加者の列（名簿の ID）か氏名とかなの列、セッション ID ごとの列（または 1 日分の「出欠」の列と、遅刻・早退の時刻）が必要です。○ ◯ 出 出席 1 ✓ TRUE を出席として数えます。すべての行の結果を示し、エラーが 1 つでもあれば何も書き込みません。記録は rosters/attendance-PROGRAMME.xml に入ります。
          """,
        en: """
          Reads CSV (UTF-8, BOM, CP932), .xlsx or .ods: a participant column (roster id) or name \
          and kana, and one column per session id (or 出欠 for the whole day, with 遅刻/早退 times); \
          marks ○ ◯ 出 出席 1 ✓ TRUE count as present. Every row is accounted for; with any \
          error nothing is written. The record goes to rosters/attendance-PROGRAMME.xml.
          """))

    @Argument(
      help: .say(ja: "出欠ファイル（CSV、TSV、.xlsx、.ods）。", en: "The attendance file (CSV, TSV, .xlsx, .ods)."))
    var file: String
    @Option(help: .say(ja: "プログラムの ID。", en: "Programme id.")) var programme: String
    @OptionGroup var sheetOption: SheetOption
    @Flag(help: .say(ja: "記録される内容を表示するだけで、何も書き込みません。", en: "Show what would be recorded; write nothing."))
    var dryRun = false

    func run() throws {
      let project = try ProjectInput.load()
      let importer: AttendanceImport
      do {
        importer = try AttendanceImport(project: project, programme: programme)
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
}
