/// Cheap lower bounds on each level of the objective, each computed as if that level were the
/// only goal (so the lexicographic optimum can only be at or above them).
///
/// The search stops as soon as it reaches all of them (the plan is then provably optimal), and
/// the quality report shows them next to the achieved values.
struct FormationBounds: Sendable {
  let score: GroupScore

  init(problem: FormationProblem) {
    let groups = problem.groupCount
    let rounds = problem.rounds
    guard groups > 0 else {
      score = GroupScore()
      return
    }
    let professionTotals = Self.totals(problem.profession, kinds: problem.professionKinds)
    let distinctOverall = professionTotals.filter { $0 > 0 }.count
    let minimum = problem.minProfessions
    // A group holds at most min(size, distinct professions present) professions, and profession
    // p can appear in at most min(n_p, groups) groups.
    let bySize = problem.sizes.reduce(0) { $0 + max(0, minimum - min(distinctOverall, $1)) }
    let byCoverage = groups * minimum - professionTotals.reduce(0) { $0 + min($1, groups) }
    var bound = GroupScore()
    bound.professionShortfall = rounds * max(bySize, byCoverage, 0)
    bound.professionSpread = rounds * professionTotals.reduce(0) { $0 + Self.evenSquares($1, groups) }
    let organisations = Self.totals(problem.organisation, kinds: (problem.organisation.max() ?? -1) + 1)
    let municipalities = Self.totals(problem.municipality, kinds: (problem.municipality.max() ?? -1) + 1)
    bound.separation =
      rounds
      * (organisations + municipalities).reduce(0) { $0 + Self.evenPairs($1, groups) }
    let meetingsPerRound = problem.sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    let distinctPairs = problem.count * (problem.count - 1) / 2
    // Counting: the rounds hold more pair meetings than there are pairs. Pigeonhole: from
    // round 2 on, a table of s people drawn from the G tables of round 1 reunites at least the
    // pairs of s people spread evenly over G tables (8 people from 5 earlier tables: 3 pairs).
    let byCounting = rounds * meetingsPerRound - distinctPairs
    let byPigeonhole = (rounds - 1) * problem.sizes.reduce(0) { $0 + Self.evenPairs($1, groups) }
    bound.repeatPairs = max(0, byCounting, byPigeonhole)
    if problem.regionKinds > 0 {
      let regions = Self.totals(problem.region, kinds: problem.regionKinds)
      bound.regionSpread = rounds * regions.reduce(0) { $0 + Self.evenSquares($1, groups) }
    }
    score = bound
  }

  /// How many people have each index (ignoring -1).
  static func totals(_ indices: [Int], kinds: Int) -> [Int] {
    var totals = Array(repeating: 0, count: max(kinds, 0))
    for index in indices where index >= 0 && index < kinds { totals[index] += 1 }
    return totals
  }

  /// Σ c² when `people` are spread as evenly as possible over `groups`.
  static func evenSquares(_ people: Int, _ groups: Int) -> Int {
    let quotient = people / groups
    let remainder = people % groups
    return remainder * (quotient + 1) * (quotient + 1) + (groups - remainder) * quotient * quotient
  }

  /// Pairs sharing a group when `people` are spread as evenly as possible over `groups`
  /// (the pigeonhole bound: 13 people of one organisation at 12 tables make at least 1 pair).
  static func evenPairs(_ people: Int, _ groups: Int) -> Int {
    let quotient = people / groups
    let remainder = people % groups
    return remainder * (quotient + 1) * quotient / 2 + (groups - remainder) * quotient * (quotient - 1) / 2
  }
}
