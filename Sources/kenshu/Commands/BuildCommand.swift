import ArgumentParser
import Foundation
import KenshuBuild
import KenshuModel
import KenshuSite

extension SiteEdition: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: Language.say(
      ja: "研修サイトを作ります。公開する受講者版を site/ に、またはファシリテーター版を作ります。",
      en: "Build the course site: the public learner edition into site/, or the facilitator edition."),
    discussion: Language.say(
      ja: """
        受講者版（省略時）には、ファシリテーター用のページもそこへのリンクもなく、ファシリテーター用メモ、解答、進行の問いかけも検索の索引を含めてどこにも入りません。--edition facilitator はすべて（受講者用とファシリテーター用のページ）を private/facilitator-site/ に作り、公開サイトのフォルダーには決して作りません。--zip を付けると、ファシリテーターに渡す 1 つの zip にもします。<site publish-facilitator="true"> のプロジェクトは両方をまとめて site/ に公開します。

        一時フォルダーに作ってから最後に入れ替えます。エラーがあれば前のサイトはそのまま残り、終了コードは 1 です。
        """,
      en: """
        The learner edition (the default) has no facilitator page, no link to one and no \
        facilitator notes, answer keys or phase prompts anywhere, search index included. \
        --edition facilitator builds everything (learner pages and facilitator pages) into \
        private/facilitator-site/, never into a site folder; --zip also writes it as one zip \
        to hand to facilitators. A project with <site publish-facilitator="true"> publishes both \
        together in site/.

        Builds into a temporary folder and swaps it in at the end: when there are errors the \
        previous site stays untouched and the exit status is 1.
        """)
  )

  @Option(
    help: .say(
      ja: "作る版: learner（受講者版・公開用、省略時）か facilitator（ファシリテーター版・非公開）。",
      en: "Which edition to build: learner (public, the default) or facilitator (private)."))
  var edition: SiteEdition = .learner
  @Option(
    name: .shortAndLong,
    help:
      .say(
        ja: "出力先のフォルダー（省略時: 受講者版は site、ファシリテーター版は private/facilitator-site）。",
        en:
          "Output folder (default: site for the learner edition, private/facilitator-site for the facilitator edition)."
      )
  )
  var output: String?
  @Flag(
    help: .say(
      ja: "できたサイトを zip ファイルにも書き出します（省略時: 出力フォルダーの名前に .zip を付けたもの）。",
      en: "Also write the built site as a zip file (default: the output folder's path with .zip)."))
  var zip = false
  @Option(help: .say(ja: "--zip の書き出し先（指定すると --zip も付いたことになります）。", en: "Where --zip writes (implies --zip)."))
  var zipFile: String?
  @Option(
    help:
      .say(
        ja: "サイトを公開する URL（絶対 URL）。カレンダーと canonical リンクに使います（例: https://example.org/kenshu/）。",
        en:
          "Absolute URL the site is published at, for calendar and canonical links (e.g. https://example.org/kenshu/)."
      )
  )
  var baseURL: String?
  @Option(
    help: .say(
      ja: """
        サイトのアンケートが回答を送る回答収集サーバー（kenshu serve --collect）のベース URL。例: https://example.org/kenshu/。kenshu.xml の collect-url より優先します。
        """,
      en: """
        Base URL of the response collector (kenshu serve --collect) the site's survey forms post to, \
        e.g. https://example.org/kenshu/; overrides kenshu.xml's collect-url.
        """))
  var collectURL: String?
  @OptionGroup var diagnostics: DiagnosticOptions

  func validate() throws {
    if let collectURL, !BuildConfiguration.isCollectURL(collectURL) {
      throw argumentError(
        ja: "--collect-url には http(s) の URL か / で始まるパスを指定してください（指定: \(collectURL)）",
        en: "--collect-url must be an http(s) URL or a path starting with / (got \(collectURL))")
    }
  }

  func run() throws {
    let layout = ProjectLayout(root: ProjectInput.root)
    let relative = { (path: String) in URL(fileURLWithPath: path, relativeTo: layout.root) }
    let archive: BuildConfiguration.ArchiveTarget? =
      zipFile.map { .file(relative($0)) } ?? (zip ? .besideOutput : nil)
    let session = BuildSession(
      layout: layout,
      configuration: BuildConfiguration(
        edition: edition, output: output.map(relative), baseURL: baseURL, collectURL: collectURL,
        archive: archive))
    let outcome = session.run(
      console: .terminal(diagnostics: diagnostics.printer), quiet: diagnostics.format == .json)
    if !outcome.succeeded { throw ExitCode(1) }
  }
}
