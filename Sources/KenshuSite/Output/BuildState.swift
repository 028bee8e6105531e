import Foundation
import KenshuModel

/// What the previous build wrote, so a rebuild skips unchanged pages without rendering them and
/// unchanged files without reading them back.
final class BuildState: @unchecked Sendable {
  struct Previous {
    var hashes: [String: Int] = [:]
    var fingerprints: [String: Int] = [:]
    var entries: [String: SearchIndex.Entry] = [:]
    /// What the search index's files hold.
    var searchIndex = SearchIndexRecord()
    /// The project the pages were built from; a patch needs the same one.
    var project: Project?
    var themeFingerprint: Int?
    /// The planned pages, in order (equal projects plan equal pages).
    var pages: [SitePage] = []
    /// `content/` path → indices (in `pages`) of the fingerprinted pages that show it.
    var dependents: [String: [Int]] = [:]
    /// The search entries in index order, and each page's position among them.
    var searchEntries: [SearchIndex.Entry] = []
    var searchPositions: [String: Int] = [:]
    /// Indices (in `pages`) of the pages without a fingerprint (any page whose last rendering
    /// had diagnostics): a patch renders them all. Kept rather than found by looking up every
    /// page's fingerprint, 10,000 look-ups per edition that were a fourteenth of a serve
    /// rebuild's CPU samples (perf, issue 18).
    var unfingerprinted: Set<Int> = []
    /// Diagnostics of planning and of the files a patch does not produce again (settings
    /// stylesheet, assets), so a patch reports what a full build would.
    var carriedDiagnostics: [Diagnostic] = []
    /// The `content/` files the learner edition left out, and what decides them.
    var facilitatorOnlyFiles = FacilitatorOnlyFiles()
    /// The theme, when it loaded without problems, and the stamps of its template files before
    /// it was loaded (`Theme.templateStamps`), for a patch to keep it.
    var theme: Theme?
    var themeStamps: [Theme.TemplateStamp?] = []
    /// The renderer of `project` with `theme`, for a patch that keeps both: making one again
    /// (every course's timetable, the people by id, the layout frames split anew) was a
    /// tenth of a serve rebuild's CPU samples, all of it before the first page (perf, issue 18).
    var renderer: PageRenderer?
  }

  private let lock = NSLock()
  private var byOutput: [String: Previous] = [:]

  func previous(for output: URL) -> Previous { lock.withLock { byOutput[output.path] ?? Previous() } }
  func hashes(for output: URL) -> [String: Int] { previous(for: output).hashes }

  /// After a failed build in place: the folder may hold some new pages, so nothing recorded
  /// about it can be trusted.
  func forget(output: URL) {
    _ = lock.withLock { byOutput.removeValue(forKey: output.path) }
  }

  /// The record of `output`, removed: a patch that owns it updates its tables in place.
  func take(for output: URL) -> Previous {
    lock.withLock { byOutput.removeValue(forKey: output.path) ?? Previous() }
  }

  func remember(_ previous: Previous, for output: URL) {
    lock.withLock { byOutput[output.path] = previous }
  }
}
