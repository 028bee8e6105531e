import Foundation
import KenshuModel
import Testing

@testable import KenshuServer

/// `SourceFingerprint` (inotify on Linux) holds, after every look, what a full walk
/// (`SourceWatcher.fingerprint()`) finds, and reports what `SourceWatcher.changes` reports.
@Suite struct SourceFingerprintTests {
  @Test(arguments: [UInt64(1), 2, 3])
  func everyLook_equalsAWalk_afterSeededEdits(seed: UInt64) throws {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("kenshu-fingerprint-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: root) }
    let content = root.appendingPathComponent("content")
    let outside = root.appendingPathComponent("outside.md")
    try fm.createDirectory(at: content.appendingPathComponent("a"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: outside)
    let settings = root.appendingPathComponent("kenshu.xml")
    let paths = [settings, content, root.appendingPathComponent("theme")]
    let walker = SourceWatcher(paths: paths)
    let live = SourceFingerprint(paths: paths)
    var previous = walker.fingerprint()
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(bound))
    }
    let names = ["a/s0.md", "a/s1.md", "b.md", "a/c/d.md", ".hidden.md", "a/.swp"]
    for step in 0..<60 {
      let name = names[next(names.count)]
      let file = content.appendingPathComponent(name)
      // The file this step writes: the kernel names it, so it counts as edited even when its
      // size and time come out the same (two writes within one clock tick).
      var written: Set<String> = []
      let choice = next(10)
      switch choice {
      case 0, 1, 2, 3: written = [file.path]
      case 9: written = [paths[2].appendingPathComponent("style.css").path]
      default: break
      }
      switch choice {
      case 0, 1:
        try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("text \(step)\n".utf8).write(to: file, options: .atomic)
      case 2, 3:
        // Written in place, the same size: only the time differs.
        if let handle = FileHandle(forWritingAtPath: file.path) {
          try handle.write(contentsOf: Data("T".utf8))
          try handle.close()
        }
      case 4: try? fm.removeItem(at: file)
      case 5: try? fm.removeItem(at: content.appendingPathComponent("a/c"))
      case 6:
        try? fm.createSymbolicLink(at: content.appendingPathComponent("link.md"), withDestinationURL: outside)
      case 7: try Data("outside \(step)".utf8).write(to: outside)
      case 8: try Data("<site/>".utf8).write(to: settings)
      default:
        try fm.createDirectory(at: paths[2], withIntermediateDirectories: true)
        try Data("css \(step)".utf8).write(to: paths[2].appendingPathComponent("style.css"))
      }
      let walked = walker.fingerprint()
      let changes = live.update()
      #expect(live.stamps == walked, "seed \(seed) step \(step)")
      let expected = SourceWatcher.changes(from: previous, to: walked)
      #expect(changes.added == expected.added, "seed \(seed) step \(step)")
      #expect(changes.removed == expected.removed, "seed \(seed) step \(step)")
      #expect(changes.edited.isSuperset(of: expected.edited), "seed \(seed) step \(step)")
      #expect(changes.edited.subtracting(expected.edited).isSubset(of: written), "seed \(seed) step \(step)")
      previous = walked
    }
  }

  /// Network and shared filesystems send no inotify event for an edit made elsewhere: a root
  /// there is walked on every look; local and overlay filesystems keep the events.
  @Test func networkFilesystems_areWalkedOnEveryLook_localOnesWatched() {
    let walked: [UInt32] = [
      0x6969, 0x517B, 0xFF53_4D42, 0xFE53_4D42, 0x0102_1997, 0x6573_5546, 0x786F_4256, 0x00C3_6400,
      0x5346_414F,
    ]
    for magic in walked {
      #expect(SourceFingerprint.walksEveryLook(filesystemType: magic), "\(String(magic, radix: 16))")
    }
    // ext4, tmpfs, overlay, btrfs, xfs, zfs.
    let watched: [UInt32] = [0xEF53, 0x0102_1994, 0x794C_7630, 0x9123_683E, 0x5846_5342, 0x2FC1_2FC1]
    for magic in watched {
      #expect(!SourceFingerprint.walksEveryLook(filesystemType: magic), "\(String(magic, radix: 16))")
    }
  }

  #if os(Linux)
    /// With no watch left, looks walk without asking the kernel for watches again; only the
    /// safety-net walk (`update(walking: true)`) tries once more.
    @Test func watchesRunningOut_areRetriedOnlyOnTheSafetyNetWalk() throws {
      let fm = FileManager.default
      let root = fm.temporaryDirectory.appendingPathComponent("kenshu-fingerprint-\(UUID().uuidString)")
      defer { try? fm.removeItem(at: root) }
      let content = root.appendingPathComponent("content")
      try fm.createDirectory(at: content.appendingPathComponent("a"), withIntermediateDirectories: true)
      let attempts = Attempts()
      let live = SourceFingerprint(paths: [content]) { _, _, _ in
        attempts.add()
        errno = ENOSPC
        return -1
      }
      #expect(!live.usesEvents)
      let first = attempts.count
      #expect(first >= 1)
      let file = content.appendingPathComponent("a/s0.md")
      for step in 0..<5 {
        try Data("text \(String(repeating: "x", count: step))\n".utf8).write(to: file)
        let changes = live.update()
        #expect(changes.added.union(changes.edited) == [file.path], "step \(step)")
      }
      #expect(attempts.count == first)
      _ = live.update(walking: true)
      #expect(attempts.count > first)
      #expect(live.stamps == SourceWatcher(paths: [content]).fingerprint())
    }

    final class Attempts: @unchecked Sendable {
      private let lock = NSLock()
      private var value = 0
      func add() { lock.withLock { value += 1 } }
      var count: Int { lock.withLock { value } }
    }

    /// A file the kernel says was written counts as edited even when its size and time are
    /// what they were (a coarse clock, or the time put back as `touch -r` does).
    @Test func writtenFile_withTheSameSizeAndTime_isEdited() throws {
      let fm = FileManager.default
      let root = fm.temporaryDirectory.appendingPathComponent("kenshu-fingerprint-\(UUID().uuidString)")
      defer { try? fm.removeItem(at: root) }
      let content = root.appendingPathComponent("content")
      try fm.createDirectory(at: content, withIntermediateDirectories: true)
      let file = content.appendingPathComponent("s0.md")
      try Data("before\n".utf8).write(to: file)
      let live = SourceFingerprint(paths: [content])
      try #require(live.usesEvents)
      var info = stat()
      try #require(stat(file.path, &info) == 0)
      let handle = try #require(FileHandle(forWritingAtPath: file.path))
      try handle.write(contentsOf: Data("after!\n".utf8))
      try handle.close()
      // The times put back to the nanosecond.
      let times = [info.st_atim, info.st_mtim]
      try #require(utimensat(AT_FDCWD, file.path, times, 0) == 0)
      #expect(live.stamps[file.path] == FileStamp(path: file.path))
      #expect(live.update().edited == [file.path])
    }
  #endif

  @Test func changesFollowedByLaterChanges_areTheChangesFromFirstToLast() {
    let first = SourceChanges(added: ["/a", "/b"], edited: ["/c", "/d"], removed: ["/e"])
    let later = SourceChanges(added: ["/e"], edited: ["/a"], removed: ["/b", "/d"])
    let both = first.followed(by: later)
    #expect(both.added == ["/a"])
    #expect(both.edited == ["/c", "/e"])
    #expect(both.removed == ["/d"])
  }
}
