import Foundation
import KenshuExport
import KenshuModel
import KenshuSite

extension BuildSession {
  /// Writes the published site as one zip (`build --zip`): the output folder under its own
  /// name. A facilitator edition's zip is personal-data-adjacent material like the folder, so
  /// it is refused where the folder would be (inside a public site). A failure is an error of
  /// the run; the site itself stays published.
  func writeArchive(_ target: BuildConfiguration.ArchiveTarget, into outcome: inout BuildOutcome) {
    let file: URL
    switch target {
    case .besideOutput: file = URL(fileURLWithPath: output.path + ".zip")
    case .file(let url): file = url.standardizedFileURL
    }
    if outcome.edition == .facilitator, !outcome.publishesFacilitator,
      let problem = FacilitatorOutputCheck.problem(
        destination: file, isFolder: false, projectRoot: layout.root)
    {
      outcome.diagnostics.append(problem)
      return
    }
    do {
      let count = try SiteArchive.write(folder: output, to: file, rootName: output.lastPathComponent)
      outcome.archive = (file, count)
      let line = Bilingual(
        ja: "zip: \(file.path) に \(count) ファイル", en: "zip: \(count) files in \(file.path)")
      outcome.summary =
        outcome.summary.map {
          Bilingual(ja: "\($0.ja.message)\n\(line.ja.message)", en: "\($0.en.message)\n\(line.en.message)")
        } ?? line
    } catch {
      outcome.diagnostics.append(.error(Catalogue.zipFailed, "\(error)", at: SourceLocation(file: file.path)))
    }
  }
}
