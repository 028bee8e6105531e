import ArgumentParser
import Foundation
import KenshuBuild
import KenshuModel
import KenshuSite

extension SiteEdition: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the course site: the public learner edition into site/, or the facilitator edition.",
    discussion: """
      The learner edition (the default) has no facilitator page, no link to one and no \
      facilitator notes, answer keys or phase prompts anywhere, search index included. \
      --edition facilitator builds everything (learner pages and facilitator pages) into \
      private/facilitator-site/, never into a site folder; --zip also writes it as one zip \
      to hand to facilitators. A project with <site publish-facilitator="true"> publishes both \
      together in site/.

      Builds into a temporary folder and swaps it in at the end: when there are errors the \
      previous site stays untouched and the exit status is 1.
      """
  )

  @Option(help: "Which edition to build: learner (public, the default) or facilitator (private).")
  var edition: SiteEdition = .learner
  @Option(
    name: .shortAndLong,
    help:
      "Output folder (default: site for the learner edition, private/facilitator-site for the facilitator edition)."
  )
  var output: String?
  @Flag(help: "Also write the built site as a zip file (default: the output folder's path with .zip).")
  var zip = false
  @Option(help: "Where --zip writes (implies --zip).") var zipFile: String?
  @Option(
    help:
      "Absolute URL the site is published at, for calendar and canonical links (e.g. https://example.org/kenshu/)."
  )
  var baseURL: String?
  @Option(
    help: """
      Base URL of the response collector (kenshu serve --collect) the site's survey forms post to, \
      e.g. https://example.org/kenshu/; overrides kenshu.xml's collect-url.
      """)
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
