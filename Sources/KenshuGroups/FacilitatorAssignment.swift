import KenshuModel

/// Puts at most one facilitator at each table in each round, as a minimum-cost assignment.
///
/// Cost of facilitator f at table g, in priority order: keep-apart partners among the members
/// (10⁶ each), members of f's own organisation (10³ each), and 1 for moving f to another table
/// than in the previous round (facilitators usually stay at their table while participants
/// move). With fewer facilitators than tables some tables go without; with more, some
/// facilitators are spare. Solved exactly with the Hungarian algorithm, O(n³) per round.
struct FacilitatorAssignment: Sendable {
  /// Facilitator index per round per group; nil for a table without one.
  let tables: [[Int?]]

  init(facilitators: [Person], plan groupMembers: [[[Person]]]) {
    var tables: [[Int?]] = []
    var previous: [Int: Int] = [:]
    let facilitatorKeys = facilitators.map { Self.organisationKey($0) }
    for round in groupMembers {
      let memberKeys = round.map { $0.map { Self.organisationKey($0) } }
      let cost: [[Int]] = facilitators.enumerated().map { index, facilitator in
        round.enumerated().map { table, members in
          var cost = 0
          for (position, member) in members.enumerated() {
            if facilitator.keepApart.contains(member.id) || member.keepApart.contains(facilitator.id) {
              cost += 1_000_000
            }
            if let own = facilitatorKeys[index], memberKeys[table][position] == own { cost += 1_000 }
          }
          if let last = previous[index], last != table { cost += 1 }
          return cost
        }
      }
      let byFacilitator = Self.minimumCostAssignment(cost, rows: facilitators.count, columns: round.count)
      var assigned = Array(repeating: Int?.none, count: round.count)
      for (facilitator, table) in byFacilitator.enumerated() {
        if let table {
          assigned[table] = facilitator
          previous[facilitator] = table
        }
      }
      tables.append(assigned)
    }
    self.tables = tables
  }

  /// A person's organisation compared as the search compares it (width- and case-folded);
  /// nil when unknown, which never clashes.
  static func organisationKey(_ person: Person) -> String? {
    guard let organisation = person.organisation else { return nil }
    let key = Profession.normalizedKey(organisation)
    return key.isEmpty ? nil : key
  }

  /// For each row, its column (or nil) in a minimum-cost matching of rows to columns, where
  /// every row or every column (whichever are fewer) is matched.
  static func minimumCostAssignment(_ cost: [[Int]], rows: Int, columns: Int) -> [Int?] {
    guard rows > 0, columns > 0 else { return Array(repeating: nil, count: rows) }
    // The Hungarian algorithm needs rows ≤ columns; transpose otherwise.
    let transposed = rows > columns
    let n = transposed ? columns : rows
    let m = transposed ? rows : columns
    func at(_ i: Int, _ j: Int) -> Int { transposed ? cost[j - 1][i - 1] : cost[i - 1][j - 1] }
    // Potentials u (rows), v (columns); p[j] = row matched to column j; 1-based, 0 is a sentinel.
    var u = Array(repeating: 0, count: n + 1)
    var v = Array(repeating: 0, count: m + 1)
    var p = Array(repeating: 0, count: m + 1)
    var way = Array(repeating: 0, count: m + 1)
    for i in 1...n {
      p[0] = i
      var j0 = 0
      var minimum = Array(repeating: Int.max, count: m + 1)
      var used = Array(repeating: false, count: m + 1)
      repeat {
        used[j0] = true
        let i0 = p[j0]
        var delta = Int.max
        var j1 = 0
        for j in 1...m where !used[j] {
          let current = at(i0, j) - u[i0] - v[j]
          if current < minimum[j] {
            minimum[j] = current
            way[j] = j0
          }
          if minimum[j] < delta {
            delta = minimum[j]
            j1 = j
          }
        }
        for j in 0...m {
          if used[j] {
            u[p[j]] += delta
            v[j] -= delta
          } else {
            minimum[j] -= delta
          }
        }
        j0 = j1
      } while p[j0] != 0
      repeat {
        let j1 = way[j0]
        p[j0] = p[j1]
        j0 = j1
      } while j0 != 0
    }
    var result = Array(repeating: Int?.none, count: rows)
    for j in 1...m where p[j] != 0 {
      if transposed {
        result[j - 1] = p[j] - 1
      } else {
        result[p[j] - 1] = j - 1
      }
    }
    return result
  }
}
