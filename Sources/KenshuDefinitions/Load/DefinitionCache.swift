import Foundation
import KenshuModel

/// Definition files already read, with the size and modification time they had, so that
/// reloading a project (the preview server does after every edit) parses only the files that
/// changed. A class: one cache is shared by successive loads; the lock makes that safe.
public final class DefinitionCache: @unchecked Sendable {
  private struct Entry {
    var stamp: FileStamp
    /// Diagnostics name the file as displayed, which depends on the project root.
    var displayName: String
    var document: LoadedDocument
  }

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  private var readCount = 0
  private var files: [String] = []
  private var checks: ProjectCheckResults?
  private var checkedStamps: [String: FileStamp] = [:]

  /// How many documents were stored (read from disk) so far.
  var reads: Int { lock.withLock { readCount } }
  /// The files of the last load, in order.
  var lastFiles: [String] {
    get { lock.withLock { files } }
    set { lock.withLock { files = newValue } }
  }
  /// What each project check found in the last load.
  var lastChecks: ProjectCheckResults? { lock.withLock { checks } }

  /// `content/` path → the stamp the file had when `lastChecks` last checked it, for the
  /// files checked since the last run that checked every file. Serve builds two editions
  /// after each edit, sharing this cache: the second finds the edited files as the first
  /// checked them and checks none again (`ProjectLoader.check`).
  var lastCheckedStamps: [String: FileStamp] { lock.withLock { checkedStamps } }

  /// Remembers a load's checks with the stamps of the files they checked since the last full
  /// check, together: two loads storing at once must not leave one's results with the other's
  /// stamps.
  func remember(checks results: ProjectCheckResults, stamps: [String: FileStamp]) {
    lock.withLock {
      checks = results
      checkedStamps = stamps
    }
  }

  public init() {}

  func document(for path: String, displayName: String, stamp: FileStamp) -> LoadedDocument? {
    lock.withLock {
      guard let entry = entries[path], entry.stamp == stamp, entry.displayName == displayName else {
        return nil
      }
      return entry.document
    }
  }

  func store(_ document: LoadedDocument, for path: String, displayName: String, stamp: FileStamp) {
    lock.withLock {
      entries[path] = Entry(stamp: stamp, displayName: displayName, document: document)
      readCount += 1
    }
  }

  /// Forgets files no longer part of the project.
  func keepOnly(_ paths: Set<String>) {
    lock.withLock { entries = entries.filter { paths.contains($0.key) } }
  }
}
