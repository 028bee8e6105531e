import ArgumentParser
import Foundation
import KenshuGroups
import KenshuRosters

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run Kenshu's benchmarks (use a release build: swift run -c release kenshu bench …).",
    discussion: "Each benchmark generates its own synthetic data; nothing personal is used.",
    shouldDisplay: false,
    subcommands: [Groups.self, Rosters.self]
  )

  static func warnIfDebug() {
    #if DEBUG
      Console.error("warning: this is a debug build; figures are only meaningful with -c release")
    #endif
  }

  struct Groups: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Group formation: 1,000 people × 3 rounds, 200 people × 4 rounds, the 361-person cohort.")
    @Option(help: "Seed.") var seed: UInt64 = 1

    func run() {
      BenchCommand.warnIfDebug()
      print(runGroupsBenchmark(seed: seed))
    }
  }

  struct Rosters: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Roster import (UTF-8, CP932), XML writing, summaries and cross-tabs.")
    @Option(help: "Rows to generate.") var rows = 10_000

    func run() {
      BenchCommand.warnIfDebug()
      for figure in RosterBenchmark.run(rows: rows) { print(figure.formatted) }
    }
  }
}
