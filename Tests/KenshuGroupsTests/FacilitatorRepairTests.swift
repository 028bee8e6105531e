import KenshuModel
import Testing

@testable import KenshuGroups

@Suite("Facilitator seating")
struct FacilitatorRepairTests {
  @Test func test_repair_movesAMemberAwayFromTheirOwnOrganisationsFacilitator() {
    // Tables {p1 B, p2 C, p3, p4} and {p5, p6, p7, p8}: whichever table f1 (B) or f2 (C) takes,
    // one of them sits with their own organisation, until p1 or p2 swaps with a colleague of
    // the same profession at the other table.
    let people = [
      GroupTestSupport.person("p1", .doctor, organisation: "B"),
      GroupTestSupport.person("p2", .nurse, organisation: "C"),
      GroupTestSupport.person("p3", .pharmacist, organisation: "D"),
      GroupTestSupport.person("p4", .careManager, organisation: "E"),
      GroupTestSupport.person("p5", .doctor, organisation: "F"),
      GroupTestSupport.person("p6", .nurse, organisation: "G"),
      GroupTestSupport.person("p7", .pharmacist, organisation: "H"),
      GroupTestSupport.person("p8", .careManager, organisation: "I"),
    ]
    let facilitators = [
      GroupTestSupport.person("f1", .doctor, organisation: "B"),
      GroupTestSupport.person("f2", .doctor, organisation: "C"),
    ]
    let settings = GroupFormationSettings(size: 4)
    let problem = FormationProblem(people: people, settings: settings, sizes: [4, 4], rounds: 1)
    let search = GroupSearch(problem: problem, bounds: FormationBounds(problem: problem), seed: 1)
    var state = search.rebuild([[0, 0, 0, 0, 1, 1, 1, 1]])
    let before = state.score
    let members = [(0..<2).map { table in state.members(of: table, in: 0).map { people[$0] } }]
    let tables = FacilitatorAssignment(facilitators: facilitators, plan: members).tables

    let swaps = FacilitatorRepair(problem: problem, facilitators: facilitators).repair(&state, tables: tables)

    #expect(swaps == 1)
    #expect(state.score == before)
    #expect(state.group(of: 0, in: 0) != state.group(of: 1, in: 0))
  }

  @Test func test_assignment_isAMinimumCostMatching() {
    let cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    let matching = FacilitatorAssignment.minimumCostAssignment(cost, rows: 3, columns: 3)
    #expect(matching == [1, 0, 2])
    // More rows than columns: the cheapest rows get the columns, the rest none.
    let wide = FacilitatorAssignment.minimumCostAssignment([[5], [1], [3]], rows: 3, columns: 1)
    #expect(wide == [nil, 0, nil])
  }
}

@Suite("Facilitator selection")
struct FacilitatorSelectionTests {
  @Test func test_onlyQualifiedFacilitators_areChosen_andTheOthersAreNamed() {
    let qualified = Person(
      id: "f1", name: "", profession: .nurse, roles: [.facilitator],
      qualifications: [Qualification(subject: "zaitaku-2026", role: .facilitator)])
    let unqualified = Person(id: "f2", name: "", profession: .doctor, roles: [.facilitator])
    let trainee = Person(id: "p1", name: "", profession: .nurse)

    let (chosen, diagnostics) = FacilitatorSelection.facilitators(
      in: [qualified, unqualified, trainee], qualifiedFor: "zaitaku-2026")
    let (anyRole, none) = FacilitatorSelection.facilitators(in: [qualified, unqualified, trainee])

    #expect(chosen.map(\.id) == ["f1"])
    #expect(diagnostics.map(\.code) == ["groups-unqualified-facilitator"])
    #expect(diagnostics.first?.message.contains("f2") == true)
    #expect(anyRole.map(\.id) == ["f1", "f2"])
    #expect(none.isEmpty)
  }
}
