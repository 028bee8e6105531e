import KenshuModel

/// What a reader sees of a two-way table of single-valued counts: every cell, row total, column
/// total and the grand total, each either its value or hidden (nil). A listed row or column
/// has at least one person when `listedMeansNonEmpty`.
///
/// Written apart from `DisclosureSystem` and `SuppressionAudit` on purpose: it enumerates whole
/// tables, so it shares no idea with the flow-based audit it checks.
struct PublishedTable {
  var cells: [[Int?]]
  var rowTotals: [Int?]
  var columnTotals: [Int?]
  var total: Int?
  var listedMeansNonEmpty: Bool
  /// A known upper bound per cell (multiple choice: the group's size).
  var cellCaps: [[Int]]? = nil

  /// For every hidden count (cells first, row by row, then row totals, column totals, total):
  /// whether the enumeration found two consistent tables that differ in it. `cap` bounds each
  /// hidden cell when no total bounds it (a table found under the cap is still consistent, so a
  /// `true` is always a proof). Stops exploring once every hidden count has two values.
  ///
  /// `truth` only orders the search (values near the real table first, so alternatives turn up
  /// early); consistency is judged on the published values alone.
  func hiddenCountsNotExact(cap: Int, truth: [[Int]]) -> [Bool] {
    let rows = cells.count
    let columns = cells.first?.count ?? 0
    var unknown: [(Int, Int)] = []
    for r in 0..<rows { for c in 0..<columns where cells[r][c] == nil { unknown.append((r, c)) } }
    let hiddenMargins =
      rowTotals.indices.filter { rowTotals[$0] == nil }.map { Margin.row($0) }
      + columnTotals.indices.filter { columnTotals[$0] == nil }.map { Margin.column($0) }
      + (total == nil ? [Margin.total] : [])
    var seen = [Set<Int>](repeating: [], count: unknown.count + hiddenMargins.count)
    var table = cells.map { $0.map { $0 ?? 0 } }
    // The last unknown cell of each row whose total is shown is forced.
    var lastInRow = [Int: Int]()
    for (index, cell) in unknown.enumerated() { lastInRow[cell.0] = index }

    func rowSum(_ r: Int) -> Int { table[r].reduce(0, +) }
    func columnSum(_ c: Int) -> Int { table.reduce(0) { $0 + $1[c] } }
    func done() -> Bool { seen.allSatisfy { $0.count >= 2 } }

    func record() {
      for (index, cell) in unknown.enumerated() { seen[index].insert(table[cell.0][cell.1]) }
      for (offset, margin) in hiddenMargins.enumerated() {
        let value: Int
        switch margin {
        case .row(let r): value = rowSum(r)
        case .column(let c): value = columnSum(c)
        case .total: value = table.joined().reduce(0, +)
        }
        seen[unknown.count + offset].insert(value)
      }
    }

    func consistent() -> Bool {
      let low = listedMeansNonEmpty ? 1 : 0
      for r in 0..<rows {
        let sum = rowSum(r)
        if let shown = rowTotals[r], shown != sum { return false }
        if sum < low { return false }
      }
      for c in 0..<columns {
        let sum = columnSum(c)
        if let shown = columnTotals[c], shown != sum { return false }
        if sum < low { return false }
      }
      if let total, total != table.joined().reduce(0, +) { return false }
      return true
    }

    func search(_ index: Int) {
      if done() { return }
      if index == unknown.count {
        if consistent() { record() }
        return
      }
      let (r, c) = unknown[index]
      var upper = min(cap, cellCaps?[r][c] ?? cap)
      if let shown = rowTotals[r] { upper = min(upper, shown - (rowSum(r) - table[r][c])) }
      if let shown = columnTotals[c] { upper = min(upper, shown - (columnSum(c) - table[r][c])) }
      if let total { upper = min(upper, total - (table.joined().reduce(0, +) - table[r][c])) }
      if upper < 0 { return }
      if lastInRow[r] == index, let shown = rowTotals[r] {
        table[r][c] = 0
        let forced = shown - rowSum(r)
        if forced >= 0 && forced <= upper && forced <= (cellCaps?[r][c] ?? forced) {
          table[r][c] = forced
          search(index + 1)
        }
        table[r][c] = 0
        return
      }
      let near = truth[r][c]
      for value in (0...upper).sorted(by: { (abs($0 - near), $0) < (abs($1 - near), $1) }) {
        table[r][c] = value
        search(index + 1)
        if done() { break }
      }
      table[r][c] = 0
    }
    search(0)
    return seen.map { $0.count >= 2 }
  }

  enum Margin { case row(Int), column(Int), total }
}

/// Deterministic pseudo-random numbers (SplitMix64) for table generation in tests.
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
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A count skewed towards the small cells that suppression is about.
  mutating func smallCount() -> Int {
    switch below(10) {
    case 0..<3: 0
    case 3..<7: 1 + below(4)
    default: 5 + below(12)
    }
  }
}
