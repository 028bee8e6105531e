import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The folders an atomic build writes into next to its output (`.site.kenshu-staging-PID-RANDOM`),
/// and the clean-up of those a killed build left behind.
///
/// A build holds an exclusive `flock` on its staging folder while it writes; the kernel drops
/// the lock when the process ends, however it ends. A later build removes a folder of this
/// naming pattern only when nobody holds its lock and the process named in it is gone (or
/// the folder has not changed for an hour, for a pid since reused by another program).
enum StagingFolders {
  static let stagingWord = "kenshu-staging"
  static let oldWord = "kenshu-old"
  /// How long an unlocked folder whose pid is alive again must sit untouched before it counts as
  /// stale (a pid reused by an unrelated program).
  static let reusedPIDAge: TimeInterval = 3600

  /// A fresh staging folder name for `output`, in the same parent folder.
  static func name(for output: URL, pid: Int32) -> String {
    ".\(output.lastPathComponent).\(stagingWord)-\(pid)-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// The pid in a staging or retired folder name of `output`, or nil when `name` is not one.
  static func pid(inName name: String, for output: URL) -> Int32? {
    for word in [stagingWord, oldWord] {
      let prefix = ".\(output.lastPathComponent).\(word)-"
      guard name.hasPrefix(prefix) else { continue }
      let parts = name.dropFirst(prefix.count).split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
      return pid
    }
    return nil
  }

  /// Opens and locks `path` (a folder); returns the descriptor to keep open, or -1.
  static func lock(_ path: String) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return -1 }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      close(descriptor)
      return -1
    }
    return descriptor
  }

  /// Removes the staging and retired folders of `output` that no running build owns.
  /// Returns the names removed.
  @discardableResult
  static func removeStale(besides output: URL) -> [String] {
    let parent = output.deletingLastPathComponent()
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return [] }
    var removed: [String] = []
    for name in names {
      guard let pid = pid(inName: name, for: output) else { continue }
      let path = parent.appendingPathComponent(name).path
      // Only real folders: a link of this name is not ours to follow or remove.
      var info = stat()
      guard lstat(path, &info) == 0, (info.st_mode & mode_t(S_IFMT)) == mode_t(S_IFDIR) else { continue }
      let descriptor = lock(path)
      guard descriptor >= 0 else { continue }  // a running build holds it
      defer { close(descriptor) }
      let alive = pid == getpid() ? false : (kill(pid, 0) == 0 || errno == EPERM)
      #if os(Linux)
        let modified = TimeInterval(info.st_mtim.tv_sec)
      #else
        let modified = TimeInterval(info.st_mtimespec.tv_sec)
      #endif
      let age = Date().timeIntervalSince1970 - modified
      if alive && age < reusedPIDAge { continue }
      if (try? manager.removeItem(atPath: path)) != nil { removed.append(name) }
    }
    return removed
  }
}
