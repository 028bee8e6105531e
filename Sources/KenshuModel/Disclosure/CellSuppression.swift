/// Small-cell suppression that survives arithmetic: the threshold rule, complementary
/// suppression along cheapest cycles, and an exact audit (`SuppressionAudit`) that decides when
/// to stop. See docs/privacy.md, "Small-cell suppression".
public enum CellSuppression {
  /// Cells with 1 ≤ n < threshold among the `.suppressible` counts of `system` (the threshold rule).
  public static func primary(_ system: DisclosureSystem, threshold: Int) -> [Bool] {
    system.quantities.map { $0.publication == .suppressible && $0.value >= 1 && $0.value < threshold }
  }

  /// Which counts to hide, starting from `mustHide` (primary cells and counts another file already
  /// hides), so that the audit finds no hidden count a reader could work out exactly; nil when
  /// even hiding everything allowed cannot achieve that (the table must not be published).
  ///
  /// 1. While the audit reports an unprotected hidden count, hide the shown counts on the
  ///    cheapest cycle through it (Dijkstra over the residual graph; a hidden count costs
  ///    nothing, a shown one 1 + its value, so few and small cells are chosen; zeros can only
  ///    grow, so a cycle uses them only in that direction).
  /// 2. When no cycle helps (side constraints reject every witness), hide every suppressible count
  ///    touching the unprotected one, then everything suppressible.
  /// 3. A hidden count that is not required hidden and that the equations pin anyway is shown
  ///    again: its value is already public, and a reader must never find an exact hidden value.
  ///
  /// Each round hides a count for the first time or pins one for good, so the loop ends.
  public static func protect(_ system: DisclosureSystem, mustHide: [Bool]) -> [Bool]? {
    precondition(mustHide.count == system.quantities.count)
    let quantities = system.quantities
    var hidden = quantities.indices.map { mustHide[$0] || quantities[$0].publication == .unpublished }
    var pinned = [Bool](repeating: false, count: quantities.count)
    func hideable(_ index: Int) -> Bool {
      quantities[index].publication == .suppressible && !hidden[index] && !pinned[index]
    }
    while true {
      let audit = SuppressionAudit(system: system, hidden: hidden)
      let unprotected = audit.unprotected
      if unprotected.isEmpty { return hidden }
      if let cells = unprotected.lazy.compactMap({
        cheapestCycle(system, hidden: hidden, pinned: pinned, through: $0)
      })
      .first {
        for cell in cells { hidden[cell] = true }
        continue
      }
      let nodes = Set(unprotected.flatMap { [quantities[$0].from, quantities[$0].to] })
      let near = quantities.indices.filter {
        hideable($0) && (nodes.contains(quantities[$0].from) || nodes.contains(quantities[$0].to))
      }
      if !near.isEmpty {
        for cell in near { hidden[cell] = true }
        continue
      }
      let rest = quantities.indices.filter(hideable)
      if !rest.isEmpty {
        for cell in rest { hidden[cell] = true }
        continue
      }
      let pinnedAnyway = unprotected.filter { index in
        guard !mustHide[index], quantities[index].publication == .suppressible else { return false }
        let bounds = audit.networkBounds(of: index)
        return bounds.upper == bounds.lower
      }
      if pinnedAnyway.isEmpty { return nil }
      for index in pinnedAnyway {
        hidden[index] = false
        pinned[index] = true
      }
    }
  }

  /// The shown counts to hide so that a cycle of hidden counts runs through `quantity`; nil when
  /// no cycle exists or the cheapest ones need no new count.
  static func cheapestCycle(_ system: DisclosureSystem, hidden: [Bool], pinned: [Bool], through quantity: Int)
    -> [Int]?
  {
    let edge = system.quantities[quantity]
    var options: [(cost: Int, cells: [Int])] = []
    if let up = cheapestPath(
      system, hidden: hidden, pinned: pinned, from: edge.to, to: edge.from, excluding: quantity)
    {
      options.append(up)
    }
    if edge.value > edge.lowerBound,
      let down = cheapestPath(
        system, hidden: hidden, pinned: pinned, from: edge.from, to: edge.to, excluding: quantity)
    {
      options.append(down)
    }
    return options.filter { !$0.cells.isEmpty }.min { $0.cost < $1.cost }?.cells
  }

  /// Dijkstra over hidden counts (free) and shown suppressible counts (1 + value), each used
  /// forward (it grows) or, above its lower bound, backward (it shrinks).
  static func cheapestPath(
    _ system: DisclosureSystem, hidden: [Bool], pinned: [Bool], from start: Int, to goal: Int, excluding: Int
  ) -> (cost: Int, cells: [Int])? {
    var arcs = [[(quantity: Int, to: Int, cost: Int)]](repeating: [], count: system.nodeCount)
    for (index, quantity) in system.quantities.enumerated() where index != excluding {
      let cost: Int
      if hidden[index] || quantity.publication == .unpublished {
        cost = 0
      } else if quantity.publication == .suppressible && !pinned[index] {
        cost = 1 + quantity.value
      } else {
        continue
      }
      arcs[quantity.from].append((index, quantity.to, cost))
      if quantity.value > quantity.lowerBound { arcs[quantity.to].append((index, quantity.from, cost)) }
    }
    var distance = [Int?](repeating: nil, count: system.nodeCount)
    var via = [(node: Int, quantity: Int)?](repeating: nil, count: system.nodeCount)
    var done = [Bool](repeating: false, count: system.nodeCount)
    distance[start] = 0
    while true {
      // Few nodes (rows + columns + 2): a linear scan beats a heap and keeps ties deterministic.
      var best: Int?
      for node in 0..<system.nodeCount where !done[node] {
        if let d = distance[node], best.map({ d < distance[$0]! }) ?? true { best = node }
      }
      guard let node = best else { break }
      done[node] = true
      if node == goal { break }
      for arc in arcs[node] where !done[arc.to] {
        let d = distance[node]! + arc.cost
        if distance[arc.to].map({ d < $0 }) ?? true {
          distance[arc.to] = d
          via[arc.to] = (node, arc.quantity)
        }
      }
    }
    guard let cost = distance[goal] else { return nil }
    var cells: [Int] = []
    var node = goal
    while node != start, let step = via[node] {
      if !hidden[step.quantity] && system.quantities[step.quantity].publication != .unpublished {
        cells.append(step.quantity)
      }
      node = step.node
    }
    return (cost, cells)
  }
}
