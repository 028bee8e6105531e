/// The exact check of a suppression pattern: can a reader who sees every shown count, every
/// label and every equation of a `DisclosureSystem` work out a hidden count exactly?
///
/// A hidden count is *protected* when there is a second table, in whole non-negative numbers,
/// that agrees with everything published (shown counts, totals, label lower bounds, side
/// constraints) and differs from the true table in that count. The audit finds such a witness
/// by walking the residual graph of the hidden counts: a hidden count `u → v` can go up by one
/// when a path leads from `v` back to `u` (forward along hidden counts, which may grow; backward
/// along hidden counts above their lower bound, which may shrink), and down by one when a path
/// leads from `u` to `v`. The witness is then checked against the whole system, side constraints
/// included, so a pattern the audit accepts is never unsafe; without side constraints the
/// audit is also complete (a count with no path is pinned by the equations).
public struct SuppressionAudit: Sendable {
  public let system: DisclosureSystem
  /// Per quantity; unpublished quantities count as hidden.
  public let hidden: [Bool]
  /// arcs[node]: (quantity, +1 when leaving `node` along the quantity's direction, else −1).
  private let arcs: [[(quantity: Int, sign: Int, to: Int)]]

  public init(system: DisclosureSystem, hidden: [Bool]) {
    precondition(hidden.count == system.quantities.count)
    self.system = system
    let hidden = system.quantities.indices.map {
      hidden[$0] || system.quantities[$0].publication == .unpublished
    }
    self.hidden = hidden
    var arcs = [[(quantity: Int, sign: Int, to: Int)]](repeating: [], count: system.nodeCount)
    for (index, quantity) in system.quantities.enumerated() where hidden[index] {
      arcs[quantity.from].append((index, 1, quantity.to))
      if quantity.value > quantity.lowerBound { arcs[quantity.to].append((index, -1, quantity.from)) }
    }
    self.arcs = arcs
  }

  /// Hidden, published counts that a reader can work out exactly (empty when the pattern is safe).
  public var unprotected: [Int] {
    system.quantities.indices.filter {
      hidden[$0] && system.quantities[$0].publication != .unpublished && witness(for: $0) == nil
    }
  }

  /// A table the reader cannot rule out in which `quantity` differs by one from its true value;
  /// nil when the audit finds none.
  ///
  /// The shortest cycle is tried first; when side constraints reject it, other simple cycles
  /// are tried depth-first within `searchBudget` steps (side constraints are few and local, so
  /// another cycle usually avoids them).
  public func witness(for quantity: Int) -> [Int]? {
    let edge = system.quantities[quantity]
    let truth = system.quantities.map(\.value)
    // Up: a path v ⇝ u closes a cycle through the edge; down: a path u ⇝ v.
    var directions = [(start: edge.to, goal: edge.from, change: 1)]
    if edge.value > edge.lowerBound { directions.append((edge.from, edge.to, -1)) }
    func check(_ path: [(quantity: Int, sign: Int)], _ change: Int) -> [Int]? {
      var values = truth
      values[quantity] += change
      for step in path { values[step.quantity] += step.sign }
      return system.admits(values) ? values : nil
    }
    for direction in directions {
      guard let path = path(from: direction.start, to: direction.goal, excluding: quantity) else { continue }
      if let values = check(path, direction.change) { return values }
    }
    guard !system.sideConstraints.isEmpty else { return nil }
    for direction in directions {
      var budget = Self.searchBudget
      var onPath = [Bool](repeating: false, count: system.nodeCount)
      var steps: [(quantity: Int, sign: Int)] = []
      var found: [Int]?
      func search(_ node: Int) {
        if found != nil || budget <= 0 { return }
        budget -= 1
        if node == direction.goal {
          found = check(steps, direction.change)
          return
        }
        onPath[node] = true
        for arc in arcs[node] where arc.quantity != quantity && !onPath[arc.to] {
          steps.append((arc.quantity, arc.sign))
          search(arc.to)
          steps.removeLast()
          if found != nil { break }
        }
        onPath[node] = false
      }
      search(direction.start)
      if let found { return found }
    }
    return nil
  }

