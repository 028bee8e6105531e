import Foundation

/// Constructive greedy followed by simulated annealing over pairwise swaps.
///
/// The objective is lexicographic (`GroupScore`). A swap that is no worse at every priority,
/// compared in order, is always taken; a worse one is taken with probability e^(−E/T), where E
/// weighs each level by 64^(5 − level) after clamping its change to ±31, so a change at a
/// higher priority always outweighs any change below it. The temperature falls geometrically
/// from the weight of the highest level that is still above its lower bound down to 0.3, so
/// the search anneals each level in turn with the levels above it effectively frozen.
struct GroupSearch: Sendable {
  let problem: FormationProblem
  let bounds: FormationBounds
  let seed: UInt64

  /// Independent chains (restarts) for small instances, where they are cheap and make finding
  /// the optimum much more likely; one chain for large ones.
  var chains: Int { problem.count <= 16 ? 8 : problem.count <= 40 ? 4 : (problem.count <= 120 ? 2 : 1) }

  /// Swap attempts per chain.
  var iterations: Int { max(10_000, 300 * problem.count * problem.rounds) }

  /// The best state found over all chains; ties go to the earlier chain.
  func run() -> FormationState {
    var best: FormationState?
    var mixer = SplitMix64(state: seed)
    for _ in 0..<chains {
      var generator = SeededGenerator(seed: mixer.next())
      let state = anneal(construct(using: &generator), using: &generator)
      if best.map({ state.score < $0.score }) ?? true { best = state }
      if let best, best.score == bounds.score { break }
    }
    return best ?? FormationState(problem: problem)
  }

  // MARK: Construction

  /// Fills the rounds one after another. People of scarce professions are placed first, each
  /// into the group where adding them costs least (so scarce professions are dealt round-robin),
  /// ties going to the emptier group and then to a random one.
  func construct(using generator: inout SeededGenerator) -> FormationState {
    var state = FormationState(problem: problem)
    let totals = FormationBounds.totals(problem.profession, kinds: problem.professionKinds)
    for round in 0..<problem.rounds {
      var order = Array(0..<problem.count)
      generator.shuffle(&order)
      // A stable sort keeps the shuffled order within each profession.
      order = order.enumerated().sorted { lhs, rhs in
        let (a, b) = (totals[problem.profession[lhs.element]], totals[problem.profession[rhs.element]])
        return a != b ? a < b : lhs.offset < rhs.offset
      }.map(\.element)
      for person in order {
        let start = generator.nextInt(below: problem.groupCount)
        var chosen = -1
        var chosenCost = GroupScore()
        var chosenRoom = 0
        for step in 0..<problem.groupCount {
          let group = (start + step) % problem.groupCount
          let room = problem.sizes[group] - state.members(of: group, in: round).count
          guard room > 0 else { continue }
          let cost = state.costOfAdding(person, to: group, round: round)
          if chosen < 0 || cost < chosenCost || (cost == chosenCost && room > chosenRoom) {
            chosen = group
            chosenCost = cost
            chosenRoom = room
          }
        }
        if chosen >= 0 { state.add(person, to: chosen, round: round) }
      }
    }
    return state
  }

  // MARK: Annealing

