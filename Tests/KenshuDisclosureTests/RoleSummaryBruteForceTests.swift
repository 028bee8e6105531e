import KenshuModel
import Testing

@testable import KenshuRosters

/// `roster summary --public --by role`, checked person by person: every population of people
/// (each with a non-empty set of the listed roles, or only `unknown`) that agrees with the
/// published counts, total and labels is enumerated, and each hidden count must take two values.
/// Independent of the audit's side constraints, which it would catch if they were wrong.
@Suite struct RoleSummaryBruteForceTests {
  @Test func test_randomRoleSummaries_noHiddenCountIsDeterminedExactly() {
    var random = SplitMix(seed: 5)
    let roleSets: [Set<PersonRole>] = [
      [.trainee], [.facilitator], [.instructor], [.trainee, .facilitator], [.facilitator, .instructor], [],
    ]
    var checked = 0
    var tables = 0
    for round in 0..<200 {
      let people = (0..<(1 + random.below(9))).map { index in
        Person(
          id: "p\(round)-\(index)", name: "x", profession: .nurse,
          roles: roleSets[random.below(roleSets.count)])
      }
      let summary = RosterSummary(people: people, by: .role)
      let shown = PublicSummary(summary)
      tables += 1
      let hidden = shown.rows.indices.filter { shown.rows[$0].count == nil }
      guard !hidden.isEmpty || shown.total == nil else { continue }
      var seen = [Set<Int>](repeating: [], count: hidden.count)
      var totals = Set<Int>()
      let keys = summary.rows.map(\.key)
      // Kinds of person: every non-empty set of the listed roles, or unknown alone.
      let real = keys.indices.filter { keys[$0] != "unknown" }
      var kinds: [[Int]] = (1..<(1 << real.count)).map { mask in
        real.indices.filter { mask & (1 << $0) != 0 }.map { real[$0] }
      }
      if let unknown = keys.firstIndex(of: "unknown") { kinds.append([unknown]) }
      let sizes = shown.total.map { [$0] } ?? Array(1...(people.count + 3))
      for size in sizes {
        var counts = [Int](repeating: 0, count: keys.count)
        func fill(_ kind: Int, _ left: Int) {
          if kind == kinds.count - 1 {
            for category in kinds[kind] { counts[category] += left }
            if zip(counts, shown.rows).allSatisfy({ $0 >= 1 && ($1.count == nil || $1.count == $0) }) {
              for (offset, index) in hidden.enumerated() { seen[offset].insert(counts[index]) }
              totals.insert(size)
            }
            for category in kinds[kind] { counts[category] -= left }
            return
          }
          for take in 0...left {
            for category in kinds[kind] { counts[category] += take }
            fill(kind + 1, left - take)
            for category in kinds[kind] { counts[category] -= take }
          }
        }
        fill(0, size)
      }
      checked += hidden.count
      #expect(
        seen.allSatisfy { $0.count >= 2 },
        "\(summary.rows.map(\.count)) of \(people.count): \(shown.rows.map(\.count))")
      if shown.total == nil { #expect(totals.count >= 2) }
    }
    print(
      "audit role one-way summaries (person-level brute force): \(tables) tables, \(checked) hidden counts checked"
    )
  }
}
