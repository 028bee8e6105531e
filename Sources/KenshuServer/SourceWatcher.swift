import Foundation
import KenshuModel

/// Notices edits to a project's sources by polling modification times and sizes. Polling is
/// portable and cheap at this scale (hundreds of files), and survives editors that replace
/// files instead of writing them in place.
public struct SourceWatcher: Sendable {
  public var paths: [URL]

  public init(paths: [URL]) { self.paths = paths }

  /// A fingerprint of every file under the watched paths (path, size, modification time),
  /// hidden files and folders left out.
  ///
  /// Walks folders with `opendir`/`readdir` and `stat` on string paths: this runs every poll
  /// over every source file (10,000 on big projects), where `FileManager` and `URL` resource
  /// values cost tens of microseconds per file.
  public func fingerprint() -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    result.reserveCapacity(1024)
    for path in paths {
      Self.collect(path.path, into: &result)
    }
    return result
  }

  private static func collect(_ path: String, into result: inout [String: FileStamp]) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFREG {
      result[path] = FileStamp(info)
      return
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return }
    collect(folder: path, into: &result, entering: { _ in }, linked: { _ in })
  }

  /// Adds the files under `path`, a folder, to `result`. `entering` is told each folder before
  /// it is listed, `linked` each symbolic link counted as the file it names.
  static func collect(
    folder path: String, into result: inout [String: FileStamp], entering: (String) -> Void,
    linked: (String) -> Void
  ) {
    entering(path)
    guard let folder = opendir(path) else { return }
    let descriptor = dirfd(folder)
    var folders: [String] = []
    while let entry = readdir(folder) {
      // Hidden files and folders (and `.`, `..`) are not sources.
      let isHidden = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
      if isHidden { continue }
      // `fstatat` relative to the open folder: the kernel does not walk the whole path again.
      var own = stat()
      let named = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { name in
          fstatat(descriptor, name, &own, AT_SYMLINK_NOFOLLOW) == 0 ? String(cString: name) : nil
        }
      }
      guard let name = named else { continue }
      let child = path + "/" + name
      // A symbolic link counts as the file it names; linked folders are not entered (a link
      // back up the tree would never end).
      if (own.st_mode & S_IFMT) == S_IFLNK {
        linked(child)
        var target = stat()
        if stat(child, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG {
          result[child] = FileStamp(target)
        }
      } else if (own.st_mode & S_IFMT) == S_IFREG {
        result[child] = FileStamp(own)
      } else if (own.st_mode & S_IFMT) == S_IFDIR {
        folders.append(child)
      }
    }
    // Subfolders after this folder is closed, so deep trees do not hold many open.
    closedir(folder)
    for child in folders { collect(folder: child, into: &result, entering: entering, linked: linked) }
  }

  /// What differs between two fingerprints: absolute paths of files added or edited, and of
  /// files removed.
  public static func changes<Stamp: Equatable>(from old: [String: Stamp], to new: [String: Stamp])
    -> SourceChanges
  {
    var changes = SourceChanges()
    for (path, stamp) in new where old[path] != stamp {
      if old[path] == nil { changes.added.insert(path) } else { changes.edited.insert(path) }
    }
    for path in old.keys where new[path] == nil { changes.removed.insert(path) }
    return changes
  }

  /// Calls `onChange` (after a short settling delay) with what changed whenever the sources
  /// change, until the task is cancelled. Looks go through a `SourceFingerprint` (on Linux,
  /// only the files the kernel says were touched); every 50th look walks every file.
  public func watch(
    interval: Duration = .milliseconds(400), onChange: @Sendable (SourceChanges) async -> Void
  ) async {
    let sources = SourceFingerprint(paths: paths)
    var looks = 0
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      looks += 1
      let first = sources.update(walking: looks % 50 == 0)
      if !first.isEmpty {
        // Editors often write in several steps; wait for the files to settle.
        try? await Task.sleep(for: .milliseconds(150))
        await onChange(first.followed(by: sources.update()))
      }
    }
  }
}

extension SourceChanges {
  /// Nothing added, edited or removed.
  var isEmpty: Bool { added.isEmpty && edited.isEmpty && removed.isEmpty }

  /// These changes and then `later` as one change set from the first state to the last: a file
  /// added and then removed did not change; added and then edited was added; edited and then
  /// removed was removed; removed and then added again counts as edited.
  func followed(by later: SourceChanges) -> SourceChanges {
    var result = self
    for path in later.added {
      if result.removed.remove(path) != nil { result.edited.insert(path) } else { result.added.insert(path) }
    }
    for path in later.edited where !result.added.contains(path) { result.edited.insert(path) }
    for path in later.removed {
      if result.added.remove(path) != nil { continue }
      result.edited.remove(path)
      result.removed.insert(path)
    }
    return result
  }
}
