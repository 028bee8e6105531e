import Testing

@testable import KenshuModel

@Suite struct ProfessionTests {
  @Test(arguments: [
    ("医師", Profession.doctor), ("doctor", .doctor), ("ｹｱﾏﾈｼﾞｬｰ", .careManager),
    ("介護支援専門員", .careManager), ("ＰＴ", .physicalTherapist), ("訪問看護師", .nurse),
    ("Care manager", .careManager), ("municipal-staff", .municipalStaff), ("MSW", .medicalSocialWorker),
  ])
  func parses_labelsIdsAndAliases(text: String, expected: Profession) {
    #expect(Profession(parsing: text) == expected)
  }

  @Test func rejects_unknownText() {
    #expect(Profession(parsing: "宇宙飛行士") == nil)
    #expect(Profession(parsing: "  ") == nil)
  }

  @Test func everyProfession_roundTripsThroughItsOwnLabels() {
    for p in Profession.allCases {
      #expect(Profession(parsing: p.rawValue) == p)
      #expect(Profession(parsing: p.japaneseLabel) == p)
      #expect(Profession(parsing: p.englishLabel) == p)
    }
  }
}
