import KenshuModel
import Testing

@testable import KenshuDefinitions

/// `ContentFileFindings.normalised`, which tells whether a path a definition names is a file
/// the watcher reported as edited, answers what `LinkPolicy.resolve` answers.
@Suite struct ContentFileFindingsTests {
  @Test func normalised_equalsLinkPolicyResolve_onSeededPaths() {
    let pieces = [
      "a", "b.md", "cases", ".", "..", "...", ".md", "", "/", "//", "#", "?", "#x", "?q=1", "事例",
      "cafe\u{301}", "\u{301}", "/\u{301}", ".\u{301}", "a b", "%20", "\\", ":", "s0.md", "..md",
    ]
    var random = SplitMix(seed: 18)
    for _ in 0..<20_000 {
      var path = ""
      for _ in 0..<(1 + random.next(below: 6)) {
        path += pieces[random.next(below: pieces.count)]
        if random.next(below: 3) > 0 { path += "/" }
      }
      let reference = LinkPolicy.resolve(path, fromFolder: "") ?? path
      #expect(ContentFileFindings.normalised(path) == reference, "\(path.unicodeScalars.map(\.value))")
      if ContentFileFindings.isNormal(path) {
        #expect(path.utf8.elementsEqual(reference.utf8), "\(path.unicodeScalars.map(\.value))")
      }
    }
  }

  @Test func isNormal_refusesEveryPathResolveChanges() {
    for path in ["a//b", "/a", "a/", "./a", "a/./b", "a/..", "../a", "a#b", "a?b", "", ".", ".."] {
      #expect(!ContentFileFindings.isNormal(path), "\(path)")
    }
    for path in ["a", "a/b.md", "...", "a/.../b", ".md", "..md", "事例/s0.md"] {
      #expect(ContentFileFindings.isNormal(path), "\(path)")
    }
  }
}

/// A small seeded generator (SplitMix64).
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
