import Testing

@testable import KenshuDefinitions

/// List-valued attributes (`practises`, `professions`, `instructors`) split into words at white
/// space and at their separators, the same way for ASCII and for Japanese text.
@Suite struct ListTokensTests {
  @Test(arguments: [
    ("obj-a obj-b", ["obj-a", "obj-b"]),
    ("  obj-a,obj-b ,, \tobj-c\n", ["obj-a", "obj-b", "obj-c"]),
    ("", []),
    (" , ", []),
    ("医師、看護師・薬剤師, doctor", ["医師", "看護師", "薬剤師", "doctor"]),
    ("医師\u{3000}看護師", ["医師", "看護師"]),
  ])
  func test_words_areSplitAtSpaceAndSeparators(value: String, words: [String]) {
    #expect(tokens(value, separatedBy: [",", "、", "・"]) == words)
  }

  @Test func test_onlyTheGivenSeparators_split() {
    #expect(tokens("a、b,c", separatedBy: [","]) == ["a、b", "c"])
    #expect(tokens("a;b,c", separatedBy: [","]) == ["a;b", "c"])
  }
}
