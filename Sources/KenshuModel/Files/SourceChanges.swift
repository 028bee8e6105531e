import Foundation

/// Files that changed between two looks at the sources (absolute paths).
public struct SourceChanges: Sendable, Hashable {
  public var added: Set<String> = []
  public var edited: Set<String> = []
  public var removed: Set<String> = []

  public init(added: Set<String> = [], edited: Set<String> = [], removed: Set<String> = []) {
    self.added = added
    self.edited = edited
    self.removed = removed
  }

  /// The edited files as paths relative to `folder`, when edits to existing files there are
  /// all that changed; nil when a file was added or removed, or one changed elsewhere (the
  /// caller then rebuilds everything).
  public func edits(onlyUnder folder: URL) -> Set<String>? {
    guard added.isEmpty, removed.isEmpty else { return nil }
    let prefix = folder.standardizedFileURL.path + "/"
    var paths: Set<String> = []
    for path in edited {
      let standard = URL(fileURLWithPath: path).standardizedFileURL.path
      guard standard.hasPrefix(prefix) else { return nil }
      paths.insert(String(standard.dropFirst(prefix.count)))
    }
    return paths
  }
}
