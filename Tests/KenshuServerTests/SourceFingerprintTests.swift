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
      switch next(10) {
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
      #expect(changes == SourceWatcher.changes(from: previous, to: walked), "seed \(seed) step \(step)")
      previous = walked
    }
  }

  @Test func changesFollowedByLaterChanges_areTheChangesFromFirstToLast() {
    let first = SourceChanges(added: ["/a", "/b"], edited: ["/c", "/d"], removed: ["/e"])
    let later = SourceChanges(added: ["/e"], edited: ["/a"], removed: ["/b", "/d"])
    let both = first.followed(by: later)
    #expect(both.added == ["/a"])
    #expect(both.edited == ["/c", "/e"])
    #expect(both.removed == ["/d"])
  }
}
