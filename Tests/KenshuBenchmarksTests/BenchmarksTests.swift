import Foundation
import KenshuModel
import Testing

@testable import KenshuBenchmarks

/// The benchmarks run end to end on small inputs (timing is not asserted: no timed tests).
@Suite struct BenchmarksTests {
  /// `kenshu bench serve --work-folder` deletes and remakes only a folder the benchmarks made:
  /// one holding anything else is refused and left as it was.
  @Test func serve_refusesAWorkFolderItDidNotMake_andLeavesItAlone() throws {
    let fm = FileManager.default
    let folder = fm.temporaryDirectory.appendingPathComponent("kenshu-bench-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: folder) }
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let precious = folder.appendingPathComponent("thesis.docx")
    try Data("precious".utf8).write(to: precious)
    #expect(throws: BenchWorkFolderNotOurs.self) {
      _ = try runServeRebuildBenchmark(workFolder: folder, courses: 1, sessionsPerCourse: 1, rounds: 1)
    }
    #expect(fm.fileExists(atPath: precious.path))
    // `kenshu bench site` deletes its work folder on every run: the same rule.
    #expect(throws: BenchWorkFolderNotOurs.self) {
      _ = try runSiteBenchmark(
        workFolder: folder, courses: 1, sessionsPerCourse: 1, hugoExecutable: nil, measureServe: false)
    }
    #expect(fm.fileExists(atPath: precious.path))
    // What the benchmarks make, marked or not, may be made again; so may a missing folder.
    #expect(!BenchWorkFolder.mayReplace(folder))
    try Data().write(to: folder.appendingPathComponent(BenchWorkFolder.marker))
    #expect(BenchWorkFolder.mayReplace(folder))
    let made = folder.appendingPathComponent("made")
    try fm.createDirectory(at: made.appendingPathComponent("project"), withIntermediateDirectories: true)
    try fm.createDirectory(at: made.appendingPathComponent("hugo"), withIntermediateDirectories: true)
    #expect(BenchWorkFolder.mayReplace(made))
    try fm.createDirectory(
      at: made.appendingPathComponent("kenshu-site-serve-facilitator"), withIntermediateDirectories: true)
    #expect(BenchWorkFolder.mayReplace(made))
    #expect(BenchWorkFolder.mayReplace(folder.appendingPathComponent("missing")))
  }

  @Test func evaluation_runsThePipeline_andReportsEachStage() {
    let text = runEvaluationBenchmark(rows: 200, in: .en)
    #expect(text.contains("200 responses"))
    #expect(text.contains("total:"))
    #expect(text.contains(" 0 diagnostics"))
  }

  @Test func site_buildsTheSyntheticProject_coldRebuildAndServePath() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-bench-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runSiteBenchmark(
      workFolder: folder, courses: 3, sessionsPerCourse: 29, hugoExecutable: nil, measureServe: true)
    #expect(result.sessions == 87)
    #expect(result.kenshuPages > 87)
    #expect(result.kenshuRebuildWritten > 0)
    let serve = try #require(result.serveRebuild)
    #expect(serve.written > 0)
    #expect(result.formatted(in: .en).contains("serve rebuild"))
    try Self.expectBothLanguages(result.formatted(in: .ja), result.formatted(in: .en))
  }

  /// Regression: the rebuilds edited `c1/s1.md` and `c2/s0.md` … `c2/s28.md`, so a project of
  /// fewer than three courses or 29 sessions failed.
  @Test(arguments: [(1, 1), (1, 6), (2, 3)])
  func site_runsOnTinyProjects(courses: Int, sessions: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-bench-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try runSiteBenchmark(
      workFolder: folder, courses: courses, sessionsPerCourse: sessions, hugoExecutable: nil,
      measureServe: true)
    #expect(result.sessions == courses * sessions)
    #expect(result.kenshuRebuildWritten > 0)
    #expect(try #require(result.serveRebuild).written > 0)
  }

  @Test func rosters_timeEveryStep() throws {
    let figures = RosterBenchmark.run(rows: 50)
    #expect(!figures.isEmpty)
    #expect(figures.allSatisfy { $0.rows > 0 })
    try Self.expectBothLanguages(
      figures.map { $0.formatted(in: .ja) }.joined(separator: "\n"),
      figures.map { $0.formatted(in: .en) }.joined(separator: "\n"))
  }

  @Test func groups_linesAreWordedInBothLanguages() throws {
    try Self.expectBothLanguages(runGroupsBenchmark(in: .ja), runGroupsBenchmark(in: .en))
  }

  @Test func evaluation_linesAreWordedInBothLanguages() throws {
    try Self.expectBothLanguages(
      runEvaluationBenchmark(rows: 20, in: .ja), runEvaluationBenchmark(rows: 20, in: .en))
  }

  /// Every line `kenshu bench` prints exists in Japanese and English: line for line, the
  /// Japanese has kana or kanji and differs from the English, and the English has no kana —
  /// except the head of the site table, which names the tools alone (kenshu, hugo).
  static func expectBothLanguages(_ japanese: String, _ english: String) throws {
    let ja = japanese.split(separator: "\n").map(String.init)
    let en = english.split(separator: "\n").map(String.init)
    try #require(ja.count == en.count && !ja.isEmpty, "\(ja.count) Japanese lines, \(en.count) English")
    for (jaLine, enLine) in zip(ja, en) {
      let words = Set(enLine.split { !$0.isLetter }.map(String.init))
      if jaLine == enLine, words.isSubset(of: ["kenshu", "hugo"]) { continue }
      #expect(jaLine != enLine, "not worded in Japanese: \(jaLine)")
      #expect(
        jaLine.unicodeScalars.contains {
          (0x3041...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
        },
        "no Japanese in: \(jaLine)")
      #expect(
        !enLine.unicodeScalars.contains { (0x3041...0x30FF).contains($0.value) }, "kana in English: \(enLine)"
      )
    }
  }
}
