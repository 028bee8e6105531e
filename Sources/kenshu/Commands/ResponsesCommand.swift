import ArgumentParser
import Foundation
import KenshuCollection
import KenshuModel

struct ResponsesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "responses",
    abstract: Language.say(
      ja: "`kenshu serve --collect` で集めた回答を書き出したり数えたりします（docs/collect.md）。",
      en: "Export or count the responses collected by `kenshu serve --collect` (docs/collect.md)."),
    subcommands: [Export.self, Count.self]
  )

  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: Language.say(
        ja: "1 つのアンケートの回答を Kenshu の CSV（`kenshu evaluate` が読む形式）か JSON で書き出します。",
        en: "Write one survey's responses as Kenshu CSV (what `kenshu evaluate` reads) or JSON."),
      discussion: Language.say(
        ja: """
          このファイルには個人情報と自由記述の回答が入ります。--out で指定しない限り private/ に書き出し、site/ には決して書きません。
          """,
        en: """
          The file holds personal data and free-text answers: it is written under private/ unless \
          --out says otherwise, and never into site/.
          """))

    enum Format: String, CommandOutputFormat {
      case csv, json
      static let standard = Format.csv
      static var note: String? { Language.say(ja: "ファイルに書き出します（--out）。", en: "Written to a file (--out).") }
    }

    @Argument(help: .say(ja: "アンケートの ID。", en: "Survey id.")) var surveyID: String
    @Option(help: CollectionInput.databaseHelp) var database: DatabaseLocation?
    @OptionGroup var output: FormatOption<Format>
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出すファイル（省略時: private/responses-SURVEY.csv|json）。",
        en: "File to write (default: private/responses-SURVEY.csv|json).")) var out: String?

    func run() async throws {
      let project = try ProjectInput.load()
      let survey = try SurveyCommand.survey(surveyID, in: project)
      let destination = try PrivateOutput.path(
        out, defaultName: "responses-\(surveyID).\(output.format.rawValue)")
      let store = try await CollectionInput.open(database)
      let responses: [StoredResponse]
      do {
        responses = try await store.responses(surveyID: surveyID)
      } catch {
        await store.close()
        throw error
      }
      await store.close()
      let current = SurveyFingerprint.of(survey)
      let older = responses.filter { $0.surveyHash != current }.count
      if older > 0 {
        Console.error(
          ja: "注記: \(older) 件の回答は \(surveyID) の以前の版に対するものです。列は現在の定義に合わせています",
          en:
            "note: \(older) responses were given to an earlier edition of \(surveyID); columns follow the current definition"
        )
      }
      let dropped = ResponseExport.droppedAnswers(responses, survey: survey)
      if output.format == .csv, dropped > 0 {
        Console.error(
          ja: "警告: \(dropped) 件の回答は \(surveyID) にもうない項目のもので、CSV には含めません",
          en: "warning: \(dropped) answers name items no longer in \(surveyID) and are left out of the CSV")
      }
      let data =
        output.format == .csv
        ? ResponseExport.csv(responses, survey: survey) : try ResponseExport.json(responses)
      try PrivateOutput.prepare(destination, isFolder: false)
      try data.write(to: destination, options: .atomic)
      Console.error(
        ja: "\(PrivateOutput.display(destination)) に回答 \(responses.count) 件を書き出しました（個人情報です。外部に出さないでください）",
        en:
          "wrote \(PrivateOutput.display(destination)): \(responses.count) responses (personal data: keep it private)"
      )
    }
  }

  struct Count: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "count",
      abstract: Language.say(
        ja: "保存された回答をアンケートごとに、修了をモジュールごとに数えます。",
        en: "Count stored responses per survey and completions per module."))

    enum Format: String, CommandOutputFormat {
      case table, json
      static let standard = Format.table
    }

    @Option(help: CollectionInput.databaseHelp) var database: DatabaseLocation?
    @OptionGroup var output: FormatOption<Format>

    func run() async throws {
      let store = try await CollectionInput.open(database)
      let counts: StoreCounts
      do {
        counts = try await store.counts()
      } catch {
        await store.close()
        throw error
      }
      await store.close()
      switch output.format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Console.output(String(decoding: try encoder.encode(counts), as: UTF8.self))
      case .table:
        if counts.responses.isEmpty && counts.completions.isEmpty {
          Console.output(ja: "回答はまだありません", en: "no responses yet")
        }
        for (survey, count) in counts.responses.sorted(by: { $0.key < $1.key }) {
          Console.output("survey\t\(survey)\t\(count)")
        }
        for (module, count) in counts.completions.sorted(by: { $0.key < $1.key }) {
          Console.output("module\t\(module)\t\(count)")
        }
      }
    }
  }
}
