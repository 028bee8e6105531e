import Foundation
import Testing

@testable import KenshuBenchmarks

/// The benchmarks run end to end on small inputs (timing is not asserted: no timed tests).
@Suite struct BenchmarksTests {
  @Test func evaluation_runsThePipeline_andReportsEachStage() {
    let text = runEvaluationBenchmark(rows: 200)
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
    #expect(result.formatted.contains("serve rebuild"))
  }

  @Test func rosters_timeEveryStep() {
    let figures = RosterBenchmark.run(rows: 50)
    #expect(!figures.isEmpty)
    #expect(figures.allSatisfy { $0.rows > 0 })
  }
}
