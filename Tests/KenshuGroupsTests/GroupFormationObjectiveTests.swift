import Foundation
import KenshuBenchmarks
import KenshuModel
import Testing

@testable import KenshuGroups

@Suite("Group formation: objective")
struct GroupFormationObjectiveTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func test_groupPlan_spreadsDoctorsAcrossGroups(seed: UInt64) {
    // 12 doctors among 60 people in groups of 6: 10 tables get 1 or 2 doctors, never 0 or 3.
    let others: [Profession] = [
      .nurse, .nurse, .municipalStaff, .pharmacist, .careManager, .physicalTherapist,
    ]
    let people = (0..<60).map { index in
      GroupTestSupport.person(
        "p\(index)", index < 12 ? .doctor : others[index % others.count], organisation: "org\(index % 9)")
    }
    let result = GroupFormation(
      participants: people,
      settings: GroupFormationSettings(size: 6, minProfessions: 4, rounds: 2, seed: seed)
    ).run()

    for counts in GroupTestSupport.counts(of: .doctor, in: result) {
      #expect(counts.count == 10)
      #expect(counts.allSatisfy { (1...2).contains($0) })
    }
    #expect(result.quality.unevenProfessions == [])
    #expect(result.quality.minDistinctProfessions >= 4)
  }

  @Test func test_groupPlan_separatesOrganisations() {
    // 8 organisations of 5 people and 5 tables of 8: one person per organisation per table.
    let professions: [Profession] = [.doctor, .nurse, .pharmacist, .careManager, .municipalStaff]
    let people = (0..<40).map { index in
      GroupTestSupport.person("p\(index)", professions[index / 8], organisation: "org\(index % 8)")
    }
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 8, rounds: 2))
      .run()

    #expect(result.quality.organisationClashes == 0)
    // Round 2 tables of 8 drawn from 5 round-1 tables must reunite 3 pairs each.
    #expect(result.quality.repeatPairs == 15)
    #expect(result.quality.lowerBounds.repeatPairs == 15)
  }

  @Test func test_largeOrganisation_clashesOnlyAsMuchAsThePigeonholeBound() {
    // 10 people from one hospital at 6 tables: at least 4 pairs must share a table.
    var people = GroupTestSupport.randomPeople(count: 36, seed: 5, organisations: 30)
    for index in 0..<10 { people[index].organisation = "大学病院" }
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 6)).run()

    #expect(result.quality.lowerBounds.organisationClashes >= 4)
    #expect(result.quality.organisationClashes == result.quality.lowerBounds.organisationClashes)
    #expect(result.quality.unmet.map(\.code).contains("organisation-separation"))
  }

  @Test func test_municipalities_areSeparatedWhenTheSpecSaysSo() {
    let people = (0..<24).map { index in
      GroupTestSupport.person(
        "p\(index)", [.doctor, .nurse, .careManager][index % 3], organisation: "org\(index)",
        prefecture: "東京都", municipality: ["八王子市", "町田市", "府中市", "調布市"][index % 4])
    }
    let settings = GroupFormationSettings(size: 4, separate: [.organisation, .municipality])
    let result = GroupFormation(participants: people, settings: settings).run()

    #expect(result.quality.municipalityClashes == 0)
  }

  @Test func test_twoHundredPeople_fourRounds_noRepeatPairs() {
    let people = SyntheticCohort.people(count: 200, seed: 1)
    let settings = GroupFormationSettings(size: 6, maxSize: 7, minProfessions: 3, rounds: 4, seed: 1)
    let result = GroupFormation(participants: people, settings: settings).run()

    #expect(result.quality.repeatPairs == 0)
    #expect(result.quality.organisationClashes == 0)
  }

  @Test func test_rounds_avoidRepeatPairsAsFarAsFeasible() {
    // 9 people in 3 tables of 3 over 4 rounds: a resolvable design (Kirkman-style) exists.
    let people = (0..<9).map { GroupTestSupport.person("p\($0)", .nurse) }
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 3, rounds: 4))
      .run()

    #expect(result.quality.repeatPairs == 0)
  }

  @Test func test_tooFewProfessions_isReportedWithTheReason() {
    let people = (0..<40).map { index in
      GroupTestSupport.person(
        "p\(index)", [.doctor, .nurse, .careManager][index % 3], organisation: "o\(index)")
    }
    let result = GroupFormation(
      participants: people, settings: GroupFormationSettings(size: 5, minProfessions: 4)
    ).run()

    let unmet = result.quality.unmet.first { $0.code == "min-professions" }
    #expect(unmet?.message.contains("only 3 profession(s) among 40 people") == true)
    #expect(unmet?.message.contains("minimum 4 per group cannot be met") == true)
    // One language per line for the command line; the plan's files keep both.
    #expect(unmet?.text(in: .ja).contains("4職種に届きません") == true)
    #expect(unmet?.text(in: .ja).contains("cannot be met") == false)
    #expect(unmet?.text(in: .en).hasPrefix("8 table(s) have fewer than 4 professions") == true)
    #expect(result.quality.minDistinctProfessions == 3)
  }

  @Test func test_regions_areBalancedWhenAsked() {
    // Six prefectures, four people each, six tables of four: every table mixes four prefectures.
    let people = (0..<24).map { index in
      GroupTestSupport.person(
        "p\(index)", [.doctor, .nurse, .careManager, .municipalStaff][index % 4], organisation: "o\(index)",
        prefecture: "pref\(index / 4)")
    }
    let settings = GroupFormationSettings(size: 4, balanceRegions: true)
    let result = GroupFormation(participants: people, settings: settings).run()
    let byID = result.peopleByID

    for group in result.plan.rounds[0].groups {
      #expect(Set(group.members.compactMap { byID[$0]?.prefecture }).count == 4)
    }
  }
}

@Suite("Group formation: a local training")
struct LocalTrainingGroupTests {
  /// A 48-person municipal training: few doctors and dentists, many nurses and care managers,
  /// several people from the same clinic, station or office.
  static let people: [Person] = {
    let mix: [(Profession, Int)] = [
      (.doctor, 5), (.dentist, 2), (.pharmacist, 5), (.nurse, 10), (.physicalTherapist, 3),
      (.occupationalTherapist, 2), (.dietitian, 2), (.careManager, 9), (.medicalSocialWorker, 3),
      (.careWorker, 4), (.municipalStaff, 3),
    ]
    var people: [Person] = []
    for (profession, count) in mix {
      for _ in 0..<count {
        let index = people.count + 1
        // Every fourth person shares one of three large employers; the rest are on their own.
        let organisation = index % 4 == 0 ? ["市民病院", "訪問看護ステーションみどり", "市役所"][index % 3] : "事業所\(index)"
        people.append(
          GroupTestSupport.person(String(format: "p%03d", index), profession, organisation: organisation))
      }
    }
    return people
  }()

  @Test func test_localTraining_everyTableMeetsItsMinimum_andNobodyMeetsTwice() {
    let spec = GroupWorkSpec(size: 6, minProfessions: 5, separate: [.organisation], rounds: 3)
    let result = GroupFormation(
      participants: Self.people, settings: GroupFormationSettings(spec: spec, seed: 2026)
    )
    .run()

    #expect(result.plan.rounds.map(\.groups.count) == [8, 8, 8])
    #expect(result.quality.minDistinctProfessions >= 5)
    #expect(result.quality.organisationClashes == 0)
    #expect(result.quality.repeatPairs == 0)
    #expect(result.quality.unevenProfessions == [])
    #expect(result.quality.unmet == [])
  }
}
