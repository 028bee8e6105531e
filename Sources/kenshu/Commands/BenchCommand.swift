import ArgumentParser
import Foundation
import KenshuBuild
import KenshuDefinitions
import KenshuEvaluation
import KenshuGroups
import KenshuModel
import KenshuRosters
import KenshuServer
import KenshuSite

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
      print(runGroupsBenchmark(seed: seed))
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
      let result = try runSiteBenchmark(
        workFolder: folder, courses: courses, sessionsPerCourse: sessions,
        hugoExecutable: hugo.isEmpty ? nil : hugo, servePath: BenchCommand.serveRebuild)
      print(result.formatted)
    }
  }

  /// What `kenshu serve` does after an edit: the watcher's look at the sources, then a run of
  /// each edition's `BuildSession` with the changes it found (project reloaded, site rebuilt
  /// in place), the learner site and then the facilitator edition, as serve previews both.
  /// Five edits to different files; the median is reported.
  static func serveRebuild(projectRoot: URL, output: URL, edited: URL) throws -> ServeRebuildFigures {
    let layout = ProjectLayout(root: projectRoot)
    let definitions = DefinitionCache()
    let facilitatorOutput = output.deletingLastPathComponent().appendingPathComponent(
      output.lastPathComponent + "-facilitator")
    let builds = [
      BuildSession(
        layout: layout, configuration: BuildConfiguration(output: output, writeMode: .inPlace),
        definitions: definitions),
      BuildSession(
        layout: layout,
        configuration: BuildConfiguration(
          edition: .facilitator, output: facilitatorOutput, writeMode: .inPlace),
        definitions: definitions),
    ]
    for build in builds { _ = build.run() }
    let watcher = SourceWatcher(paths: layout.watchedPaths)
    let folder = edited.deletingLastPathComponent()
    var rounds: [ServeRebuildFigures] = []
    for round in 0..<5 {
      let file = folder.appendingPathComponent("s\(round * 7).md")
      let before = watcher.fingerprint()
      try (String(contentsOf: file, encoding: .utf8) + "\n追記：サーバーで確認。\n").write(
        to: file, atomically: true, encoding: .utf8)
      let cpuBefore = processCPUSeconds()
      let started = Date()
      let changes = SourceWatcher.changes(from: before, to: watcher.fingerprint())
      let outcomes = builds.map { $0.run(changes: changes) }
      let seconds = Date().timeIntervalSince(started)
      let cpu = processCPUSeconds().flatMap { after in cpuBefore.map { after - $0 } }
      for outcome in outcomes where !outcome.published {
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        throw argumentError(
          ja:
            "serve の再ビルドがエラー \(errors.count) 件で失敗しました: \(errors.prefix(3).map { $0.wording(in: .ja).message })",
          en: "the serve-path rebuild failed with \(errors.count) errors: \(errors.prefix(3).map(\.message))")
      }
      rounds.append(
        ServeRebuildFigures(seconds: seconds, cpuSeconds: cpu, written: outcomes.map(\.written).reduce(0, +)))
    }
    return rounds.sorted { $0.seconds < $1.seconds }[rounds.count / 2]
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
      print(runEvaluationBenchmark(rows: rows))
    }
  }

  struct Rosters: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rosters",
      abstract: "Roster import (UTF-8, CP932), XML writing, summaries and cross-tabs.")
    @Option(help: "Rows to generate.") var rows = 10_000

    func run() {
      BenchCommand.warnIfDebug()
      for figure in RosterBenchmark.run(rows: rows) { print(figure.formatted) }
    }
  }
}
