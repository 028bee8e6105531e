import Testing

@testable import KenshuEvaluation

/// Whether a hidden cell's value follows from the shown cells and the published row and column
/// totals: its unit vector lies in the row space of the margin equations over hidden cells.
/// Independent of the suppression algorithm (plain Gaussian elimination).
func recoverableCells(_ table: Crosstab) -> [(Int, Int)] {
  let hidden = table.counts.indices.flatMap { r in
    table.columnLabels.indices.filter { table.isSuppressed(row: r, column: $0) }.map { (r, $0) }
  }
  var equations: [[Double]] = []
  for r in table.counts.indices { equations.append(hidden.map { $0.0 == r ? 1 : 0 }) }
  for c in table.columnLabels.indices { equations.append(hidden.map { $0.1 == c ? 1 : 0 }) }
  let base = rank(equations)
  return hidden.indices.filter { index in
    var unit = [Double](repeating: 0, count: hidden.count)
    unit[index] = 1
    return rank(equations + [unit]) == base
  }.map { hidden[$0] }
}

func rank(_ matrix: [[Double]]) -> Int {
  var m = matrix
  var rank = 0
  let width = m.first?.count ?? 0
  for column in 0..<width {
    guard let pivot = (rank..<m.count).first(where: { abs(m[$0][column]) > 1e-9 }) else { continue }
    m.swapAt(rank, pivot)
    for other in m.indices where other != rank {
      let factor = m[other][column] / m[rank][column]
      if factor != 0 { for k in 0..<width { m[other][k] -= factor * m[rank][k] } }
    }
    rank += 1
  }
  return rank
}

@Suite struct CrosstabTests {
  @Test func test_smallCells_areSuppressed_andCannotBeRecoveredFromTotals() {
    let table = Crosstab(
      rowLabels: ["医師", "看護師", "介護支援専門員"], columnLabels: ["そう思わない", "どちらともいえない", "そう思う"],
      counts: [[2, 10, 30], [12, 15, 40], [8, 9, 25]])
    #expect(table.isSuppressed(row: 0, column: 0))
    #expect(table.suppressedCount >= 4)
    #expect(recoverableCells(table).isEmpty)
    #expect(table.rowTotals == [42, 67, 42])
  }

  @Test func test_noSmallCells_meansNothingSuppressed() {
    let table = Crosstab(rowLabels: ["a", "b"], columnLabels: ["x", "y"], counts: [[5, 6], [7, 8]])
    #expect(table.suppressedCount == 0)
  }

  @Test func test_zeroCells_areShown_butUsedAsLastResortComplements() {
    let table = Crosstab(
      rowLabels: ["a", "b"], columnLabels: ["x", "y", "z"], counts: [[0, 3, 0], [10, 12, 9]])
    #expect(table.isSuppressed(row: 0, column: 1))
    #expect(table.isPublishable)
    #expect(recoverableCells(table).isEmpty)
  }

  @Test func test_bridgeBetweenTwoProtectedBlocks_isAlsoProtected() {
    // Each row/column has two hidden cells after rule 1, but the pattern can still leave a
    // cell determined by the margins; the bridge rule must catch it.
    let counts = [
      [1, 2, 50, 50, 50, 50], [3, 4, 50, 50, 50, 50], [50, 1, 2, 50, 50, 50],
      [50, 50, 50, 1, 2, 50], [50, 50, 50, 3, 4, 50],
    ]
    let table = Crosstab(
      rowLabels: counts.indices.map { "g\($0)" }, columnLabels: (0..<6).map { "c\($0)" }, counts: counts)
    #expect(recoverableCells(table).isEmpty)
  }

  @Test func test_randomTables_neverLeaveARecoverableCell() {
    var generator = SplitMix(seed: 42)
    for _ in 0..<200 {
      let rows = Int(generator.next() % 6) + 1
      let columns = Int(generator.next() % 5) + 2
      let counts = (0..<rows).map { _ in (0..<columns).map { _ in Int(generator.next() % 14) } }
      let table = Crosstab(
        rowLabels: (0..<rows).map { "r\($0)" }, columnLabels: (0..<columns).map { "c\($0)" }, counts: counts)
      // A single-group table has no protection (its cells equal the column totals): not published.
      guard table.isPublishable else { continue }
      #expect(recoverableCells(table).isEmpty, "\(counts)")
    }
  }

  @Test func test_emptyGroups_areLeftOut_andPercentagesUseTheGroupTotal() {
    let table = Crosstab(
      rowLabels: ["a", "b", "c"], columnLabels: ["x", "y"], counts: [[6, 14], [0, 0], [10, 10]])
    #expect(table.rowLabels == ["a", "c"])
    #expect(table.shownRowPercent(row: 0, column: 1) == 70)
  }
}

/// Deterministic pseudo-random numbers for table generation in tests.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
