import Foundation
import KenshuModel
import Testing

@testable import KenshuEvaluation
@testable import KenshuRosters

/// Many random tables (fixed seeds), suppressed as Kenshu publishes them, then checked by
/// brute-force enumeration (`PublishedTable`), which shares nothing with the flow-based audit:
/// no hidden count may take only one value among the tables a reader cannot rule out.
/// `KENSHU_AUDIT_BATCH` raises the number of tables per suite (the report's figures use 10,000).
@Suite struct RandomTableAuditTests {
  static var batch: Int { ProcessInfo.processInfo.environment["KENSHU_AUDIT_BATCH"].flatMap(Int.init) ?? 400 }

  /// Evaluation breakdowns: totals always shown, cells protected against them.
  @Test func test_evaluationBreakdowns_noHiddenCellIsDeterminedExactly() {
    var random = SplitMix(seed: 2026)
    var stats = BatchStats()
    for _ in 0..<Self.batch {
      let rows = 2 + random.below(3)
      let columns = 2 + random.below(3)
      let counts = (0..<rows).map { _ in (0..<columns).map { _ in random.smallCount() } }
      let table = Crosstab(
        rowLabels: (0..<rows).map { "g\($0)" }, columnLabels: (0..<columns).map { "c\($0)" }, counts: counts)
      guard table.counts.count >= 2 else { continue }
      stats.tables += 1
      let primary = table.counts.joined().filter { $0 >= 1 && $0 < 5 }.count
      if primary > 0 { stats.withSmallCells += 1 }
      guard table.isPublishable else {
        // Omitted only when hiding every cell still leaves one pinned by the totals.
        stats.omitted += 1
        let allHidden = PublishedTable(
          cells: table.counts.map { $0.map { _ in nil } }, rowTotals: table.rowTotals,
          columnTotals: table.columnTotals, total: table.total, listedMeansNonEmpty: false)
        #expect(
          allHidden.hiddenCountsNotExact(cap: table.total, truth: table.counts).contains(false), "\(counts)")
        continue
      }
      if table.suppressedCount > primary { stats.neededComplements += 1 }
      for (r, row) in table.counts.enumerated() {
        for (c, value) in row.enumerated() {
          if value >= 1 && value < 5 { #expect(table.isSuppressed(row: r, column: c), "\(counts)") }
        }
      }
      let published = PublishedTable(
        cells: table.counts.indices.map { r in
          table.columnLabels.indices.map { table.shownCount(row: r, column: $0) }
        },
        rowTotals: table.rowTotals, columnTotals: table.columnTotals, total: table.total,
        listedMeansNonEmpty: false)
      let notExact = published.hiddenCountsNotExact(cap: table.total, truth: table.counts)
      stats.hiddenChecked += notExact.count
      stats.exact += notExact.filter { !$0 }.count
      #expect(notExact.allSatisfy { $0 }, "\(counts)")
    }
    stats.report("evaluation breakdowns")
    #expect(stats.exact == 0)
  }

  /// Multiple-choice breakdowns: a row's cells add up to its choices, and no cell exceeds the
  /// group's size (published by the grouping item's own counts).
  @Test func test_multipleChoiceBreakdowns_noHiddenCellIsDeterminedExactly() {
    var random = SplitMix(seed: 31)
    var stats = BatchStats()
    for _ in 0..<(Self.batch / 2) {
      let rows = 2 + random.below(2)
      let columns = 2 + random.below(3)
      let counts = (0..<rows).map { _ in (0..<columns).map { _ in random.smallCount() } }
      let sizes = counts.map { ($0.max() ?? 0) + random.below(3) }
      let table = Crosstab(
        rowLabels: (0..<rows).map { "g\($0)" }, columnLabels: (0..<columns).map { "c\($0)" }, counts: counts,
        groupSizes: sizes)
      guard table.counts.count >= 2, table.isPublishable else { continue }
      stats.tables += 1
      let primary = table.counts.joined().filter { $0 >= 1 && $0 < 5 }.count
      if primary > 0 { stats.withSmallCells += 1 }
      if table.suppressedCount > primary { stats.neededComplements += 1 }
      let kept = counts.indices.filter { counts[$0].reduce(0, +) > 0 }
      let published = PublishedTable(
        cells: table.counts.indices.map { r in
          table.columnLabels.indices.map { table.shownCount(row: r, column: $0) }
        },
        rowTotals: table.rowTotals, columnTotals: table.columnTotals, total: table.total,
        listedMeansNonEmpty: false, cellCaps: kept.map { r in counts[r].map { _ in sizes[r] } })
      let notExact = published.hiddenCountsNotExact(cap: table.total, truth: table.counts)
      stats.hiddenChecked += notExact.count
      stats.exact += notExact.filter { !$0 }.count
      #expect(notExact.allSatisfy { $0 }, "\(counts) sizes \(sizes)")
    }
    stats.report("multiple-choice breakdowns")
    #expect(stats.exact == 0)
  }

