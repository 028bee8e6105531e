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
  private var generation = 0

  /// How many documents were stored (read from disk) so far.
  var reads: Int { lock.withLock { readCount } }
  /// The files of the last load, in order.
  var lastFiles: [String] {
    get { lock.withLock { files } }
    set { lock.withLock { files = newValue } }
  }

  /// The stored checks with what they were made from: `generation` counts the checks
  /// stored so far, and `stamps` are the edited files' stamps, taken before that load
  /// checked them (empty after a load that checked every file).
  struct StoredChecks: Sendable {
    var results: ProjectCheckResults
    var generation: Int
    var stamps: [String: FileStamp]
  }

  /// The last load's checks, their generation and the stamps of the files it checked.
  var lastStoredChecks: StoredChecks? {
    lock.withLock { checks.map { StoredChecks(results: $0, generation: generation, stamps: checkedStamps) } }
  }

  /// The generation of the checks stored last (0: none yet). Serve's second edition passes
  /// the first's (`ProjectLoader.check(_:cache:editedContent:sameEditAs:)`).
  public var checksGeneration: Int { lock.withLock { generation } }

  /// Stores a load's checks with the stamps of the edited files it checked, as the next
  /// generation.
  func remember(checks results: ProjectCheckResults, stamps: [String: FileStamp]) {
    lock.withLock {
      checks = results
      checkedStamps = stamps
      generation += 1
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
