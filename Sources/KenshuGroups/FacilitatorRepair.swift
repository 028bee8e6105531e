import KenshuModel

/// Moves participants away from a facilitator who sits with their own organisation (or a
/// keep-apart partner), when a swap with another table does that without making the
/// participants' objective worse at any level.
///
/// The facilitator assignment alone can only choose among the tables as formed; this makes
/// "never facilitating their own organisation's group if avoidable" hold in far more cases.
struct FacilitatorRepair {
  let problem: FormationProblem
  let facilitators: [Person]

  /// Repairs `state` in place for the facilitator seating `tables` (per round, per table);
  /// returns the number of swaps made.
  @discardableResult
  func repair(_ state: inout FormationState, tables: [[Int?]]) -> Int {
    guard !facilitators.isEmpty else { return 0 }
    let personKeys = problem.people.map(FacilitatorAssignment.organisationKey)
    let facilitatorKeys = facilitators.map(FacilitatorAssignment.organisationKey)
    var facilitatorOf = Array(repeating: -1, count: problem.groupCount)
    var swaps = 0

    /// How badly `person` conflicts with the facilitator of `table`: keep-apart outweighs
    /// organisation.
    func conflict(_ person: Int, atTable table: Int) -> Int {
      let index = facilitatorOf[table]
      guard index >= 0 else { return 0 }
      let facilitator = facilitators[index]
      var cost = 0
      let participant = problem.people[person]
      if facilitator.keepApart.contains(participant.id) || participant.keepApart.contains(facilitator.id) {
        cost += 1_000
      }
      if let key = facilitatorKeys[index], personKeys[person] == key { cost += 1 }
      return cost
    }

    for (round, seating) in tables.enumerated() {
      for table in 0..<problem.groupCount { facilitatorOf[table] = seating[table] ?? -1 }
      for table in 0..<problem.groupCount where facilitatorOf[table] >= 0 {
        for person in state.members(of: table, in: round) where conflict(person, atTable: table) > 0 {
          // The first swap (in table and member order, so deterministically) that lowers the
          // facilitators' conflicts and leaves the participants' objective no worse.
          search: for other in 0..<problem.groupCount where other != table {
            for candidate in state.members(of: other, in: round) {
              let before = conflict(person, atTable: table) + conflict(candidate, atTable: other)
              let after = conflict(candidate, atTable: table) + conflict(person, atTable: other)
              guard after < before else { continue }
              let delta = state.costOfSwapping(person, candidate, round: round)
              guard delta.isNonWorsening else { continue }
              state.swap(person, candidate, round: round, delta: delta)
              swaps += 1
              break search
            }
          }
        }
      }
    }
    return swaps
  }
}
