import Foundation
import KenshuModel
import KenshuSite

/// What one run of a `BuildSession` did.
public struct BuildOutcome: Sendable {
  /// Whether the output now holds this build (false: errors, and the previous site is left).
  public var published: Bool
  /// Every problem, loading, checking and building, sorted by location.
  public var diagnostics: [Diagnostic]
  /// The scope of the run: decided at the start, or narrowed to `attendanceOnly` after the
  /// check (nothing was then built: `report` is nil and the site is as it was).
  public var scope: BuildScope
  /// Seconds per stage that ran.
  public var times = StageTimes()
  /// The project as loaded (collect-url override applied); nil when no definition was found.
  /// `serve` takes its collection catalogue from it rather than loading again.
  public var project: Project?
  /// Whether loading and checking found errors (the site was then not built).
  public var loadFailed = false
  /// The site builder's report, when it ran.
  public var report: BuildReport?
  /// The edition written (`SiteEdition.effective` for the project), when the project loaded.
  public var edition: SiteEdition?
  /// The one-line summary for the terminal (Japanese first), or why the build stopped; nil
  /// when the diagnostics say it all.
  public var summary: Bilingual?
  /// The zip written after the build (`BuildConfiguration.archive`): where, and how many files.
  public var archive: (file: URL, files: Int)?

  /// Whether everything asked for was done: the site published and, when asked for, its zip
  /// written.
  public var succeeded: Bool { published && !diagnostics.hasErrors }

  /// Whether pages may have changed: false when the run left the site as it was
  /// (`attendanceOnly`), so that open pages need not reload.
  public var changedPages: Bool {
    if case .attendanceOnly = scope { return false }
    return true
  }
  /// Files written (0 when the build stopped before writing).
  public var written: Int { report?.written ?? 0 }
  /// Where the built forms post, when known: `serve` allows its origin in the
  /// Content-Security-Policy header, as the pages do.
  public var collectURL: String? { project?.settings.collectURL }
  /// Whether the project publishes its facilitator pages in its public site.
  public var publishesFacilitator: Bool { project?.settings.publishFacilitator ?? false }
}