  /// `roster summary --public --by A,B`: totals hidden as the one-way summaries hide them, read
  /// together with both one-way summaries.
  @Test func test_rosterCrossTabs_withBothOneWaySummaries_noHiddenCountIsDeterminedExactly() {
    var random = SplitMix(seed: 11)
    var stats = BatchStats()
    let professions: [Profession] = [.doctor, .nurse, .pharmacist, .careManager]
    let prefectures = ["北海道", "東京都", "大阪府", "沖縄県"]
    for _ in 0..<Self.batch {
      let rows = 1 + random.below(3)
      let columns = 1 + random.below(3)
      var people: [Person] = []
      for r in 0..<rows {
        for c in 0..<columns {
          for index in 0..<random.smallCount() {
            people.append(
              Person(
                id: "p\(r)-\(c)-\(index)", name: "x", profession: professions[r], prefecture: prefectures[c]))
          }
        }
      }
      guard !people.isEmpty else { continue }
      let table = RosterCrossTab(people: people, rows: .profession, columns: .prefecture)
      let shown = PublicCrossTab(table)
      stats.tables += 1
      let primary = table.counts.joined().filter { $0 >= 1 && $0 < 5 }.count
      if primary > 0 { stats.withSmallCells += 1 }
      if shown.hidden.joined().filter({ $0 }).count > primary { stats.neededComplements += 1 }
      // The one-way summaries publish exactly the cross-tab's shown totals.
      let byProfession = PublicSummary(RosterSummary(people: people, by: .profession))
      let byPrefecture = PublicSummary(RosterSummary(people: people, by: .prefecture))
      #expect(byProfession.rows.map(\.count) == table.rows.indices.map { shown.rowTotal($0) })
      #expect(byPrefecture.rows.map(\.count) == table.columns.indices.map { shown.columnTotal($0) })
      #expect(byProfession.total == shown.total && byPrefecture.total == shown.total)
      let published = PublishedTable(
        cells: table.rows.indices.map { r in table.columns.indices.map { shown.count(row: r, column: $0) } },
        rowTotals: table.rows.indices.map { shown.rowTotal($0) },
        columnTotals: table.columns.indices.map { shown.columnTotal($0) }, total: shown.total,
        listedMeansNonEmpty: true)
      let notExact = published.hiddenCountsNotExact(cap: table.total + 3, truth: table.counts)
      stats.hiddenChecked += notExact.count
      stats.exact += notExact.filter { !$0 }.count
      #expect(notExact.allSatisfy { $0 }, "\(table.counts)")
      for (r, row) in table.counts.enumerated() {
        for (c, value) in row.enumerated() where value >= 1 && value < 5 {
          #expect(shown.count(row: r, column: c) == nil)
        }
      }
    }
    stats.report("roster cross-tabs")
    #expect(stats.exact == 0)
  }

  /// `roster summary --public --by A`: one-way counts and the total.
  @Test func test_rosterSummaries_noHiddenCountIsDeterminedExactly() {
    var random = SplitMix(seed: 7)
    var stats = BatchStats()
    for _ in 0..<Self.batch {
      let counts = (0..<(1 + random.below(5))).map { _ in random.smallCount() }.filter { $0 > 0 }
      guard !counts.isEmpty else { continue }
      let total = counts.reduce(0, +)
      let summary = RosterSummary(
        key: .profession, total: total,
        rows: counts.enumerated().map {
          SummaryRow(
            key: "k\($0.offset)", label: "k\($0.offset)", count: $0.element,
            percent: Percent(count: $0.element, of: total))
        })
      let shown = PublicSummary(summary)
      stats.tables += 1
      let primary = counts.filter { $0 < 5 }.count + (total < 5 ? 1 : 0)
      if primary > 0 { stats.withSmallCells += 1 }
      if shown.rows.filter({ $0.count == nil }).count + (shown.total == nil ? 1 : 0) > primary {
        stats.neededComplements += 1
      }
      let published = PublishedTable(
        cells: [shown.rows.map(\.count)], rowTotals: [shown.total],
        columnTotals: counts.map { _ in nil }, total: shown.total, listedMeansNonEmpty: true)
      // Column totals of a one-row table are the cells again: only the cells and total count.
      let notExact = published.hiddenCountsNotExact(cap: total + 3, truth: [counts]).prefix(
        shown.rows.filter { $0.count == nil }.count + (shown.total == nil ? 1 : 0))
      stats.hiddenChecked += notExact.count
      stats.exact += notExact.filter { !$0 }.count
      #expect(notExact.allSatisfy { $0 }, "\(counts)")
      #expect(zip(counts, shown.rows).allSatisfy { !($0 >= 1 && $0 < 5) || $1.count == nil })
    }
    stats.report("roster one-way summaries")
    #expect(stats.exact == 0)
  }

