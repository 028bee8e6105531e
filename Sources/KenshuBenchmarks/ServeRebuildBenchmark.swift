import Foundation
import KenshuBuild
import KenshuModel
import KenshuServer

/// What `kenshu serve` does after an edit, timed: the watcher's look at the sources
/// (`SourceFingerprint.update`, as its watch loop looks), then a
/// run of each edition's `BuildSession` with the changes it found (project reloaded, site
/// rebuilt in place), the learner site and the facilitator edition, started once the
/// learner's checks are done (`SiblingRun`), as serve previews both. Five edits to different
/// files (or `rounds`); the median is reported. Stage times are each edition's, summed: with
/// the editions overlapping, they add up to more than the wall time.
public enum ServeRebuildBenchmark {
  /// `edited`: a content file; the five edits go to the Markdown files of its folder, seven
  /// apart where the folder has that many (`s0.md`, `s7.md` … `s28.md` in the synthetic
  /// project), else round the files there are. The learner site goes to `output`, the
  /// facilitator edition beside it.
  public static func measure(projectRoot: URL, output: URL, edited: URL, rounds: Int = 5) throws
    -> ServeRebuildFigures
  {
    try measureRounds(projectRoot: projectRoot, output: output, edited: edited, rounds: rounds).median
  }

  /// Every round's figures, in order, and their median (by wall time).
  public static func measureRounds(projectRoot: URL, output: URL, edited: URL, rounds count: Int) throws
    -> (rounds: [ServeRebuildFigures], median: ServeRebuildFigures)
  {
    let layout = ProjectLayout(root: projectRoot)
    let facilitatorOutput = output.deletingLastPathComponent().appendingPathComponent(
      output.lastPathComponent + "-facilitator")
    let learner = BuildSession(
      layout: layout, configuration: BuildConfiguration(output: output, writeMode: .inPlace))
    // The same definition cache, as serve's two editions share one.
    let builds = [
      learner,
      learner.sibling(
        BuildConfiguration(edition: .facilitator, output: facilitatorOutput, writeMode: .inPlace)),
    ]
    for build in builds { _ = build.run() }
    // What serve's watch loop looks through (`SourceWatcher.watch`).
    let sources = SourceFingerprint(paths: layout.watchedPaths)
    let files = markdownFiles(beside: edited)
    var rounds: [ServeRebuildFigures] = []
    for round in 0..<max(1, count) {
      let file = files[(round * 7) % files.count]
      try (String(contentsOf: file, encoding: .utf8) + "\n追記：サーバーで確認。\n").write(
        to: file, atomically: true, encoding: .utf8)
      let cpuBefore = processCPUSeconds()
      let started = Date()
      let changes = sources.update()
      let detected = Date().timeIntervalSince(started)
      // As serve runs them (`PreviewSession.rebuild`): the facilitator edition from the
      // learner's checks on, beside the learner's site build.
      let sibling = SiblingRun(builds[1], changes: changes)
      let first = builds[0].run(changes: changes, console: .silent) { sibling.start() }
      let outcomes = [first, sibling.finish()]
      let seconds = Date().timeIntervalSince(started)
      let cpu = processCPUSeconds().flatMap { after in cpuBefore.map { after - $0 } }
      for outcome in outcomes where !outcome.published {
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        throw ServeRebuildFailed(errors: Array(errors.prefix(3)), count: errors.count)
      }
      var stages = StageTimes()
      for outcome in outcomes {
        for (stage, seconds) in outcome.times.entries { stages.add(stage, seconds) }
      }
      rounds.append(
        ServeRebuildFigures(
          seconds: seconds, cpuSeconds: cpu, written: outcomes.map(\.written).reduce(0, +),
          stages: [("detect", detected)] + stages.entries.map { ($0.stage.rawValue, $0.seconds) }))
    }
    return (rounds, rounds.sorted { $0.seconds < $1.seconds }[rounds.count / 2])
  }

  /// The Markdown files in `edited`'s folder in the synthetic project's order (`s0.md`,
  /// `s1.md`, …, by number), `edited` alone when there are none.
  static func markdownFiles(beside edited: URL) -> [URL] {
    let folder = edited.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    func number(_ name: String) -> Int { Int(name.dropFirst().dropLast(3)) ?? Int.max }
    let sorted = names.filter { $0.hasSuffix(".md") }.sorted { (number($0), $0) < (number($1), $1) }
    return sorted.isEmpty ? [edited] : sorted.map { folder.appendingPathComponent($0) }
  }
}

