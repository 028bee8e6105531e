import Foundation
import KenshuDefinitions
import KenshuModel

#if canImport(Glibc)
  import Glibc
#endif

/// Why an attendance record could not be updated. Nothing was written in any case.
public enum AttendanceRecordFileError: Error, Sendable, CustomStringConvertible {
  /// Another writer held the lock for longer than the update would wait.
  case locked(String)
  /// The record on disk is not a valid `<attendance>` file: it is left as it is rather than
  /// replaced by a record that would drop what it holds.
  case unreadable([Diagnostic])
  /// The lock, the temporary file or the rename failed (the reason, from the system).
  case unwritable(String)

  public var description: String {
    switch self {
    case .locked(let path): "another process kept \(path) locked; try again"
    case .unreadable(let diagnostics):
      "the record on disk has errors: "
        + diagnostics.filter { $0.severity == .error }.map(\.formatted)
        .joined(separator: "; ")
    case .unwritable(let reason): reason
    }
  }
}

/// One programme's attendance record file (`rosters/attendance-PROGRAMME.xml`), which more
/// than one process writes: `kenshu attendance import` on the organiser's computer and the
/// check-ins of `serve --collect` at reception.
///
/// Every update takes an exclusive `flock` on a lock file beside the record, reads the record
/// again under the lock, changes it and writes it atomically (a temporary file beside it,
/// synced, then renamed over it), so two writers never lose each other's changes and a reader
/// sees the old record or the new one, never half a file. The lock is a file of its own because
/// the record is replaced by each rename: a lock taken on the record would be on a file the
/// next writer no longer opens. Lock and temporary files are hidden (`.attendance-….lock`), so
/// neither the project loader nor the preview's watcher takes them for sources.
public struct AttendanceRecordFile: Sendable {
  /// The record file.
  public let url: URL
  /// The programme, for writing its sessions in timetable order.
  public let programme: Programme
  /// How long an update waits for another writer's lock before it gives up (seconds).
  public var lockTimeout: TimeInterval = 10
  /// Writes and syncs the new record's bytes into the temporary file; replaced by tests to
  /// inject a failure.
  var writeTemporary: @Sendable (Data, URL) throws -> Void = Self.writeSynced

  /// The record file of `programme` in the project folder `root`.
  public init(programme: Programme, root: URL) {
    url = AttendanceImport.recordPath(for: programme.id, root: root)
    self.programme = programme
  }

  /// The lock file beside the record.
  public var lockURL: URL { sibling(".\(url.lastPathComponent).lock") }

  /// The record as it is on disk now; nil when there is none yet.
  public func read() throws(AttendanceRecordFileError) -> AttendanceRecord? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let read = AttendanceFileReader.read(url, displayName: displayName)
    guard let record = read.record else { throw .unreadable(read.diagnostics) }
    return record
  }

  /// Changes the record under the lock: `change` gets the record as re-read from disk (or
  /// `seed` when the file does not exist yet) and the result is written when it differs from
  /// what was read, or when there was no file. Returns what `change` returned; when the update
  /// throws, nothing was written.
  public func update<Result>(
    seed: @autoclosure () -> AttendanceRecord, _ change: (inout AttendanceRecord) -> Result
  ) throws(AttendanceRecordFileError) -> Result {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(error.localizedDescription)
    }
    let lock = try acquireLock()
    // Closing the descriptor releases the lock, also when the process dies meanwhile.
    defer { close(lock) }
    let existing = try read()
    let before = existing ?? seed()
    var record = before
    let result = change(&record)
    guard record != before || existing == nil else { return result }
    try replace(with: Data(AttendanceXMLWriter().xml(for: record, programme: programme).utf8))
    return result
  }

  /// Opens the lock file and locks it, waiting at most `lockTimeout`; returns the descriptor.
  private func acquireLock() throws(AttendanceRecordFileError) -> Int32 {
    // Read-only is enough for flock, and lets a server running as another user share the lock.
    let descriptor = open(lockURL.path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .unwritable("\(lockURL.path): \(Self.systemError())") }
    let deadline = Date().addingTimeInterval(lockTimeout)
    // Non-blocking attempts with a deadline: a writer that hangs must not hang the server's
    // check-ins for good.
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let failure = errno
      guard failure == EWOULDBLOCK || failure == EINTR else {
        close(descriptor)
        throw .unwritable("\(lockURL.path): \(Self.systemError(failure))")
      }
      guard Date() < deadline else {
        close(descriptor)
        throw .locked(url.path)
      }
      usleep(10_000)
    }
    return descriptor
  }

  /// Writes `data` into a temporary file beside the record and renames it over the record;
  /// the temporary file is removed when anything fails.
  private func replace(with data: Data) throws(AttendanceRecordFileError) {
    let temporary = sibling(".\(url.lastPathComponent).\(getpid())-\(UUID().uuidString).tmp")
    do {
      try writeTemporary(data, temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      if let own = error as? AttendanceRecordFileError { throw own }
      throw .unwritable(error.localizedDescription)
    }
    guard rename(temporary.path, url.path) == 0 else {
      let failure = Self.systemError()
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritable("\(url.path): \(failure)")
    }
    // The rename itself is durable once the folder is synced.
    let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// Creates `url` (it must not exist), writes `data` and syncs it to disk.
  @Sendable static func writeSynced(_ data: Data, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw AttendanceRecordFileError.unwritable("\(url.path): \(systemError())") }
    defer { close(descriptor) }
    let complete = data.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var written = 0
      while written < buffer.count {
        let count = write(descriptor, base + written, buffer.count - written)
        if count < 0, errno == EINTR { continue }
        if count <= 0 { return false }
        written += count
      }
      return true
    }
    // A record that is not on the disk yet must not replace one that is.
    guard complete, fsync(descriptor) == 0 else {
      throw AttendanceRecordFileError.unwritable("\(url.path): \(systemError())")
    }
  }

  private var displayName: String { "rosters/" + url.lastPathComponent }

  private func sibling(_ name: String) -> URL { url.deletingLastPathComponent().appendingPathComponent(name) }

  private static func systemError(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
