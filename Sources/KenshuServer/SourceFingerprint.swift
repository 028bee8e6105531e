import CKenshuFiles
import Foundation
import KenshuModel

#if canImport(Glibc)
  import Glibc
#endif

/// The fingerprint of a project's sources (`SourceWatcher.fingerprint()`), kept current between
/// looks: on Linux the kernel (inotify) says in which folders something happened, and only the
/// files named there are looked at again; elsewhere, or when the kernel cannot say (too many
/// events, a folder added, removed or moved, no watch left), every file is walked as before.
/// A watched root on a network or shared filesystem (NFS, SMB, 9p as WSL2's `/mnt/c`, FUSE
/// such as sshfs, …: `walkedFilesystems`) is walked on every look: the kernel sends no event
/// for an edit made on another machine or on the host.
///
/// Why: walking and `stat`-ing the 10,000 files of a big project took 20–80 ms of every
/// `serve` rebuild (and every poll); a look after one edit now `stat`s that file.
///
/// What it holds after `update()` is what a walk would give: files whose events the kernel
/// does not send to the watched folders — the targets of symbolic links, the watched paths
/// that are files or missing — are `stat`-ed on every look, and `update(walking: true)` walks
/// everything (the watch loop does so now and then, as a safety net for writes the kernel does
/// not report, such as through a memory map).
///
/// A class: it owns the inotify descriptor (closed in `deinit`); one caller at a time (the
/// lock makes it `Sendable`).
public final class SourceFingerprint: @unchecked Sendable {
  public let paths: [URL]
  private let lock = NSLock()
  private var current: [String: FileStamp] = [:]
  /// Files whose stamp is taken on every look: symbolic links to files (their targets change
  /// without an event here) and watched paths that are not folders.
  private var alwaysLooked: Set<String> = []
  #if os(Linux)
    /// The inotify descriptor, or -1 when events are not used (walks only).
    private var notify: Int32 = -1
    /// Watch descriptor → the folder it watches.
    private var folders: [Int32: String] = [:]
  #endif
  /// Whether the last walk could watch every folder (false: every look walks); `usesEvents`.
  private var eventsInUse = false
  /// Watching failed (no inotify instance, or no watch left: `ENOSPC`, `EACCES`): looks walk
  /// without trying again, until a walk asked for (`update(walking: true)`, the watch loop's
  /// every 50th look) tries once more. Trying on every look made a new inotify instance and
  /// took watches up to the limit each time, starving other programs of them.
  private var watchingFailed = false
  #if os(Linux)
    /// `inotify_add_watch`, replaced by tests to make watches run out.
    private let addWatch: (Int32, String, UInt32) -> Int32
  #endif

  /// Whether the last walk could watch every folder (false: every look walks).
  public var usesEvents: Bool { lock.withLock { eventsInUse } }

  /// Walks the watched paths once (and, on Linux, starts watching their folders).
  public convenience init(paths: [URL]) {
    #if os(Linux)
      self.init(paths: paths, addWatch: { inotify_add_watch($0, $1, $2) })
    #else
      self.init(paths: paths, addWatch: { _, _, _ in -1 })
    #endif
  }

  init(paths: [URL], addWatch: @escaping (Int32, String, UInt32) -> Int32) {
    self.paths = paths
    #if os(Linux)
      self.addWatch = addWatch
    #endif
    current = walk(retryingWatches: true)
  }

  deinit {
    #if os(Linux)
      if notify >= 0 { close(notify) }
    #endif
  }

  /// The stamps as of the last look (or the first walk).
  public var stamps: [String: FileStamp] { lock.withLock { current } }

  /// Brings the stamps up to date and returns what changed since the previous look. `walking`:
  /// look at every file, whatever the kernel said.
  public func update(walking: Bool = false) -> SourceChanges {
    lock.withLock {
      let old = current
      #if os(Linux)
        if !walking, eventsInUse, let looked = touchedSinceLastLook() {
          var changes = SourceChanges()
          for path in looked.touched.union(alwaysLooked) {
            restamp(path, old: old, written: looked.written.contains(path), into: &changes)
          }
          return changes
        }
      #endif
      current = walk(retryingWatches: walking)
      return SourceWatcher.changes(from: old, to: current)
    }
  }

  /// Takes `path`'s stamp again, as a walk would (a link counts as the file it names, a
  /// linked folder is not a source), and records the difference. `written`: the kernel said
  /// the file was written or moved here, so it counts as edited even with the same size and
  /// time (a file's time moves in clock ticks, not nanoseconds: two writes within one tick, or
  /// a time put back, leave the stamp as it was).
  private func restamp(
    _ path: String, old: [String: FileStamp], written: Bool, into changes: inout SourceChanges
  ) {
    var own = stat()
    if lstat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFLNK { alwaysLooked.insert(path) }
    let now = Self.stamp(path)
    let before = old[path]
    guard now != before else {
      if written, now != nil { changes.edited.insert(path) }
      return
    }
    if let now {
      current[path] = now
      if before == nil { changes.added.insert(path) } else { changes.edited.insert(path) }
    } else {
      current.removeValue(forKey: path)
      changes.removed.insert(path)
    }
  }

