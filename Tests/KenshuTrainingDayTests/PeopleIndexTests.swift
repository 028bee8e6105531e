import KenshuModel
import Testing

@testable import KenshuTrainingDay

/// How a row finds its person (`PeopleIndex`): by id as written, then width- and case-folded,
/// never by chance.
@Suite struct PeopleIndexTests {
  @Test func test_foldedIdMatchingTwoRosterIds_isAmbiguous() {
    let roster = Roster(
      id: "r",
      people: [
        Person(id: "p001", name: "山田 太郎", profession: .nurse),
        Person(id: "P001", name: "山田 花子", profession: .doctor),
        Person(id: "q7", name: "佐藤 一郎", profession: .pharmacist),
      ])
    let matcher = PeopleIndex(roster: roster)
    // Exactly as written: that person.
    #expect(matcher.resolve(id: "P001", name: nil, kana: nil).0 == .matched(person: "P001"))
    // Folded, both fit: ambiguous, with both named (before, dictionary order picked one).
    #expect(matcher.resolve(id: "ｐ００１", name: nil, kana: nil).0 == .ambiguous(candidates: ["P001", "p001"]))
    // Folded, one fits: matched.
    #expect(matcher.resolve(id: "Ｑ７", name: nil, kana: nil).0 == .matched(person: "q7"))
  }
}
