import ArgumentParser
import Foundation
import KenshuBenchmarks

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run Kenshu's benchmarks (use a release build: swift run -c release kenshu bench …).",
    discussion: "Each benchmark generates its own synthetic data; nothing personal is used.",
    shouldDisplay: false,
    subcommands: [Groups.self, Rosters.self, Site.self, Evaluation.self]
  )

  static func warnIfDebug() {
    #if DEBUG
      Console.error(
        ja: "警告: デバッグビルドです。計測値は -c release でビルドしたときだけ意味があります",
        en: "warning: this is a debug build; figures are only meaningful with -c release")
    #endif
  }

  struct Groups: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "groups",
      abstract: "Group formation: 1,000 people × 3 rounds, 200 people × 4 rounds, the 361-person cohort.")
    @Option(help: "Seed.") var seed: UInt64 = 1

    func run() {
      BenchCommand.warnIfDebug()
      print(runGroupsBenchmark(seed: seed, in: Language.current))
    }
  }

  struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "site",
      abstract:
        "Site build: a synthetic project of COURSES × SESSIONS pages, cold build and one-file rebuild, beside Hugo."
    )
    @Option(help: "Courses.") var courses = 100
    @Option(help: "Sessions per course.") var sessions = 100
    @Option(help: "Hugo executable (\"\" to skip the comparison).") var hugo = "hugo"
    @Option(help: "Work folder (default: a temporary folder; tmpfs such as /dev/shm removes disk noise).")
    var workFolder: String?

    func run() throws {
      BenchCommand.warnIfDebug()
      let folder = URL(
        fileURLWithPath: workFolder
          ?? FileManager.default.temporaryDirectory.appendingPathComponent(
            "kenshu-site-bench-\(UUID().uuidString)"
          ).path)
      do {
        let result = try runSiteBenchmark(
          workFolder: folder, courses: courses, sessionsPerCourse: sessions,
          hugoExecutable: hugo.isEmpty ? nil : hugo)
        print(result.formatted(in: Language.current))
      } catch let failure as ServeRebuildFailed {
        throw argumentError(ja: failure.message.ja.message, en: failure.message.en.message)
      }
    }
  }

  struct Evaluation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluation",
      abstract:
        "Evaluation: N responses × 40 items (30 Likert, 5 choice, 5 text) with a by-profession breakdown.",
      discussion:
        "Compare with pandas: write the input with --write-csv FILE, then python3 scripts/bench-pandas.py FILE."
    )
    @Option(help: "Responses to generate.") var rows = 100_000
    @Option(help: "Also write the generated responses as CSV (for scripts/bench-pandas.py).") var writeCsv:
      String?

    func run() throws {
      BenchCommand.warnIfDebug()
      if let writeCsv {
        try Data(benchmarkResponsesCSV(rows: rows).utf8).write(to: URL(fileURLWithPath: writeCsv))
        Console.error(ja: "\(writeCsv) に書き出しました", en: "wrote \(writeCsv)")
      }
      print(runEvaluationBenchmark(rows: rows, in: Language.current))
    }
  }

  struct Rosters: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rosters",
      abstract: "Roster import (UTF-8, CP932), XML writing, summaries and cross-tabs.")
    @Option(help: "Rows to generate.") var rows = 10_000

    func run() {
      BenchCommand.warnIfDebug()
      for figure in RosterBenchmark.run(rows: rows) { print(figure.formatted(in: Language.current)) }
    }
  }
}
