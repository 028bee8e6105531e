import Foundation

/// Notices edits to a project's sources by polling modification times and sizes. Polling is
/// portable and cheap at this scale (hundreds of files), and survives editors that replace
/// files instead of writing them in place.
public struct SourceWatcher: Sendable {
  public var paths: [URL]

  public init(paths: [URL]) { self.paths = paths }

  /// A fingerprint of every file under the watched paths (path, size, modification time).
  public func fingerprint() -> [String: String] {
    var result: [String: String] = [:]
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
    for path in paths {
      if let values = try? path.resourceValues(forKeys: Set(keys)), values.isRegularFile == true {
        result[path.path] = Self.stamp(values)
        continue
      }
      guard
        let enumerator = FileManager.default.enumerator(
          at: path, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
      else { continue }
      for case let url as URL in enumerator {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
          continue
        }
        result[url.path] = Self.stamp(values)
      }
    }
    return result
  }

  private static func stamp(_ values: URLResourceValues) -> String {
    "\(values.fileSize ?? -1)@\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
  }

  /// Calls `onChange` (after a short settling delay) whenever the fingerprint changes, until
  /// the task is cancelled.
  public func watch(interval: Duration = .milliseconds(400), onChange: @Sendable () async -> Void) async {
    var last = fingerprint()
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      let now = fingerprint()
      if now != last {
        // Editors often write in several steps; wait for the files to settle.
        try? await Task.sleep(for: .milliseconds(150))
        last = fingerprint()
        await onChange()
      }
    }
  }
}
