import KenshuModel

@testable import KenshuGroups

/// Small builders and checkers shared by the group-formation specifications.
enum GroupTestSupport {
  /// A participant with just what group formation reads.
  static func person(
    _ id: String, _ profession: Profession, organisation: String? = nil, prefecture: String? = nil,
    municipality: String? = nil, keepApart: Set<String> = []
  ) -> Person {
    Person(
      id: id, name: "名前\(id)", profession: profession, organisation: organisation, prefecture: prefecture,
      municipality: municipality, keepApart: keepApart)
  }

  /// A random instance: skewed professions, a few organisations, occasional keep-apart pairs.
  static func randomPeople(
    count: Int, seed: UInt64,
    professions: [Profession] = [.doctor, .nurse, .pharmacist, .careManager, .municipalStaff],
    organisations: Int = 6, keepApartPairs: Int = 0, prefectures: Int = 0
  ) -> [Person] {
    var generator = SeededGenerator(seed: seed)
    var people = (0..<count).map { index -> Person in
      // Squaring skews the draw towards the first professions, so some are scarce.
      let draw = generator.nextUnit()
      let profession = professions[min(professions.count - 1, Int(draw * draw * Double(professions.count)))]
      return person(
        "p\(index + 1)", profession, organisation: "org\(generator.nextInt(below: max(organisations, 1)))",
        prefecture: prefectures > 0 ? "pref\(generator.nextInt(below: prefectures))" : nil)
    }
    for _ in 0..<keepApartPairs {
      let a = generator.nextInt(below: count)
      let b = generator.nextInt(below: count)
      if a != b { people[a].keepApart.insert(people[b].id) }
    }
    return people
  }

  /// Problems with the hard constraints of `result`, as readable strings (empty when all hold).
  static func hardConstraintViolations(_ result: GroupFormationResult, settings: GroupFormationSettings)
    -> [String]
  {
    var problems: [String] = []
    let ids = result.participants.map(\.id)
    for round in result.plan.rounds {
      let seated = round.groups.flatMap(\.members)
      if seated.sorted() != ids.sorted() {
        problems.append("round \(round.round): not everyone exactly once")
      }
      let sizes = round.groups.map(\.members.count)
      if let low = sizes.min(), let high = sizes.max(), high - low > 1 {
        problems.append("round \(round.round): sizes \(sizes)")
      }
      let facilitators = round.groups.compactMap(\.facilitator)
      if Set(facilitators).count != facilitators.count {
        problems.append("round \(round.round): a facilitator at two tables")
      }
      let expected = min(result.facilitators.count, round.groups.count)
      if facilitators.count != expected {
        problems.append("round \(round.round): \(facilitators.count) facilitators, expected \(expected)")
      }
    }
    if result.plan.rounds.count != settings.rounds { problems.append("wrong number of rounds") }
    return problems
  }

  /// Per-round tallies of a profession per table.
  static func counts(of profession: Profession, in result: GroupFormationResult) -> [[Int]] {
    let people = result.peopleByID
    return result.plan.rounds.map { round in
      round.groups.map { group in group.members.filter { people[$0]?.profession == profession }.count }
    }
  }
}

/// Exhaustive search over every plan, for instances small enough to enumerate.
struct ExhaustiveGroupSearch {
  let people: [Person]
  let settings: GroupFormationSettings
  let sizes: [Int]

  /// Every way to split the people into groups of `sizes`, as person → group, counting
  /// relabellings of equal-sized groups once.
  func partitions() -> [[Int]] {
    var result: [[Int]] = []
    var groupOf = Array(repeating: -1, count: people.count)
    var filled = Array(repeating: 0, count: sizes.count)
    func place(_ person: Int) {
      if person == people.count {
        result.append(groupOf)
        return
      }
      for group in sizes.indices where filled[group] < sizes[group] {
        // An empty group may only be opened if no earlier group of the same size is empty.
        if filled[group] == 0
          && sizes.indices.contains(where: { $0 < group && sizes[$0] == sizes[group] && filled[$0] == 0 })
        {
          continue
        }
        groupOf[person] = group
        filled[group] += 1
        place(person + 1)
        filled[group] -= 1
      }
      groupOf[person] = -1
    }
    place(0)
    return result
  }

  /// The optimal score over all plans with `rounds` rounds.
  func optimum() -> GroupScore {
    let oneRound = FormationProblem(people: people, settings: settings, sizes: sizes, rounds: 1)
    let all = partitions()
    // Score each partition once; only repeat pairs couple the rounds, computed from pair masks.
    let scores = all.map { oneRound.score(groupOf: [$0]) }
    let masks = all.map { groupOf -> UInt64 in
      var mask: UInt64 = 0
      var bit = 0
      for a in 0..<people.count {
        for b in (a + 1)..<people.count {
          if groupOf[a] == groupOf[b] { mask |= 1 << UInt64(bit) }
          bit += 1
        }
      }
      return mask
    }
    var best: GroupScore?
    func search(_ round: Int, _ total: GroupScore, _ meetings: Int, _ union: UInt64) {
      if round == settings.rounds {
        var score = total
        score.repeatPairs = meetings - union.nonzeroBitCount
        if best.map({ score < $0 }) ?? true { best = score }
        return
      }
      for (index, partition) in scores.enumerated() {
        search(
          round + 1, total + partition, meetings + masks[index].nonzeroBitCount, union | masks[index])
      }
    }
    search(0, GroupScore(), 0, 0)
    return best ?? GroupScore()
  }
}