/// A serve-path rebuild of the synthetic project failed: the figures would mean nothing.
public struct ServeRebuildFailed: Error, CustomStringConvertible {
  /// The first errors (three at most).
  public var errors: [Diagnostic]
  /// How many errors there were.
  public var count: Int

  /// What went wrong, in both languages.
  public var message: Bilingual {
    Bilingual(
      ja: "serve の再ビルドがエラー \(count) 件で失敗しました: \(errors.map { $0.wording(in: .ja).message })",
      en: "the serve-path rebuild failed with \(count) errors: \(errors.map { $0.wording(in: .en).message })")
  }

  public var description: String { message.en.message }
}

/// The work folder given to `kenshu bench site` or `kenshu bench serve` holds files the
/// benchmarks did not make: it is not deleted to make the synthetic project there.
public struct BenchWorkFolderNotOurs: Error, CustomStringConvertible {
  public var folder: String

  /// What went wrong, in both languages.
  public var message: Bilingual {
    Bilingual(
      ja:
        "作業フォルダー \(folder) にはベンチマークが作ったものでないファイルがあるため、消して合成プロジェクトを作ることはしません。空のフォルダーか存在しないフォルダーを指定してください",
      en:
        "the work folder \(folder) holds files the benchmark did not make, so it is not deleted to make the synthetic project there: name an empty or missing folder"
    )
  }

  public var description: String { message.en.message }
}

/// A benchmark's work folder: what may be deleted to make the synthetic project again.
enum BenchWorkFolder {
  /// Written in a work folder the site or serve benchmark made.
  static let marker = ".kenshu-bench"
  /// What the site and serve benchmarks write in their work folder (the serve path's
  /// facilitator edition beside its learner site).
  static let madeByBenchmarks: Set<String> = [
    marker, "project", "hugo", "hugo-public", "kenshu-site", "kenshu-site-inplace", "kenshu-site-serve",
    "kenshu-site-serve-facilitator",
  ]

  /// Whether `folder` may be deleted and made again: it is missing or empty, carries the
  /// marker, or holds nothing but what the benchmarks write.
  static func mayReplace(_ folder: URL) -> Bool {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      // Missing (or not a folder we can list: only missing may be made).
      return !FileManager.default.fileExists(atPath: folder.path)
    }
    return names.contains(marker) || Set(names).isSubset(of: madeByBenchmarks)
  }
}

/// The serve rebuild alone, on the project `runSiteBenchmark` generates (made in `workFolder`
/// when it is not there yet; a folder holding anything else is refused, not deleted): for
/// profiling and for before/after runs, without the cold builds and Hugo around it. Returns
/// every round, then their median.
public func runServeRebuildBenchmark(
  workFolder: URL, courses: Int = 100, sessionsPerCourse: Int = 100, rounds: Int = 5
) throws -> (rounds: [ServeRebuildFigures], median: ServeRebuildFigures) {
  let projectRoot = workFolder.appendingPathComponent("project")
  let edited = projectRoot.appendingPathComponent("content/c\(min(2, courses - 1))/s0.md")
  if !FileManager.default.fileExists(atPath: edited.path) {
    guard BenchWorkFolder.mayReplace(workFolder) else {
      throw BenchWorkFolderNotOurs(folder: workFolder.path)
    }
    try? FileManager.default.removeItem(at: workFolder)
    _ = try SyntheticSite.write(
      projectRoot: projectRoot, hugoRoot: workFolder.appendingPathComponent("hugo"), courses: courses,
      sessionsPerCourse: sessionsPerCourse)
    try Data().write(to: workFolder.appendingPathComponent(BenchWorkFolder.marker))
  }
  return try ServeRebuildBenchmark.measureRounds(
    projectRoot: projectRoot, output: workFolder.appendingPathComponent("kenshu-site-serve"), edited: edited,
    rounds: rounds)
}

extension ServeRebuildFigures {
  /// `0.081 s (CPU 0.090 s, 28 files written): detect 0.001, load 0.000, …`
  public var line: String {
    func s(_ v: Double?) -> String { v.map { String(format: "%.3f s", $0) } ?? "—" }
    let parts = stages.map { "\($0.stage) " + String(format: "%.3f", $0.seconds) }.joined(separator: ", ")
    return "\(s(seconds)) (CPU \(s(cpuSeconds)), \(written) files written): \(parts)"
  }
}
