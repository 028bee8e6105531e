import KenshuModel
import Testing

@testable import KenshuGroups

@Suite("Group formation: hard constraints")
struct GroupFormationConstraintTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func test_groupPlan_seatsEveryoneOncePerRoundInEvenGroups_onRandomInstances(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let count = 20 + generator.nextInt(below: 60)
    let settings = GroupFormationSettings(
      size: 4 + generator.nextInt(below: 4), minProfessions: 3, rounds: 1 + generator.nextInt(below: 3),
      seed: seed)
    let people = GroupTestSupport.randomPeople(count: count, seed: seed, keepApartPairs: 3)
    let facilitators = (1...(2 + generator.nextInt(below: 12))).map {
      GroupTestSupport.person("f\($0)", .nurse, organisation: "org\($0 % 6)")
    }
    let formation = GroupFormation(participants: people, facilitators: facilitators, settings: settings)
    let result = formation.run()

    #expect(GroupTestSupport.hardConstraintViolations(result, settings: settings) == [])
    #expect(result.quality.keepApartViolations == 0)
    // The incrementally kept objective equals the objective recomputed from the plan.
    #expect(formation.score(of: result.plan) == result.quality.score)
  }

  @Test func test_groupPlan_keepsMarkedPeopleApart() {
    var people = GroupTestSupport.randomPeople(count: 24, seed: 7, organisations: 24)
    // p1 must never sit with p2 or p3, nor with p4, who marked p1.
    people[0].keepApart = ["p2", "p3"]
    people[3].keepApart = ["p1"]
    let settings = GroupFormationSettings(size: 6, rounds: 3, seed: 1)
    let result = GroupFormation(participants: people, settings: settings).run()

    for round in result.plan.rounds {
      let table = round.groups.first { $0.members.contains("p1") }
      #expect(table.map { Set($0.members).isDisjoint(with: ["p2", "p3", "p4"]) } == true)
    }
    #expect(result.quality.keepApartViolations == 0)
  }

  @Test func test_groupPlan_reportsImpossibleKeepApart() {
    // Three people who must all be apart, but only two tables.
    let people = [
      GroupTestSupport.person("a", .doctor, keepApart: ["b", "c"]),
      GroupTestSupport.person("b", .nurse, keepApart: ["c"]),
      GroupTestSupport.person("c", .pharmacist),
      GroupTestSupport.person("d", .careManager),
    ]
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 2)).run()

    #expect(result.quality.keepApartViolations == 1)
    #expect(result.quality.unmet.map(\.code).contains("keep-apart"))
  }

  @Test func test_groupPlan_followsTheSessionSizeRange() {
    let people = GroupTestSupport.randomPeople(count: 200, seed: 3)
    let spec = GroupWorkSpec(size: 6, maxSize: 7, minProfessions: 4, rounds: 2)
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(spec: spec)).run()

    let sizes = result.plan.rounds.flatMap { $0.groups.map(\.members.count) }
    #expect(sizes.allSatisfy { (5...7).contains($0) })
    #expect(result.plan.rounds.count == 2)
    #expect(!result.quality.unmet.map(\.code).contains("group-size"))
  }

  @Test func test_groupPlan_reportsSizesOutsideTheRange() {
    let people = GroupTestSupport.randomPeople(count: 13, seed: 1)
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 6)).run()

    #expect(result.quality.unmet.map(\.code).contains("group-size"))
    #expect(result.plan.rounds[0].groups.map(\.members.count).reduce(0, +) == 13)
  }

  @Test func test_facilitators_avoidTablesWithTheirOwnOrganisation() {
    // Four tables; the facilitator's hospital has people at three of them at most.
    let people = (1...16).map { index in
      GroupTestSupport.person(
        "p\(index)", [.doctor, .nurse, .pharmacist, .careManager][index % 4],
        organisation: index <= 3 ? "病院A" : "事業所\(index)")
    }
    let facilitator = GroupTestSupport.person("f1", .nurse, organisation: "病院Ａ")  // full-width Ａ
    let result = GroupFormation(
      participants: people, facilitators: [facilitator], settings: GroupFormationSettings(size: 4, rounds: 2)
    ).run()

    for round in result.plan.rounds {
      let table = round.groups.first { $0.facilitator == "f1" }
      #expect(table.map { Set($0.members).isDisjoint(with: ["p1", "p2", "p3"]) } == true)
    }
    #expect(result.quality.facilitatorOrganisationClashes == 0)
  }

  @Test func test_facilitators_fewerThanTables_leaveTablesWithoutAndSaySo() {
    let people = GroupTestSupport.randomPeople(count: 30, seed: 2)
    let facilitators = [GroupTestSupport.person("f1", .nurse), GroupTestSupport.person("f2", .doctor)]
    let result = GroupFormation(
      participants: people, facilitators: facilitators, settings: GroupFormationSettings(size: 6)
    ).run()

    let assigned = result.plan.rounds[0].groups.map(\.facilitator)
    #expect(assigned.compactMap { $0 }.sorted() == ["f1", "f2"])
    #expect(assigned.filter { $0 == nil }.count == 3)
    #expect(result.quality.unmet.map(\.code).contains("facilitator-shortage"))
  }

  @Test func test_facilitatorListedAsParticipant_isOnlyAFacilitator() {
    let people = GroupTestSupport.randomPeople(count: 12, seed: 2)
    let result = GroupFormation(
      participants: people, facilitators: [people[0]], settings: GroupFormationSettings(size: 4)
    ).run()

    #expect(result.participants.count == 11)
    #expect(result.diagnostics.map(\.code) == ["groups-facilitator-is-participant"])
    #expect(!result.plan.rounds[0].groups.flatMap(\.members).contains(people[0].id))
  }

  @Test func test_invalidSettings_areDiagnosticsNotCrashes() {
    let people = GroupTestSupport.randomPeople(count: 5, seed: 1)
    let zero = GroupFormation(participants: people, settings: GroupFormationSettings(size: 0)).run()
    let noRounds = GroupFormation(participants: people, settings: GroupFormationSettings(size: 3, rounds: 0))
      .run()
    let nobody = GroupFormation(participants: [], settings: GroupFormationSettings(size: 3)).run()

    #expect(zero.diagnostics.map(\.code) == ["groups-invalid-size"])
    #expect(noRounds.diagnostics.map(\.code) == ["groups-invalid-rounds"])
    #expect(nobody.diagnostics.map(\.code) == ["groups-no-participants"])
    #expect(nobody.plan.rounds.isEmpty)
  }

  @Test func test_groupPlan_isDeterministicForASeed() {
    let people = GroupTestSupport.randomPeople(count: 60, seed: 9, keepApartPairs: 4, prefectures: 5)
    let settings = GroupFormationSettings(
      size: 6, minProfessions: 3, rounds: 3, seed: 42, balanceRegions: true)
    let first = GroupFormation(participants: people, settings: settings).run()
    let second = GroupFormation(participants: people, settings: settings).run()

    #expect(first.plan == second.plan)
    #expect(first.renderJSON() == second.renderJSON())
  }
}

