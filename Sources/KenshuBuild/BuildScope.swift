import Foundation
import KenshuModel

/// How much a build redoes, decided once, at the start, from what changed since the session's
/// previous build.
public enum BuildScope: Sendable, Hashable {
  /// Everything: the first build, or any change but edits to existing Markdown files.
  case full
  /// Only these Markdown files under `content/` were edited (paths relative to `content/`):
  /// checks that cannot see them keep their results, and only the pages that read them are
  /// rendered again (`SiteBuilder` still builds the whole site when its own record of the
  /// previous build cannot support that).
  case contentEdits(Set<String>)

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
}
