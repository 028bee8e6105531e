import ArgumentParser
import Foundation
import KenshuModel
import KenshuTabular
import KenshuTrainingDay

/// `kenshu attendance`: the reception sheet and the attendance record of a training day.
struct AttendanceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attendance",
    abstract: "Reception sheets (受付名簿) and attendance records (出席記録) of a programme (docs/training-day.md).",
    subcommands: [Sheet.self, Import.self]
  )

  struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sheet",
      abstract: "Write the printable A4 reception list (受付名簿) and its fill-in CSV/xlsx into private/.",
      discussion: """
        Trainees of the programme's roster sorted by kana, a check column per session the \
        completion rule counts, the table number from a group plan (--groups, the CSV of kenshu \
        groups), and late/early times. The CSV/xlsx, filled in, is what attendance import reads.
        """)

    @Argument(help: "Programme id.") var programme: String
    @Option(help: "Course id: a sheet for that course (day) only.") var course: String?
    @Option(help: "Group plan CSV (kenshu groups --format csv) for the table numbers.") var groups: String?
    @Option(name: .shortAndLong, help: "Folder to write into (default: private/attendance).") var out: String?

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
      abstract: "Record a filled-in attendance file against the programme's roster.",
      discussion: """
        Reads CSV (UTF-8, BOM, CP932), .xlsx or .ods: a participant column (roster id) or name \
        and kana, and one column per session id (or 出欠 for the whole day, with 遅刻/早退 times); \
        marks ○ ◯ 出 出席 1 ✓ TRUE count as present. Every row is accounted for; with any \
        error nothing is written. The record goes to rosters/attendance-PROGRAMME.xml.
        """)

    @Argument(help: "The attendance file (CSV, TSV, .xlsx, .ods).") var file: String
    @Option(help: "Programme id.") var programme: String
    @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
    var sheet: String?
    @Flag(help: "Show what would be recorded; write nothing.") var dryRun = false

    func run() throws {
      let project = try ProjectInput.load()
      let importer: AttendanceImport
      do {
        importer = try AttendanceImport(project: project, programme: programme)
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
}