  /// The stamp of a regular file, or of the regular file a symbolic link names; nil otherwise.
  private static func stamp(_ path: String) -> FileStamp? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return FileStamp(info)
  }

  /// Every watched file's stamp, walking the folders (and watching each before listing it, so
  /// nothing that happens after its listing goes unreported). `retryingWatches`: watch again
  /// even if watching failed before.
  private func walk(retryingWatches: Bool) -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    result.reserveCapacity(max(1024, current.count))
    alwaysLooked = []
    #if os(Linux)
      if notify >= 0 { close(notify) }
      notify = -1
      folders = [:]
      eventsInUse = false
      let remote = paths.contains { Self.isOnWalkedFilesystem($0.path) }
      if !remote, retryingWatches || !watchingFailed {
        notify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        eventsInUse = notify >= 0
        watchingFailed = notify < 0
      }
      let watch: (String) -> Void = { [self] folder in
        guard eventsInUse else { return }
        let descriptor = addWatch(notify, folder, Self.events)
        if descriptor < 0 {
          // No watch left (fs.inotify.max_user_watches) or none possible here: walk every look,
          // without trying again before the next safety-net walk.
          eventsInUse = false
          watchingFailed = true
        } else {
          folders[descriptor] = folder
        }
      }
    #else
      let watch: (String) -> Void = { _ in }
    #endif
    for path in paths.map(\.path) {
      var info = stat()
      if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        SourceWatcher.collect(
          folder: path, into: &result, entering: watch, linked: { alwaysLooked.insert($0) })
      } else {
        // A file (kenshu.xml) or a path that is not there yet: looked at every time.
        alwaysLooked.insert(path)
        if (info.st_mode & S_IFMT) == S_IFREG, let stamp = Self.stamp(path) { result[path] = stamp }
      }
    }
    #if os(Linux)
      if !eventsInUse, notify >= 0 {
        close(notify)
        notify = -1
        folders = [:]
      }
    #endif
    return result
  }

  /// Filesystems whose kernel driver does not see every edit (an edit made on another machine
  /// or on the host sends no inotify event): a watched root on one of them is walked on every
  /// look. `statfs`'s `f_type` magic numbers (linux/magic.h and the filesystems' sources);
  /// overlay, tmpfs and the local disk filesystems report every edit.
  static let walkedFilesystems: [UInt32: String] = [
    0x6969: "NFS",
    0x517B: "SMB",
    0xFF53_4D42: "CIFS",
    0xFE53_4D42: "SMB2",
    0x0102_1997: "9p (v9fs: WSL2 /mnt/c, QEMU shares)",
    0x6573_5546: "FUSE (sshfs, virtiofs, …)",
    0x786F_4256: "vboxsf (VirtualBox shared folders)",
    0x00C3_6400: "Ceph",
    0x5346_414F: "AFS",
    0x6B41_4653: "kAFS",
    0x7375_7245: "Coda",
    0x564C: "NCP",
    0x0116_1970: "GFS2",
    0x7461_636F: "OCFS2",
    0x0BD0_0BD0: "Lustre",
    0x4750_4653: "GPFS",
  ]

  /// Whether a root on the filesystem of this `statfs` `f_type` must be walked on every look.
  static func walksEveryLook(filesystemType: UInt32) -> Bool {
    walkedFilesystems[filesystemType] != nil
  }

  #if os(Linux)
    /// Whether `path` (or, when it is not there yet, the folder that would hold it) is on a
    /// filesystem of `walkedFilesystems`.
    private static func isOnWalkedFilesystem(_ path: String) -> Bool {
      var type: UInt32 = 0
      guard
        kenshu_filesystem_type(path, &type) == 0
          || kenshu_filesystem_type((path as NSString).deletingLastPathComponent, &type) == 0
      else { return false }
      return walksEveryLook(filesystemType: type)
    }

    /// What a folder's watch reports: its entries written, touched, created, removed or moved,
    /// and the folder itself going away.
    private static let events: UInt32 =
      UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
      | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    /// Events saying a file's contents were written or replaced.
    private static let writes = UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)

    /// The paths the pending events name (hidden names left out, as walks leave them out), and
    /// those of them written or moved into place; nil when only a walk can tell: the queue
    /// overflowed, a folder was added, removed or moved, a watch went away, a watched path that
    /// was missing or a file is now a folder.
    private func touchedSinceLastLook() -> (touched: Set<String>, written: Set<String>)? {
      var touched: Set<String> = []
      var written: Set<String> = []
      let size = 64 * 1024
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
      defer { buffer.deallocate() }
      let header = 16  // wd, mask, cookie, len: four 32-bit fields
      while true {
        let count = read(notify, buffer, size)
        if count < 0 {
          if errno == EINTR { continue }
          if errno == EAGAIN { break }
          return nil
        }
        if count == 0 { break }
        var offset = 0
        while offset + header <= count {
          let descriptor = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
          let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
          let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          guard offset + header + length <= count else { return nil }
          // The name: `length` bytes, NUL-padded.
          let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + header, count: length)
          offset += header + length
          if mask & UInt32(IN_Q_OVERFLOW) != 0 { return nil }
          let structural =
            UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED) | UInt32(IN_UNMOUNT)
          if mask & structural != 0 { return nil }
          guard let folder = folders[descriptor] else { return nil }
          guard length > 0 else { continue }
          let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
          if name.hasPrefix(".") { continue }
          if mask & UInt32(IN_ISDIR) != 0 {
            // A folder's own attributes changing is nothing to the sources; any other event
            // about a folder entry changes what a walk finds.
            if mask & ~(UInt32(IN_ATTRIB) | UInt32(IN_ISDIR)) != 0 { return nil }
            continue
          }
          let path = folder + "/" + name
          touched.insert(path)
          if mask & Self.writes != 0 { written.insert(path) }
        }
      }
      // A watched path that was missing or a file, now a folder, needs a walk to be watched.
      for path in alwaysLooked where paths.contains(where: { $0.path == path }) {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return nil }
      }
      // A name the event gave may now be a folder (created as a file, then replaced): only a
      // walk would enter it.
      for path in touched {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return nil }
      }
      return (touched, written)
    }
  #endif
}