  /// Depth-first steps spent looking for a cycle that side constraints accept.
  static let searchBudget = 20_000

  /// Breadth-first path in the residual graph of hidden counts, not using `excluded`.
  func path(from start: Int, to goal: Int, excluding excluded: Int) -> [(quantity: Int, sign: Int)]? {
    var previous = [(node: Int, quantity: Int, sign: Int)?](repeating: nil, count: system.nodeCount)
    var seen = [Bool](repeating: false, count: system.nodeCount)
    seen[start] = true
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      if node == goal { break }
      for arc in arcs[node] where arc.quantity != excluded && !seen[arc.to] {
        seen[arc.to] = true
        previous[arc.to] = (node, arc.quantity, arc.sign)
        queue.append(arc.to)
      }
    }
    guard seen[goal] else { return nil }
    var steps: [(quantity: Int, sign: Int)] = []
    var node = goal
    while node != start, let step = previous[node] {
      steps.append((step.quantity, step.sign))
      node = step.node
    }
    return steps.reversed()
  }

  /// The exact range of `quantity` allowed by the equations and lower bounds (max-flow over the
  /// residual graph). Side constraints are not used, so the reader's real range may be
  /// narrower; `upper` is nil when the count is unbounded.
  public func networkBounds(of quantity: Int) -> (lower: Int, upper: Int?) {
    let edge = system.quantities[quantity]
    let infinity = system.quantities.reduce(1) { $0 + $1.value } + 1
    let up = maxFlow(from: edge.to, to: edge.from, excluding: quantity, infinity: infinity)
    let down = maxFlow(from: edge.from, to: edge.to, excluding: quantity, infinity: infinity)
    let lower = edge.value - min(down, edge.value - edge.lowerBound)
    return (lower, up >= infinity ? nil : edge.value + up)
  }

  /// Edmonds–Karp: hidden counts may grow without limit and shrink to their lower bound.
  func maxFlow(from source: Int, to sink: Int, excluding excluded: Int, infinity: Int) -> Int {
    // Paired residual arcs: 2k grows quantity k, 2k+1 shrinks it.
    var residual: [Int] = []
    var tails: [Int] = []
    var heads: [Int] = []
    var outgoing = [[Int]](repeating: [], count: system.nodeCount)
    for (index, quantity) in system.quantities.enumerated() where hidden[index] && index != excluded {
      let arc = residual.count
      residual += [infinity, quantity.value - quantity.lowerBound]
      tails += [quantity.from, quantity.to]
      heads += [quantity.to, quantity.from]
      outgoing[quantity.from].append(arc)
      outgoing[quantity.to].append(arc + 1)
    }
    var flow = 0
    while flow < infinity {
      var via = [Int?](repeating: nil, count: system.nodeCount)
      var seen = [Bool](repeating: false, count: system.nodeCount)
      seen[source] = true
      var queue = [source]
      var head = 0
      while head < queue.count, !seen[sink] {
        let node = queue[head]
        head += 1
        for arc in outgoing[node] where residual[arc] > 0 && !seen[heads[arc]] {
          seen[heads[arc]] = true
          via[heads[arc]] = arc
          queue.append(heads[arc])
        }
      }
      guard seen[sink] else { break }
      var bottleneck = infinity
      var node = sink
      while node != source, let arc = via[node] {
        bottleneck = min(bottleneck, residual[arc])
        node = tails[arc]
      }
      node = sink
      while node != source, let arc = via[node] {
        residual[arc] -= bottleneck
        residual[arc ^ 1] = min(infinity, residual[arc ^ 1] + bottleneck)
        node = tails[arc]
      }
      flow += bottleneck
    }
    return min(flow, infinity)
  }
}
