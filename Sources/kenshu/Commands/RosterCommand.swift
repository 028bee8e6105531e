import ArgumentParser
import Foundation
import KenshuModel
import KenshuRosters

extension ReportFormat: CommandOutputFormat {
  static let standard = ReportFormat.table
  static var note: String? {
    Language.say(ja: "xlsx はブックとしてファイルに書き出します。", en: "xlsx: a workbook, written to a file.")
  }
}

struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: Language.say(
      ja: "名簿の取り込み、集計、進み具合の確認。名簿は個人情報です。",
      en: "Import, count and follow up rosters (名簿). Rosters are personal data."),
    subcommands: [Import.self, Summary.self, Progress.self, Tokens.self]
  )

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: Language.say(
        ja: "CSV の名簿（UTF-8、BOM 付き UTF-8、Shift_JIS/CP932）を XML の名簿に変換します。",
        en: "Convert a CSV roster (UTF-8, UTF-8 BOM or Shift_JIS/CP932) into an XML roster."),
      discussion: Language.say(
        ja: """
          見出しは日本語でも英語でもかまいません（docs/rosters.md に一覧があります）。それ以外の見出しは --map FILE（`列名,項目` の行）で対応づけます。すべての行について、読んだ・取り込んだ・取り込めなかったを示します。取り込めない行があると、--skip-bad-rows を付けない限り何も書き込みません。
          """,
        en: """
          Headers may be Japanese or English (docs/rosters.md lists them); --map FILE maps other \
          headers (lines of `column,field`). Every row is accounted for: read, imported, rejected. \
          With rejected rows nothing is written unless --skip-bad-rows.
          """))

    @Argument(help: .say(ja: "CSV、TSV、.xlsx、.ods のファイル。", en: "The CSV, TSV, .xlsx or .ods file.")) var file:
      String
    @OptionGroup var sheetOption: SheetOption
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出す XML ファイル（省略時: rosters/<ファイル名>.xml）。",
        en: "XML file to write (default: rosters/<file name>.xml).")) var out: String?
    @Option(help: .say(ja: "見出しの対応表のファイル（`列名,項目` の行）。", en: "Header mapping file (lines of `column,field`)."))
    var map: String?
    @Option(help: .say(ja: "名簿の ID（省略時: ファイル名から）。", en: "Roster id (default: from the file name).")) var id:
      String?
    @Option(help: .say(ja: "名簿の名前。", en: "Roster title.")) var title: String?
    @Option(
      help: .say(
        ja: "段階の列が指すプログラムの ID（省略時: 名簿の ID）。",
        en: "Programme id that stage columns refer to (default: the roster id).")) var programme: String?
    @Flag(
      help: .say(
        ja: "取り込めない行があっても名簿を書き出します（その行は一覧にします）。",
        en: "Write the roster even when some rows were rejected (they are listed).")) var skipBadRows =
      false
    @Option(
      help: ArgumentHelp(
        Language.say(
          ja: "プログラムの修了者全員にこの資格を付けます（SUBJECT または SUBJECT:ROLE、ROLE は facilitator か instructor）。日付は修了日です。",
          en:
            "Everyone who completed the programme earns this qualification (SUBJECT or SUBJECT:ROLE, role facilitator or instructor), dated with their completion date."
        ),
        valueName: "subject[:role]"))
    var grant: String?
    @Option(
      help: .say(
        ja: "--grant と一緒に記録する、講師養成プログラムの版。",
        en: "Edition of the instructor-training programme recorded with --grant.")) var edition: String?

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
      options.read.sheet = sheetOption.sheet
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
      abstract: Language.say(
        ja: "職種、都道府県、役割、段階ごとに人数を数えます（1 つ、またはクロス集計なら 2 つ）。",
        en: "Count people by profession, prefecture, role or stage (one key, or two for a cross-tab)."))

    @Argument(
      help: .say(
        ja: "名簿: XML、CSV、.xlsx、.ods のファイル、またはこのプロジェクトの名簿の ID。",
        en: "Rosters: XML, CSV, .xlsx, .ods, or roster ids of this project.")) var rosters: [String]
    @OptionGroup var sheetOption: SheetOption
    @Option(
      help: .say(
        ja: "profession（職種）、prefecture（都道府県）、role（役割）、stage（段階）。クロス集計はコンマで区切って 2 つ。",
        en: "profession, prefecture, role or stage; two separated by a comma for a cross-tab."))
    var by = "profession"
    @OptionGroup var output: FormatOption<ReportFormat>
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出すファイル（省略時: 画面。xlsx は private/roster-summary-<by>.xlsx）。",
        en: "File to write (default: the terminal; for xlsx private/roster-summary-<by>.xlsx)."))
    var out: String?
    @Option(
      help: .say(
        ja: "表示する職種。ほかは「その他」として数えます（例: doctor,nurse,municipal-staff）。",
        en: "Professions to show; others are counted as other (e.g. doctor,nurse,municipal-staff)."))
    var professions: String?
    @Option(
      help: .say(ja: "段階を数えるプログラム（--by stage のとき）。", en: "Programme whose stages count (for --by stage)."))
    var programme: String?
    @Flag(
      help: .say(ja: "公表するときのように、5 人未満のセルを伏せます。", en: "Suppress cells under 5 people, as for publication."))
    var `public` = false

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
      let people = try RosterInput.people(rosters, sheet: sheetOption.sheet)
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
      abstract: Language.say(
        ja: "プログラムのどの段階を誰が終えたか、誰に何が足りないか。",
        en: "Who has completed which stage of a programme, and who is missing what."),
      discussion: Language.say(
        ja: "氏名は個人情報です。CSV と JSON は --out で指定しない限り private/ に書き出します。",
        en: "Names are personal data: CSV and JSON go to private/ unless --out says otherwise."))

    @Argument(
      help: .say(
        ja: "名簿: XML、CSV、.xlsx、.ods のファイル、またはこのプロジェクトの名簿の ID。",
        en: "Roster: XML, CSV, .xlsx, .ods, or a roster id of this project.")) var roster: String
    @OptionGroup var sheetOption: SheetOption
    @Option(help: .say(ja: "プログラムの ID。", en: "Programme id.")) var programme: String
    @Flag(help: .say(ja: "終えていない段階がある人だけ。", en: "Only people missing a stage.")) var missing = false
    @OptionGroup var output: FormatOption<ReportFormat>
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出すファイル（csv/json/xlsx の省略時: private/progress-<programme>.<ext>）。",
        en: "File to write (default for csv/json/xlsx: private/progress-<programme>.<ext>)."))
    var out: String?

    func run() throws {
      let report = ProgressReport(
        roster: try RosterInput.load(roster, sheet: sheetOption.sheet), programme: programme,
        onlyMissing: missing)
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
