/// A published table of counts — one-way (categories and a total) or two-way (cells, row and
/// column totals, grand total) — laid out as a `DisclosureSystem`, with the index of each
/// published count in it.
public struct CountTableLayout: Sendable, Hashable {
  /// How many categories of a key one person falls in.
  public enum Valued: Sendable, Hashable {
    /// Exactly one (profession, prefecture, stage, a single-choice answer): the cells add up to
    /// the total.
    case single
    /// One or more (roles): the cells add up to at least the total; each category holds at most
    /// everyone, and the category at `exclusive` (`unknown`: nobody with a role) excludes all
    /// others.
    case multiple(exclusive: Int?)
  }

  public var system: DisclosureSystem
  /// One-way tables: one row.
  public var cells: [[Int]]
  /// Two-way tables only.
  public var rowTotals: [Int]
  public var columnTotals: [Int]
  public var total: Int

  /// A one-way table: `counts` of categories and the number of people `total`.
  ///
  /// - Parameters:
  ///   - listedOnlyWhenNonEmpty: categories appear only when somebody is in them (their label
  ///     then says the count is at least 1).
  ///   - totalPublication: how the total may be published.
  public init(
    counts: [Int], total: Int, valued: Valued = .single, listedOnlyWhenNonEmpty: Bool,
    totalPublication: DisclosureSystem.Publication = .suppressible
  ) {
    var system = DisclosureSystem(nodeCount: 2)
    let lower = listedOnlyWhenNonEmpty ? 1 : 0
    let cellIndices = counts.map {
      system.add(.init(value: $0, lowerBound: min(lower, $0), from: 0, to: 1, publication: .suppressible))
    }
    let totalIndex = system.add(.init(value: total, from: 1, to: 0, publication: totalPublication))
    if case .multiple(let exclusive) = valued {
      let surplus = counts.reduce(0, +) - total
      precondition(surplus >= 0, "a multi-valued key counts everyone at least once")
      system.add(.init(value: surplus, from: 1, to: 0, publication: .unpublished))
      system.sideConstraints += Self.atMostEveryone(
        cells: cellIndices, exclusive: exclusive, everyone: totalIndex)
    }
    self.system = system
    cells = [cellIndices]
    rowTotals = []
    columnTotals = []
    self.total = totalIndex
  }

  /// A two-way table `counts[row][column]` with its totals. At most one key may be multi-valued.
  ///
  /// - Parameters:
  ///   - marginLowerBound: 1 when rows and columns are listed only when somebody is in them.
  ///   - marginPublication: how row totals, column totals and the grand total may be published.
  ///   - cellCaps: a known upper bound per cell (e.g. the group size for multiple choice).
  public init(
    counts: [[Int]], rowTotals: [Int], columnTotals: [Int], total: Int, rows: Valued = .single,
    columns: Valued = .single, marginLowerBound: Int, marginPublication: DisclosureSystem.Publication,
    cellCaps: [[Int]]? = nil
  ) {
    precondition(!(rows != .single && columns != .single), "at most one multi-valued key")
    var system = DisclosureSystem(nodeCount: 2)
    let source = 0
    let sink = 1
    let rowNodes = rowTotals.indices.map { _ in system.addNode() }
    let columnNodes = columnTotals.indices.map { _ in system.addNode() }
    func margin(_ value: Int, _ from: Int, _ to: Int) -> Int {
      system.add(
        .init(
          value: value, lowerBound: min(marginLowerBound, value), from: from, to: to,
          publication: marginPublication))
    }
    let rowIndices = rowTotals.indices.map { margin(rowTotals[$0], source, rowNodes[$0]) }
    let columnIndices = columnTotals.indices.map { margin(columnTotals[$0], columnNodes[$0], sink) }
    let totalIndex = margin(total, sink, source)
    let cellIndices = counts.indices.map { r in
      counts[r].indices.map { c in
        system.add(
          .init(value: counts[r][c], from: rowNodes[r], to: columnNodes[c], publication: .suppressible))
      }
    }
    if case .multiple(let exclusive) = columns {
      // A person of row r with two roles adds 2 to the row's cells and 1 to its total.
      for r in rowTotals.indices {
        let surplus = counts[r].reduce(0, +) - rowTotals[r]
        precondition(surplus >= 0, "a multi-valued key counts everyone at least once")
        system.add(.init(value: surplus, from: sink, to: rowNodes[r], publication: .unpublished))
        system.sideConstraints += Self.atMostEveryone(
          cells: cellIndices[r], exclusive: exclusive, everyone: rowIndices[r])
      }
    }
    if case .multiple(let exclusive) = rows {
      for c in columnTotals.indices {
        let surplus = counts.reduce(0) { $0 + $1[c] } - columnTotals[c]
        precondition(surplus >= 0, "a multi-valued key counts everyone at least once")
        system.add(.init(value: surplus, from: columnNodes[c], to: source, publication: .unpublished))
        system.sideConstraints += Self.atMostEveryone(
          cells: cellIndices.map { $0[c] }, exclusive: exclusive, everyone: columnIndices[c])
      }
    }
    if let cellCaps {
      for r in counts.indices {
        for c in counts[r].indices {
          system.sideConstraints.append(.init(terms: [.init(cellIndices[r][c], 1)], bound: cellCaps[r][c]))
        }
      }
    }
    self.system = system
    cells = cellIndices
    self.rowTotals = rowIndices
    self.columnTotals = columnIndices
    self.total = totalIndex
  }

  /// For a multi-valued key: no category holds more than `everyone`, and the exclusive one
  /// (nobody with a role) shares nobody with the others.
  static func atMostEveryone(cells: [Int], exclusive: Int?, everyone: Int) -> [DisclosureSystem
    .SideConstraint]
  {
    cells.indices.filter { $0 != exclusive }.map { index in
      var terms = [DisclosureSystem.Term(cells[index], 1), .init(everyone, -1)]
      if let exclusive { terms.append(.init(cells[exclusive], 1)) }
      return .init(terms: terms, bound: 0)
    }
  }
}