@Suite("Group formation: odd inputs")
struct GroupFormationOddInputTests {
  @Test(arguments: [
    (1, 6, 1), (2, 6, 3), (5, 1, 2), (7, 10, 1), (3, 2, 50), (6, 3, 4),
  ])
  func test_tinyOrOddInstances_produceValidPlans(people count: Int, size: Int, rounds: Int) {
    let people = GroupTestSupport.randomPeople(
      count: count, seed: UInt64(count * 31 + size), keepApartPairs: 2)
    let settings = GroupFormationSettings(size: size, minProfessions: 3, rounds: rounds)
    let result = GroupFormation(participants: people, settings: settings).run()

    #expect(GroupTestSupport.hardConstraintViolations(result, settings: settings) == [])
    #expect(result.renderJSON().hasPrefix("{"))
  }

  @Test func test_peopleWithoutOrganisationOrProfessionDetails_neverClash() {
    let people = (0..<12).map {
      Person(id: "p\($0)", name: "", profession: .other, organisation: $0 % 2 == 0 ? nil : " ")
    }
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 4, rounds: 2))
      .run()

    #expect(result.quality.organisationClashes == 0)
    #expect(result.quality.minDistinctProfessions == 1)
  }

  @Test func test_duplicateIDs_areReportedAndSeatedOnce() {
    let people = [
      GroupTestSupport.person("p1", .doctor), GroupTestSupport.person("p1", .nurse),
      GroupTestSupport.person("p2", .nurse),
    ]
    let result = GroupFormation(participants: people, settings: GroupFormationSettings(size: 2)).run()

    #expect(result.diagnostics.map(\.code) == ["groups-duplicate-person"])
    #expect(result.plan.rounds[0].groups.flatMap(\.members).sorted() == ["p1", "p2"])
  }
}
