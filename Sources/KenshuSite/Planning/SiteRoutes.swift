import KenshuModel

/// Where each page and file lives in the built site. All paths are site-relative. The paths
/// themselves are `SiteLayout`'s (KenshuModel), which `kenshu validate` checks for collisions.
public enum SiteRoutes {
  public static let home = SiteLayout.home
  public static let glossary = SiteLayout.glossary
  public static let search = SiteLayout.search
  public static let verify = SiteLayout.verify
  public static let verifyData = SiteLayout.verifyData
  public static let checkIn = SiteLayout.checkIn
  /// The search index's manifest, which the search page loads (`SiteLayout.searchManifest`).
  public static let searchManifest = SiteLayout.searchManifest
  public static let facilitatorNotes = SiteLayout.facilitatorNotes
  /// An empty file in the root of every facilitator-edition site (beside the writer's
  /// `.kenshu-site`), so that a learner site is never replaced by one, nor one written into it.
  public static let facilitatorEditionMarker = ".kenshu-facilitator-edition"

  public static func programme(_ programme: String) -> String { SiteLayout.programme(programme) }

  public static func timetable(_ programme: String, _ course: String) -> String {
    SiteLayout.timetable(programme, course)
  }

  public static func session(_ programme: String, _ course: String, _ session: String, view: PageView)
    -> String
  {
    SiteLayout.session(programme, course, session, facilitator: view == .facilitator)
  }

  public static func facilitatorPack(_ programme: String, _ course: String) -> String {
    SiteLayout.facilitatorPack(programme, course)
  }

  public static func handout(_ programme: String, _ course: String) -> String {
    SiteLayout.handout(programme, course)
  }

  /// The programme's iCalendar file.
  public static func calendar(_ programme: String) -> String { SiteLayout.calendar(programme) }

  public static func survey(_ id: String) -> String { SiteLayout.survey(id) }
  public static func module(_ id: String) -> String { SiteLayout.module(id) }

  /// An id as a folder name (see `SiteLayout.segment`).
  public static func segment(_ id: String) -> String { SiteLayout.segment(id) }
}
