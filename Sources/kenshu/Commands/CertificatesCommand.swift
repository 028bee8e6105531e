import ArgumentParser
import Foundation
import KenshuCollection
import KenshuModel
import KenshuTrainingDay

/// `kenshu certificates`: issue the numbered certificates of a programme.
struct CertificatesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificates",
    abstract: Language.say(
      ja: "修了の条件に沿って、番号付きの修了証書・受講証明書を発行します（docs/training-day.md）。",
      en: "Issue numbered certificates (修了証書・受講証明書) under the completion rules (docs/training-day.md)."),
    discussion: Language.say(
      ja: """
        private/certificates/PROGRAMME/ に、証書ごとに 1 枚の A4 ページ、まとめて印刷するための all.html、台帳（ledger.csv、ledger.xlsx）を書き出し、公開用の登録簿 verification/PROGRAMME.json（ソルト付きハッシュだけ。コミットしてください。kenshu build が verify/ で公開します）を書きます。すべて書けるか、何も書かないかのどちらかです。番号は台帳から決まり、変わりません。もう一度実行しても、新しく条件を満たした人にだけ新しい番号を付けます。serve --collect で集めた自己学習の修了は <pass module> の条件で数えます。
        """,
      en: """
        Writes into private/certificates/PROGRAMME/: one A4 page per certificate, all.html to print \
        them all, the ledger (ledger.csv, ledger.xlsx); and the public register \
        verification/PROGRAMME.json (salted hashes only: commit it; kenshu build publishes it on \
        verify/). All or nothing. Numbers come from the ledger and never change; rerunning issues \
        new numbers only to people newly eligible. Module completions collected by serve --collect \
        count in <pass module> rules.
        """))

  @Argument(help: .say(ja: "プログラムの ID。", en: "Programme id.")) var programme: String
  @Option(help: .say(ja: "コースの ID。そのコースの証書だけを発行します。", en: "Course id: only that course's awards."))
  var course: String?
  @OptionGroup var output: FormatOption<OutputFormat>
  @Option(
    help: .say(
      ja: "新しく発行する証書の発行日（YYYY-MM-DD、省略時: 今日）。",
      en: "Date of issue for new certificates (YYYY-MM-DD, default today).")) var date: String?
  @Option(
    help: .say(
      ja: "公開サイトのアドレス（https://…/）。確認ページへの QR コードに使います。",
      en: "The public site's address (https://…/), for the QR code to the verify page.")) var siteURL: String?
  @Option(
    help: .say(ja: "番号を指定して証書を取り消します（複数回指定できます）。", en: "Revoke a certificate by its number (repeatable)."))
  var revoke: [String] = []
  @Option(
    help: ArgumentHelp(
      Language.say(
        ja: "<pass module> の条件で数える自己学習の修了が入った回答データベース（省略時: private/responses.sqlite があればそれ）。",
        en:
          "Response database whose module completions count in <pass module> rules (default: private/responses.sqlite when it exists)."
      )
    )) var database: DatabaseLocation?

  enum OutputFormat: String, CommandOutputFormat {
    case text
    case json
    static let standard = OutputFormat.text
  }

  func validate() throws {
    if let date, date.count != 10 || date.split(separator: "-").count != 3 || !JapaneseDate.isValid(date) {
      throw argumentError(
        ja: "--date には実在する日付を YYYY-MM-DD で指定してください", en: "--date must be a real date, YYYY-MM-DD")
    }
  }

  func run() async throws {
    let project = try ProjectInput.load()
    var issue: CertificateIssue
    do {
      issue = try CertificateIssue(project: project, programme: programme, course: course)
    } catch {
      throw ValidationError(error.description)
    }
    let modules = issue.collectedModules
    let defaultStore = ProjectInput.root.appendingPathComponent("private/responses.sqlite")
    if !modules.isEmpty, database != nil || FileManager.default.fileExists(atPath: defaultStore.path) {
      let store = try await CollectionInput.open(database)
      do {
        issue.collectedCompletions = try await store.passedParticipants(modules: modules)
      } catch {
        await store.close()
        throw error
      }
      await store.close()
    }
    let folder = CertificateIssue.folder(for: programme, root: ProjectInput.root)
    try PrivateOutput.check(folder)
    try PrivateOutput.prepare(folder)
    let today = ISO8601DateFormatter.string(
      from: Date(), timeZone: .current, formatOptions: [.withFullDate, .withDashSeparatorInDate])
    let run = issue.run(folder: folder, date: date ?? today, siteURL: siteURL, revoke: revoke)
    DiagnosticPrinter(format: .text).print(run.diagnostics)
    let printed = output.format == .json ? run.json() : run.text()
    FileHandle.standardOutput.write(Data(printed.utf8))
    if !run.files.isEmpty {
      Console.error(
        ja: "\(PrivateOutput.display(folder)) に \(run.files.count) ファイルを書き出しました（個人情報です。外部に出さないでください）",
        en:
          "wrote \(run.files.count) files to \(PrivateOutput.display(folder)) (personal data: keep it private)"
      )
    }
    if run.diagnostics.hasErrors { throw ExitCode(1) }
  }
}
