import Foundation
import KenshuModel
import KenshuTrainingDay

/// The check-in desks `serve --collect` keeps open: one per programme with a roster, made from
/// the project the build loaded and replaced after each clean rebuild (like the collection
/// catalogue), so a check-in never sees half of an old project and half of a new one.
public final class CheckInReception: @unchecked Sendable {
  /// The project folder: where each programme's attendance record is.
  public let root: URL
  private let lock = NSLock()
  private var desks: [String: CheckInDesk]

  public init(project: Project, root: URL) {
    self.root = root
    desks = Self.desks(of: project, root: root)
  }

  /// Opens the desks of a newly loaded project.
  public func update(_ project: Project) {
    let fresh = Self.desks(of: project, root: root)
    lock.withLock { desks = fresh }
  }

  /// The programmes check-ins are taken for, sorted.
  public var programmes: [String] { lock.withLock { desks.keys.sorted() } }

  /// The desk a check-in goes to: the programme named; without a name, the only programme
  /// with a roster, else the only one with a course dated `today`. Nil when there is none
  /// (or several could be meant).
  public func desk(named id: String?, today: String) -> CheckInDesk? {
    let open = lock.withLock { desks }
    if let id { return open[id] }
    if open.count == 1 { return open.first?.value }
    let dated = open.values.filter { desk in desk.programme.courses.contains { $0.date == today } }
    return dated.count == 1 ? dated[0] : nil
  }

  private static func desks(of project: Project, root: URL) -> [String: CheckInDesk] {
    var desks: [String: CheckInDesk] = [:]
    // A programme without a roster has nobody to check in; its desk cannot be made.
    for programme in project.programmes where desks[programme.id] == nil {
      if let desk = try? CheckInDesk(project: project, programme: programme.id, root: root) {
        desks[programme.id] = desk
      }
    }
    return desks
  }
}
