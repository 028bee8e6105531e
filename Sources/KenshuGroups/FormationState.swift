/// A (partial) assignment of people to groups in every round, with the counts needed to
/// compute the change of the objective for adding one person or swapping two in O(group size).
struct FormationState: Sendable {
  let problem: FormationProblem
  /// Group of each person in each round (`round * count + person`); -1 while unassigned.
  private(set) var groupOf: [Int]
  /// Members of each group (`round * groupCount + group`).
  private(set) var members: [[Int]]
  /// Position of each person in their group's member list (`round * count + person`).
  private var slot: [Int]
  /// People per profession per group (`(round * groupCount + group) * professionKinds + profession`).
  private var professionCounts: [Int]
  private var distinctProfessions: [Int]
  private var regionCounts: [Int]
  private var meetings: PairMeetings
  private(set) var score = GroupScore()

  init(problem: FormationProblem) {
    self.problem = problem
    let cells = problem.rounds * problem.groupCount
    groupOf = Array(repeating: -1, count: problem.rounds * problem.count)
    slot = Array(repeating: -1, count: problem.rounds * problem.count)
    members = Array(repeating: [], count: cells)
    for round in 0..<problem.rounds {
      for (group, size) in problem.sizes.enumerated() {
        members[round * problem.groupCount + group].reserveCapacity(size)
      }
    }
    professionCounts = Array(repeating: 0, count: cells * problem.professionKinds)
    distinctProfessions = Array(repeating: 0, count: cells)
    regionCounts = Array(repeating: 0, count: cells * problem.regionKinds)
    meetings = PairMeetings(people: problem.count, rounds: problem.rounds)
    // An empty group lacks the whole minimum; each new profession added reduces the shortfall.
    score.professionShortfall = cells * problem.minProfessions
  }

  /// The group of `person` in `round`, or -1.
  @inline(__always)
  func group(of person: Int, in round: Int) -> Int { groupOf[round * problem.count + person] }

  /// Members of `group` in `round`.
  @inline(__always)
  func members(of group: Int, in round: Int) -> [Int] { members[round * problem.groupCount + group] }

  /// Distinct professions of `group` in `round`.
  func distinctProfessions(of group: Int, in round: Int) -> Int {
    distinctProfessions[round * problem.groupCount + group]
  }

  /// People of profession index `profession` in `group` in `round`.
  func count(ofProfession profession: Int, in group: Int, round: Int) -> Int {
    professionCounts[(round * problem.groupCount + group) * problem.professionKinds + profession]
  }

  /// 1 when `a` and `b` have sat together at least `times` times.
  @inline(__always)
  private func hasMet(_ a: Int, _ b: Int, atLeast times: UInt16) -> Int {
    meetings.isTracked && meetings[a, b] >= times ? 1 : 0
  }

  // MARK: Adding people (construction)

  /// The change of the objective if `person` joins `group` in `round`.
  func costOfAdding(_ person: Int, to group: Int, round: Int) -> GroupScore {
    let cell = round * problem.groupCount + group
    var delta = GroupScore()
    for other in members[cell] {
      delta.keepApart += problem.keptApart(person, other)
      delta.separation += problem.separation(person, other)
      delta.repeatPairs += hasMet(person, other, atLeast: 1)
    }
    let profession = problem.profession[person]
    let count = professionCounts[cell * problem.professionKinds + profession]
    if count == 0 && distinctProfessions[cell] < problem.minProfessions { delta.professionShortfall = -1 }
    delta.professionSpread = 2 * count + 1
    let region = problem.region[person]
    if region >= 0 {
      delta.regionSpread = 2 * regionCounts[cell * problem.regionKinds + region] + 1
    }
    return delta
  }

  /// Puts an unassigned `person` into `group` in `round`.
  mutating func add(_ person: Int, to group: Int, round: Int) {
    let delta = costOfAdding(person, to: group, round: round)
    let cell = round * problem.groupCount + group
    let index = round * problem.count + person
    if meetings.isTracked {
      for other in members[cell] { meetings.add(person, other, 1) }
    }
    groupOf[index] = group
    slot[index] = members[cell].count
    members[cell].append(person)
    adjustCounts(of: person, in: cell, by: 1)
    score = score + delta
  }

  // MARK: Swapping people (local search)

