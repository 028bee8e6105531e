import Testing

@testable import KenshuModel

/// `SiteLayout.segment` works on UTF-8 bytes for speed; it must name every id exactly as the
/// scalar-by-scalar reference did, or pages would move and collision checks would disagree
/// with the build.
@Suite struct SiteLayoutSegmentTests {
  @Test func test_segment_equalsTheReference_onChosenIds() {
    let ids = [
      "", ".", "..", "...", "a.", ".a", "day1", "gw-1_x.y", "研修", "a研b", "é", "e\u{301}", "🧑‍⚕️", "A Z",
      "tab\there", "slash/x", "back\\x", "%41", "ＡＢＣ", "１１", "ª", "\u{0}", "\u{7F}", "..研",
    ]
    for id in ids {
      #expect(SiteLayout.segment(id) == SiteLayout.referenceSegment(id), "\(id.debugDescription)")
    }
  }

  @Test func test_segment_equalsTheReference_onRandomIds() {
    // Scalars from ASCII, Latin-1, kana/kanji, and astral planes, with dots weighted up.
    let pool: [Unicode.Scalar] =
      (0x20...0x7E).compactMap(Unicode.Scalar.init) + [
        "ª", "é", "あ", "研", "ｱ", "\u{301}", "😀", ".", ".", ".",
      ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<5_000 {
      var id = String.UnicodeScalarView()
      for _ in 0..<(next() % 9) { id.append(pool[next() % pool.count]) }
      let text = String(id)
      #expect(SiteLayout.segment(text) == SiteLayout.referenceSegment(text), "\(text.debugDescription)")
    }
  }
}
