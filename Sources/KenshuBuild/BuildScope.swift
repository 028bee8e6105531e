import Foundation
import KenshuModel

/// How much a build redoes, decided from what changed since the session's previous build: at
/// the start (`full` or `contentEdits`), and, for a full scope whose new project differs from
/// the previous one only in attendance, narrowed after the check (`attendanceOnly`).
public enum BuildScope: Sendable, Hashable {
  /// Everything: the first build, or any change but edits to existing Markdown files.
  case full
  /// Only these Markdown files under `content/` were edited (paths relative to `content/`):
  /// checks that cannot see them keep their results, and only the pages that read them are
  /// rendered again (`SiteBuilder` still builds the whole site when its own record of the
  /// previous build cannot support that).
  case contentEdits(Set<String>)
  /// Only attendance records changed (`rosters/attendance-PROGRAMME.xml`, which every
  /// check-in of `serve --collect` and every `attendance import` rewrites; the paths as
  /// displayed): the project was loaded and checked again, but no page reads attendance, so
  /// the site was left as it is (nothing planned, rendered or written). Decided after the check,
  /// by comparing the loaded project with the one the site on disk was built from.
  case attendanceOnly(Set<String>)

  /// The scope for `changes` (nil: unknown, as for a first build) in `layout`'s project.
  public init(changes: SourceChanges?, layout: ProjectLayout) {
    guard let changes, let edits = changes.edits(onlyUnder: layout.content),
      edits.allSatisfy({ $0.lowercased().hasSuffix(".md") })
    else {
      self = .full
      return
    }
    self = .contentEdits(edits)
  }

  /// The edited Markdown files, for `SiteBuilder.build(_:changedContent:)`; nil for `.full`.
  public var contentEdits: Set<String>? {
    if case .contentEdits(let paths) = self { return paths }
    return nil
  }

  /// `scope` narrowed to `.attendanceOnly` when the change set holds definition files only
  /// (nothing pages read directly: content, theme, the certificate register) and `project`
  /// equals `previous`, the project the site on disk was built from, but for its attendance
  /// records. Any other change, a removed file, or no previous project keeps `scope`.
  static func narrowed(
    _ scope: BuildScope, changes: SourceChanges?, layout: ProjectLayout, project: Project, previous: Project?
  ) -> BuildScope {
    guard scope == .full, let changes, changes.removed.isEmpty, let previous else { return scope }
    let touched = changes.added.union(changes.edited)
    guard !touched.isEmpty else { return scope }
    let rosters = layout.rosters.standardizedFileURL.path + "/"
    let curricula = layout.curricula.standardizedFileURL.path + "/"
    let settings = layout.settingsFile.standardizedFileURL.path
    let definitionsOnly = touched.allSatisfy { path in
      let standard = URL(fileURLWithPath: path).standardizedFileURL.path
      return standard == settings
        || ((standard.hasPrefix(rosters) || standard.hasPrefix(curricula))
          && standard.lowercased().hasSuffix(".xml"))
    }
    guard definitionsOnly, project.withoutAttendance == previous.withoutAttendance else { return scope }
    return .attendanceOnly(Set(touched.map { layout.displayPath(URL(fileURLWithPath: $0)) }))
  }
}

extension Project {
  /// The project as pages see it: everything but the attendance records, which no page reads
  /// (a test builds the site twice to hold that true).
  fileprivate var withoutAttendance: Project {
    var copy = self
    copy.attendance = []
    return copy
  }
}
