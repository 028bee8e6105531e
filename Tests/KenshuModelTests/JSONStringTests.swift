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
}