  func anneal(_ initial: FormationState, using generator: inout SeededGenerator) -> FormationState {
    var state = initial
    guard problem.groupCount > 1, problem.count > 1, topLevel(of: state.score) != nil else { return state }
    var bestScore = state.score
    var bestAssignment: [[Int]]?
    // First a descent (temperature 0: only moves no worse at any level) for a fifth of the
    // budget, which finishes most real instances quickly because construction is already
    // close; then annealing from the weight of the highest level still above its bound.
    let total = iterations
    let descent = total / 5
    let cold = 0.3
    var hot = 1.0
    var cooling = 0.0
    var temperature = 0.0
    for iteration in 0..<total {
      if iteration & 1023 == 0 || iteration == descent {
        if bestScore == bounds.score { break }
        if iteration == descent {
          hot = Self.weight(of: topLevel(of: state.score) ?? 5)
          cooling = log(cold / hot) / Double(max(1, total - descent))
        }
        if iteration >= descent { temperature = hot * exp(cooling * Double(iteration - descent)) }
      }
      let round = generator.nextInt(below: problem.rounds)
      let a = generator.nextInt(below: problem.count)
      let b = generator.nextInt(below: problem.count)
      guard state.group(of: a, in: round) != state.group(of: b, in: round) else { continue }
      var delta = state.costOfSwapping(a, b, round: round)
      // Now and then a double swap (two swaps in one round, judged together): it crosses a
      // state that is worse at a higher level, which single swaps at low temperature cannot,
      // so plateaus of the higher levels stay connected. Half of them move `a` on again,
      // rotating three people over three tables; the others exchange two pairs at once.
      if generator.nextInt(below: 4) == 0 {
        let c = generator.nextInt(below: 2) == 0 ? a : generator.nextInt(below: problem.count)
        let d = generator.nextInt(below: problem.count)
        state.swap(a, b, round: round, delta: delta)
        if state.group(of: c, in: round) != state.group(of: d, in: round) {
          let second = state.costOfSwapping(c, d, round: round)
          if accepts(delta + second, temperature: temperature, using: &generator) {
            state.swap(c, d, round: round, delta: second)
            delta = delta + second
          } else {
            state.swap(a, b, round: round, delta: -delta)
            continue
          }
        } else if !accepts(delta, temperature: temperature, using: &generator) {
          state.swap(a, b, round: round, delta: -delta)
          continue
        }
      } else {
        guard accepts(delta, temperature: temperature, using: &generator) else { continue }
        state.swap(a, b, round: round, delta: delta)
      }
      if state.score < bestScore {
        bestScore = state.score
        bestAssignment = state.assignment
      }
    }
    if let bestAssignment, bestScore < state.score {
      return rebuild(bestAssignment)
    }
    return state
  }

  /// Whether to take a change: always when it is no worse at every level, otherwise with
  /// probability e^(−E/T).
  @inline(__always)
  private func accepts(_ delta: GroupScore, temperature: Double, using generator: inout SeededGenerator)
    -> Bool
  {
    if delta.isNonWorsening { return true }
    guard temperature > 0 else { return false }
    return generator.nextUnit() < exp(-Self.energy(of: delta) / temperature)
  }

  /// The state for a complete assignment.
  func rebuild(_ assignment: [[Int]]) -> FormationState {
    var state = FormationState(problem: problem)
    for (round, groups) in assignment.enumerated() {
      for (person, group) in groups.enumerated() where group >= 0 {
        state.add(person, to: group, round: round)
      }
    }
    return state
  }

  /// The highest-priority level still above its lower bound, or nil when the score is optimal.
  private func topLevel(of score: GroupScore) -> Int? {
    let levels = score.levels
    let lower = bounds.score.levels
    return levels.indices.first { levels[$0] > lower[$0] }
  }

  /// Weight of each priority level (0 = keep-apart … 5 = regions): 64^(5 − level).
  private static let weights: [Double] = (0...5).map { pow(64.0, Double(5 - $0)) }

  static func weight(of level: Int) -> Double { weights[level] }

  /// The scalar size of a worsening change, for the acceptance probability.
  static func energy(of delta: GroupScore) -> Double {
    // Spelled out rather than looping over `levels`: this runs for every rejected-or-not move.
    func term(_ change: Int, _ level: Int) -> Double {
      change == 0 ? 0 : Double(min(31, max(-31, change))) * weight(of: level)
    }
    return term(delta.keepApart, 0) + term(delta.professionShortfall, 1) + term(delta.professionSpread, 2)
      + term(delta.separation, 3) + term(delta.repeatPairs, 4) + term(delta.regionSpread, 5)
  }
}