  /// Roles: one person may count in several columns. No brute force here (a person-level model
  /// would be needed); every accepted witness is checked by `admits` against the role rules.
  @Test func test_roleCrossTabs_auditFindsAWitnessForEveryHiddenCount() {
    var random = SplitMix(seed: 99)
    let roleSets: [Set<PersonRole>] = [
      [.trainee], [.facilitator], [.trainee, .facilitator], [.instructor], [],
    ]
    let professions: [Profession] = [.doctor, .nurse, .careManager]
    var stats = BatchStats()
    defer { stats.report("role cross-tabs (audit witnesses; 'omitted' = total under 5, all hidden)") }
    for _ in 0..<Self.batch {
      var people: [Person] = []
      for (r, profession) in professions.prefix(1 + random.below(3)).enumerated() {
        for (s, roles) in roleSets.enumerated() {
          for index in 0..<random.smallCount() {
            people.append(Person(id: "p\(r)-\(s)-\(index)", name: "x", profession: profession, roles: roles))
          }
        }
      }
      guard !people.isEmpty else { continue }
      let table = RosterCrossTab(people: people, rows: .profession, columns: .role)
      let shown = PublicCrossTab(table)
      var layout = CountTableLayout(
        counts: table.counts, rowTotals: table.rowTotals, columnTotals: table.columnTotals,
        total: table.total,
        columns: SummaryKey.role.valued(categories: table.columns.map(\.key)), marginLowerBound: 1,
        marginPublication: .shown)
      #expect(layout.system.isConsistent)
      let flatCells = Array(layout.cells.joined())
      let flatHidden = Array(shown.hidden.joined())
      let hidden = layout.system.quantities.indices.map { index in
        if let flat = flatCells.firstIndex(of: index) { return flatHidden[flat] }
        if let r = layout.rowTotals.firstIndex(of: index) { return shown.rowTotal(r) == nil }
        if let c = layout.columnTotals.firstIndex(of: index) { return shown.columnTotal(c) == nil }
        if index == layout.total { return shown.total == nil }
        return true
      }
      for index in layout.system.quantities.indices
      where hidden[index] && layout.system.quantities[index].publication == .shown {
        layout.system.setPublication(.suppressible, of: index)
      }
      let audit = SuppressionAudit(system: layout.system, hidden: hidden)
      #expect(
        audit.unprotected.isEmpty,
        "\(table.counts) \(shown.hidden) \(shown.hiddenRowTotals) \(shown.hiddenColumnTotals)")
      for index in layout.system.quantities.indices where hidden[index] {
        if let witness = audit.witness(for: index) { #expect(layout.system.admits(witness)) }
      }
      stats.tables += 1
      if shown.hiddenTotal { stats.omitted += 1 }
      let primary = table.counts.joined().filter { $0 >= 1 && $0 < 5 }.count
      if primary > 0 { stats.withSmallCells += 1 }
      if shown.hidden.joined().filter({ $0 }).count > primary { stats.neededComplements += 1 }
    }
  }

  /// A national roster: 47 prefectures × 8 professions, many small cells; it must be protected
  /// (this is what `roster summary --public --by prefecture,profession` does).
  @Test func test_largeRosterCrossTab_isProtected() {
    var random = SplitMix(seed: 47)
    let professions: [Profession] = [
      .doctor, .nurse, .pharmacist, .careManager, .dentist, .dentalHygienist, .physicalTherapist, .other,
    ]
    var people: [Person] = []
    for prefecture in Prefecture.all {
      for profession in professions {
        for index in 0..<random.smallCount() {
          people.append(
            Person(
              id: "\(prefecture)\(profession)\(index)", name: "x", profession: profession,
              prefecture: prefecture))
        }
      }
    }
    let table = RosterCrossTab(people: people, rows: .prefecture, columns: .profession)
    // How long this takes is measured by a benchmark, not here (no timed tests).
    let shown = PublicCrossTab(table)
    let byPrefecture = PublicSummary(RosterSummary(people: people, by: .prefecture))
    #expect(byPrefecture.rows.map(\.count) == table.rows.indices.map { shown.rowTotal($0) })

    // The same people with several roles each: side constraints make the audit search harder.
    let roleSets: [Set<PersonRole>] = [
      [.trainee], [.trainee], [.facilitator], [.trainee, .facilitator], [.instructor], [],
    ]
    for index in people.indices { people[index].roles = roleSets[random.below(roleSets.count)] }
    let roles = RosterCrossTab(people: people, rows: .prefecture, columns: .role)
    let roleShown = PublicCrossTab(roles)
    // Many cells are under 5, so the role table must hide some and still publish its shape.
    #expect(roleShown.hidden.joined().contains(true))
    #expect(roleShown.hidden.count == roles.rows.count)
  }
}

struct BatchStats {
  var tables = 0
  var withSmallCells = 0
  var neededComplements = 0
  var omitted = 0
  var hiddenChecked = 0
  var exact = 0

  func report(_ name: String) {
    print(
      "audit \(name): \(tables) tables, \(withSmallCells) with cells of 1–4, \(neededComplements) needed complementary cells, \(omitted) omitted, \(hiddenChecked) hidden counts checked by brute force, \(exact) determined exactly"
    )
  }
}
