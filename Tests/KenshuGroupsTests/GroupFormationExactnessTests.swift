import KenshuModel
import Testing

@testable import KenshuGroups

/// The heuristic against exact answers: on instances small enough to enumerate every plan,
/// it must reach the optimal objective, level for level.
@Suite("Group formation: exactness on small instances")
struct GroupFormationExactnessTests {
  @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
  func test_oneRound_twelvePeople_matchesExhaustiveOptimum(seed: UInt64) {
    let people = GroupTestSupport.randomPeople(
      count: 12, seed: seed, organisations: 4, keepApartPairs: 2, prefectures: 3)
    let settings = GroupFormationSettings(size: 4, minProfessions: 3, seed: seed, balanceRegions: true)
    let result = GroupFormation(participants: people, settings: settings).run()
    let optimum = ExhaustiveGroupSearch(people: people, settings: settings, sizes: [4, 4, 4]).optimum()

    #expect(result.quality.score == optimum)
  }

  @Test(arguments: [21, 22, 23] as [UInt64])
  func test_oneRound_groupsOfThree_matchesExhaustiveOptimum(seed: UInt64) {
    let people = GroupTestSupport.randomPeople(count: 12, seed: seed, organisations: 3)
    let settings = GroupFormationSettings(size: 3, minProfessions: 3, seed: seed)
    let result = GroupFormation(participants: people, settings: settings).run()
    let optimum = ExhaustiveGroupSearch(people: people, settings: settings, sizes: [3, 3, 3, 3]).optimum()

    #expect(result.quality.score == optimum)
  }

  @Test(arguments: [31, 32, 33] as [UInt64])
  func test_threeRounds_eightPeople_matchesExhaustiveOptimum(seed: UInt64) {
    // Two tables of four for three rounds: repeats are unavoidable and trade off with
    // organisations, which come first.
    let people = GroupTestSupport.randomPeople(count: 8, seed: seed, organisations: 3)
    let settings = GroupFormationSettings(size: 4, minProfessions: 2, rounds: 3, seed: seed)
    let result = GroupFormation(participants: people, settings: settings).run()
    let optimum = ExhaustiveGroupSearch(people: people, settings: settings, sizes: [4, 4]).optimum()

    #expect(result.quality.score == optimum)
  }

  @Test func test_thirtyPeople_reachTheLowerBound_soTheyAreOptimal() {
    // Too large to enumerate, but the objective meets its lower bound at every level: six
    // tables, each with five professions, five prefectures and five organisations.
    let professions: [Profession] = [.doctor, .nurse, .pharmacist, .careManager, .municipalStaff, .dietitian]
    let people = (0..<30).map { index in
      GroupTestSupport.person(
        "p\(index)", professions[(index * 7) % 6], organisation: "org\(index % 10)",
        prefecture: "pref\(index % 5)")
    }
    let settings = GroupFormationSettings(size: 5, minProfessions: 5, balanceRegions: true)
    let result = GroupFormation(participants: people, settings: settings).run()

    #expect(result.quality.provablyOptimal)
    #expect(result.quality.score == result.quality.lowerBounds.score)
  }

  @Test func test_exhaustiveSearch_countsEachPartitionOnce() {
    // 12 people into 3 unlabelled groups of 4: 12! / (4!³ · 3!) = 5,775.
    let people = GroupTestSupport.randomPeople(count: 12, seed: 1)
    let search = ExhaustiveGroupSearch(
      people: people, settings: GroupFormationSettings(size: 4), sizes: [4, 4, 4])
    #expect(search.partitions().count == 5_775)
  }
}