  /// The change of the objective if `a` and `b`, in different groups of `round`, swap groups.
  func costOfSwapping(_ a: Int, _ b: Int, round: Int) -> GroupScore {
    let groupA = groupOf[round * problem.count + a]
    let groupB = groupOf[round * problem.count + b]
    let cellA = round * problem.groupCount + groupA
    let cellB = round * problem.groupCount + groupB
    var delta = GroupScore()
    // a leaves groupA for groupB; b leaves groupB for groupA. The pair (a, b) is apart before
    // and after, so it never counts. The arrays are read into locals once: this is the
    // innermost loop of the search, and unoptimised builds would retain them on every access.
    let organisation = problem.organisation
    let municipality = problem.municipality
    let meetings = self.meetings
    let checksKeepApart = !problem.keepApart[a].isEmpty || !problem.keepApart[b].isEmpty
    let checksMeetings = meetings.isTracked
    func pairChange(joining: Int, leaving: Int, other: Int) -> (separation: Int, repeats: Int) {
      var separation = 0
      let otherOrganisation = organisation[other]
      if otherOrganisation >= 0 {
        if organisation[joining] == otherOrganisation { separation += 1 }
        if organisation[leaving] == otherOrganisation { separation -= 1 }
      }
      let otherMunicipality = municipality[other]
      if otherMunicipality >= 0 {
        if municipality[joining] == otherMunicipality { separation += 1 }
        if municipality[leaving] == otherMunicipality { separation -= 1 }
      }
      var repeats = 0
      if checksMeetings {
        if meetings[joining, other] >= 1 { repeats += 1 }
        if meetings[leaving, other] >= 2 { repeats -= 1 }
      }
      return (separation, repeats)
    }
    for other in members[cellA] where other != a {
      let change = pairChange(joining: b, leaving: a, other: other)
      delta.separation += change.separation
      delta.repeatPairs += change.repeats
      if checksKeepApart { delta.keepApart += problem.keptApart(b, other) - problem.keptApart(a, other) }
    }
    for other in members[cellB] where other != b {
      let change = pairChange(joining: a, leaving: b, other: other)
      delta.separation += change.separation
      delta.repeatPairs += change.repeats
      if checksKeepApart { delta.keepApart += problem.keptApart(a, other) - problem.keptApart(b, other) }
    }
    let professionA = problem.profession[a]
    let professionB = problem.profession[b]
    if professionA != professionB {
      let kinds = problem.professionKinds
      let aInA = professionCounts[cellA * kinds + professionA]
      let bInA = professionCounts[cellA * kinds + professionB]
      let aInB = professionCounts[cellB * kinds + professionA]
      let bInB = professionCounts[cellB * kinds + professionB]
      // Σ c²: a count c going to c±1 changes by ±2c + 1.
      delta.professionSpread = (-2 * aInA + 1) + (2 * bInA + 1) + (-2 * bInB + 1) + (2 * aInB + 1)
      let distinctA = distinctProfessions[cellA] - (aInA == 1 ? 1 : 0) + (bInA == 0 ? 1 : 0)
      let distinctB = distinctProfessions[cellB] - (bInB == 1 ? 1 : 0) + (aInB == 0 ? 1 : 0)
      delta.professionShortfall =
        shortfall(distinctA) - shortfall(distinctProfessions[cellA])
        + shortfall(distinctB) - shortfall(distinctProfessions[cellB])
    }
    let regionA = problem.region[a]
    let regionB = problem.region[b]
    if regionA != regionB {
      let kinds = problem.regionKinds
      if regionA >= 0 {
        delta.regionSpread +=
          -2 * regionCounts[cellA * kinds + regionA] + 1 + 2 * regionCounts[cellB * kinds + regionA] + 1
      }
      if regionB >= 0 {
        delta.regionSpread +=
          -2 * regionCounts[cellB * kinds + regionB] + 1 + 2 * regionCounts[cellA * kinds + regionB] + 1
      }
    }
    return delta
  }

  /// Swaps `a` and `b` (in different groups of `round`); `delta` is `costOfSwapping(a, b, round:)`.
  mutating func swap(_ a: Int, _ b: Int, round: Int, delta: GroupScore) {
    let indexA = round * problem.count + a
    let indexB = round * problem.count + b
    let groupA = groupOf[indexA]
    let groupB = groupOf[indexB]
    let cellA = round * problem.groupCount + groupA
    let cellB = round * problem.groupCount + groupB
    if meetings.isTracked {
      for other in members[cellA] where other != a {
        meetings.add(a, other, -1)
        meetings.add(b, other, 1)
      }
      for other in members[cellB] where other != b {
        meetings.add(b, other, -1)
        meetings.add(a, other, 1)
      }
    }
    adjustCounts(of: a, in: cellA, by: -1)
    adjustCounts(of: b, in: cellB, by: -1)
    adjustCounts(of: a, in: cellB, by: 1)
    adjustCounts(of: b, in: cellA, by: 1)
    let slotA = slot[indexA]
    let slotB = slot[indexB]
    members[cellA][slotA] = b
    members[cellB][slotB] = a
    slot[indexA] = slotB
    slot[indexB] = slotA
    groupOf[indexA] = groupB
    groupOf[indexB] = groupA
    score = score + delta
  }

  // MARK: Bookkeeping

  @inline(__always)
  private func shortfall(_ distinct: Int) -> Int { max(0, problem.minProfessions - distinct) }

  private mutating func adjustCounts(of person: Int, in cell: Int, by change: Int) {
    let professionIndex = cell * problem.professionKinds + problem.profession[person]
    let before = professionCounts[professionIndex]
    professionCounts[professionIndex] = before + change
    if before == 0 && change > 0 { distinctProfessions[cell] += 1 }
    if before + change == 0 && change < 0 { distinctProfessions[cell] -= 1 }
    let region = problem.region[person]
    if region >= 0 { regionCounts[cell * problem.regionKinds + region] += change }
  }

  /// The assignment as `[round][person] → group`.
  var assignment: [[Int]] {
    (0..<problem.rounds).map { round in
      Array(groupOf[(round * problem.count)..<((round + 1) * problem.count)])
    }
  }
}

extension GroupScore {
  /// Field-wise sum, used for score changes (deltas may be negative).
  static func + (lhs: GroupScore, rhs: GroupScore) -> GroupScore {
    GroupScore(
      keepApart: lhs.keepApart + rhs.keepApart,
      professionShortfall: lhs.professionShortfall + rhs.professionShortfall,
      professionSpread: lhs.professionSpread + rhs.professionSpread,
      separation: lhs.separation + rhs.separation,
      repeatPairs: lhs.repeatPairs + rhs.repeatPairs,
      regionSpread: lhs.regionSpread + rhs.regionSpread)
  }

  /// The opposite change, for undoing a move.
  static prefix func - (score: GroupScore) -> GroupScore {
    GroupScore(
      keepApart: -score.keepApart, professionShortfall: -score.professionShortfall,
      professionSpread: -score.professionSpread, separation: -score.separation,
      repeatPairs: -score.repeatPairs, regionSpread: -score.regionSpread)
  }

  /// Whether this change is no worse than nothing, comparing levels in priority order.
  var isNonWorsening: Bool { !(GroupScore() < self) }
}
