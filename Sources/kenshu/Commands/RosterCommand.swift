import ArgumentParser
import Foundation
import KenshuModel
import KenshuRosters

extension ReportFormat: CommandOutputFormat {
  static let standard = ReportFormat.table
  static let note: String? = "xlsx: a workbook, written to a file."
}

struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: "Import, count and follow up rosters (名簿). Rosters are personal data.",
    subcommands: [Import.self, Summary.self, Progress.self, Tokens.self]
  )

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Convert a CSV roster (UTF-8, UTF-8 BOM or Shift_JIS/CP932) into an XML roster.",
      discussion: """
        Headers may be Japanese or English (docs/rosters.md lists them); --map FILE maps other \
        headers (lines of `column,field`). Every row is accounted for: read, imported, rejected. \
        With rejected rows nothing is written unless --skip-bad-rows.
        """)

    @Argument(help: "The CSV, TSV, .xlsx or .ods file.") var file: String
    @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
    var sheet: String?
    @Option(name: .shortAndLong, help: "XML file to write (default: rosters/<file name>.xml).") var out:
      String?
    @Option(help: "Header mapping file (lines of `column,field`).") var map: String?
    @Option(help: "Roster id (default: from the file name).") var id: String?
    @Option(help: "Roster title.") var title: String?
    @Option(help: "Programme id that stage columns refer to (default: the roster id).") var programme: String?
    @Flag(help: "Write the roster even when some rows were rejected (they are listed).") var skipBadRows =
      false
    @Option(
      help: ArgumentHelp(
        "Everyone who completed the programme earns this qualification (SUBJECT or SUBJECT:ROLE, role facilitator or instructor), dated with their completion date.",
        valueName: "subject[:role]"))
    var grant: String?
    @Option(help: "Edition of the instructor-training programme recorded with --grant.") var edition: String?

    func validate() throws {
      if let grant {
        let parts = grant.split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
          parts.count == 1 || [.facilitator, .instructor].contains(PersonRole(parsing: parts[1]))
        else {
          throw argumentError(
            ja: "--grant は 研修ID か 研修ID:facilitator|instructor の形で指定してください",
            en: "--grant takes SUBJECT or SUBJECT:facilitator|instructor")
        }
      }
      if edition != nil && grant == nil {
        throw argumentError(ja: "--edition は --grant と一緒に使います", en: "--edition goes with --grant")
      }
    }

    func run() throws {
      let url = URL(fileURLWithPath: file)
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw argumentError(ja: "ファイル \(file) がありません", en: "no such file: \(file)")
      }
      var options = RosterImport.Options(rosterID: id, title: title, programme: programme)
      options.read.sheet = sheet
      if let grant {
        let parts = grant.split(separator: ":").map(String.init)
        options.grantOnCompletion = QualificationGrant(
          subject: parts[0],
          role: parts.count == 2 ? PersonRole(parsing: parts[1]) ?? .facilitator : .facilitator,
          edition: edition)
      }
      var diagnostics: [Diagnostic] = []
      if let map {
        let parsed = RosterColumnMap.read(contentsOf: URL(fileURLWithPath: map))
        options.columnMap = parsed.map
        diagnostics += parsed.diagnostics
      }
      if options.rosterID == nil {
        options.rosterID = url.deletingPathExtension().lastPathComponent
      }
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw argumentError(ja: "\(file) を読めません", en: "cannot read \(file)")
      }
      let result = RosterImport(options: options).importData(data, file: file)
      diagnostics += result.diagnostics
      DiagnosticPrinter(format: .text).print(diagnostics)
      Console.error(
        ja: "\(file): \(result.summaryText.ja.message)", en: "\(file): \(result.summaryText.en.message)")
      if diagnostics.hasErrors && !(skipBadRows && !result.roster.people.isEmpty) {
        Console.error(
          ja: "何も書き出していません。上の行を直すか、--skip-bad-rows で残りの行だけ取り込んでください",
          en: "nothing written: fix the rows above, or pass --skip-bad-rows to import the others")
        throw ExitCode(1)
      }
      let destination = URL(
        fileURLWithPath: out ?? "rosters/\(url.deletingPathExtension().lastPathComponent).xml",
        relativeTo: ProjectInput.root)
      try PrivateOutput.check(destination)
      try FileManager.default.createDirectory(
        at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(RosterXMLWriter().xml(for: result.roster).utf8).write(to: destination, options: .atomic)
      let shown = PrivateOutput.display(destination.standardizedFileURL)
      Console.error(
        ja: "\(shown) に書き出しました（\(result.rowsImported) 人）",
        en: "wrote \(shown) (\(result.rowsImported) people)")
    }
  }

  struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "summary",
      abstract: "Count people by profession, prefecture, role or stage (one key, or two for a cross-tab).")

    @Argument(help: "Rosters: XML, CSV, .xlsx, .ods, or roster ids of this project.") var rosters: [String]
    @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
    var sheet: String?
    @Option(help: "profession, prefecture, role or stage; two separated by a comma for a cross-tab.")
    var by = "profession"
    @OptionGroup var output: FormatOption<ReportFormat>
    @Option(
      name: .shortAndLong,
      help: "File to write (default: the terminal; for xlsx private/roster-summary-<by>.xlsx).")
    var out: String?
    @Option(help: "Professions to show; others are counted as other (e.g. doctor,nurse,municipal-staff).")
    var professions: String?
    @Option(help: "Programme whose stages count (for --by stage).") var programme: String?
    @Flag(help: "Suppress cells under 5 people, as for publication.") var `public` = false

    func validate() throws {
      guard !rosters.isEmpty else {
        throw argumentError(ja: "名簿を一つ以上指定してください", en: "give at least one roster")
      }
      guard let keys = SummaryKey.parseList(by), (1...2).contains(keys.count) else {
        throw argumentError(
          ja: "--by には profession, prefecture, role, stage から一つか二つを指定してください",
          en: "--by takes one or two of profession, prefecture, role, stage")
      }
      if keys.count == 2, keys[0] == keys[1] {
        throw argumentError(
          ja: "クロス集計の --by には異なる二つの項目を指定してください", en: "--by takes two different keys for a cross-tab")
      }
      if let professions {
        for item in professions.split(separator: ",") where Profession(parsing: String(item)) == nil {
          throw argumentError(ja: "職種「\(item)」はありません", en: "unknown profession \"\(item)\"")
        }
      }
    }

    func run() throws {
      let people = try RosterInput.people(rosters, sheet: sheet)
      let keys = SummaryKey.parseList(by) ?? [.profession]
      let shown = professions.map {
        Set($0.split(separator: ",").compactMap { Profession(parsing: String($0)) })
      }
      let classifier = SummaryClassifier(programme: programme, professionsShown: shown)
      let report: any SingleTableReport
      if keys.count == 2 {
        let table = RosterCrossTab(people: people, rows: keys[0], columns: keys[1], classifier: classifier)
        report = `public` ? PublicCrossTab(table) : table
      } else {
        let summary = RosterSummary(people: people, by: keys[0], classifier: classifier)
        report = `public` ? PublicSummary(summary) : summary
      }
      if output.format == .xlsx || out != nil {
        let name =
          "roster-summary-\(keys.map(\.rawValue).joined(separator: "-")).\(output.format.fileExtension)"
        try PrivateOutput.write(
          report.data(as: output.format), to: PrivateOutput.path(out, defaultName: name))
        return
      }
      let text = report.rendered(as: output.format)
      FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
  }

  struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "progress",
      abstract: "Who has completed which stage of a programme, and who is missing what.",
      discussion: "Names are personal data: CSV and JSON go to private/ unless --out says otherwise.")

    @Argument(help: "Roster: XML, CSV, .xlsx, .ods, or a roster id of this project.") var roster: String
    @Option(help: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet).")
    var sheet: String?
    @Option(help: "Programme id.") var programme: String
    @Flag(help: "Only people missing a stage.") var missing = false
    @OptionGroup var output: FormatOption<ReportFormat>
    @Option(
      name: .shortAndLong,
      help: "File to write (default for csv/json/xlsx: private/progress-<programme>.<ext>).")
    var out: String?

    func run() throws {
      let report = ProgressReport(
        roster: try RosterInput.load(roster, sheet: sheet), programme: programme, onlyMissing: missing)
      if output.format == .table && out == nil {
        FileHandle.standardOutput.write(Data(report.rendered(as: output.format).utf8))
        return
      }
      try PrivateOutput.write(
        report.data(as: output.format),
        to: PrivateOutput.path(out, defaultName: "progress-\(programme).\(output.format.fileExtension)"))
    }
  }
}
