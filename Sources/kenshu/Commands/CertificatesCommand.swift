import ArgumentParser
import Foundation
import KenshuCollection
import KenshuModel
import KenshuTrainingDay

/// `kenshu certificates`: issue the numbered certificates of a programme.
struct CertificatesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificates",
    abstract: "Issue numbered certificates (修了証書・受講証明書) under the completion rules (docs/training-day.md).",
    discussion: """
      Writes into private/certificates/PROGRAMME/: one A4 page per certificate, all.html to print \
      them all, the ledger (ledger.csv, ledger.xlsx); and the public register \
      verification/PROGRAMME.json (salted hashes only: commit it; kenshu build publishes it on \
      verify/). All or nothing. Numbers come from the ledger and never change; rerunning issues \
      new numbers only to people newly eligible. Module completions collected by serve --collect \
      count in <pass module> rules.
      """)

  @Argument(help: "Programme id.") var programme: String
  @Option(help: "Course id: only that course's awards.") var course: String?
  @OptionGroup var output: FormatOption<OutputFormat>
  @Option(help: "Date of issue for new certificates (YYYY-MM-DD, default today).") var date: String?
  @Option(help: "The public site's address (https://…/), for the QR code to the verify page.") var siteURL:
    String?
  @Option(help: "Revoke a certificate by its number (repeatable).") var revoke: [String] = []
  @Option(
    help: ArgumentHelp(
      "Response database whose module completions count in <pass module> rules (default: private/responses.sqlite when it exists)."
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
