import Foundation
import Testing

@testable import KenshuModel

@Suite struct JSONStringTests {
  @Test func quoted_escapesWhatJSONRequires_andKeepsJapanese() throws {
    let text = "多職種\"連携\"\\\n\t\r\u{1}</script>\u{2028}"
    let quoted = JSONString.quoted(text)
    #expect(quoted == #""多職種\"連携\"\\\n\t\r\u0001</script>\#u{2028}""#)
    #expect(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)) == text)
  }

  @Test func quotedForScript_cannotEndAScript() throws {
    let text = "a</script><b>\u{2028}\u{2029}"
    let quoted = JSONString.quotedForScript(text)
    #expect(!quoted.contains("<"))
    #expect(!quoted.contains("\u{2028}") && !quoted.contains("\u{2029}"))
    #expect(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)) == text)
  }

  /// `quoted` copies runs of bytes; it must equal the scalar-by-scalar reference on any text.
  @Test func quoted_equalsTheScalarReference_onSeededTexts() {
    let pieces = [
      "多職種", "a", "\"", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "<", ">", "&", "\u{2028}",
      "\u{2029}", "\u{2027}", "\u{202A}", "\u{E280}", "â\u{80}", "é", "\u{1F469}\u{200D}\u{1F4BB}", "ｶﾞ", "/",
    ]
    var state: UInt64 = 0x15_0A7E
    func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    for _ in 0..<20_000 {
      let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
      #expect(JSONString.quoted(text) == JSONString.referenceQuoted(text, forScript: false))
      #expect(JSONString.quotedForScript(text) == JSONString.referenceQuoted(text, forScript: true))
    }
  }
}
