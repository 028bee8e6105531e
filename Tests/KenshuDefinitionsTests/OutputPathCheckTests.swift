import KenshuModel
import Testing

@testable import KenshuDefinitions

/// `OutputPathCheck.run` walks each folder once and skips lowercasing lowercase paths; it must
/// report exactly what the reference (every folder of every file, every path lowercased) does.
@Suite struct OutputPathCheckTests {
  /// Ids that make every kind of collision: same segment (`a b`/`a_b`), case only (`A`/`a`),
  /// a file where a folder goes (`prog.ics`, `index.html`, `sessions`), dots, non-ASCII.
  static let ids = [
    "p", "P", "prog", "prog.ics", "Prog.ics", "index.html", "sessions", "a", "A", "a b", "a_b", "a.html",
    "day1", "DAY1", "..", ".", "研修", "é", "handout", "facilitator", "x/y",
  ]

  @Test func test_run_matchesReference_onRandomProjects() {
    var random = LinearCongruential(seed: 11)
    var withDiagnostics = 0
    for _ in 0..<400 {
      let project = Self.randomProject(&random)
      let check = OutputPathCheck(project: project)
      let fast = check.run()
      #expect(fast == check.referenceRun())
      if !fast.isEmpty { withDiagnostics += 1 }
    }
    // The generator makes collisions often enough for the comparison to mean something.
    #expect(withDiagnostics > 100)
  }

  @Test func test_folded_isLowercased() {
    for path in Self.ids + ["programmes/P/index.html", "Ä/b.html", "ǅ", "İ.html", "programmes/p/a.html"] {
      #expect(OutputPathCheck.folded(path) == path.lowercased())
    }
  }

  static func randomProject(_ random: inout LinearCongruential) -> Project {
    var line = 0
    func location() -> KenshuModel.SourceLocation {
      line += 1
      return KenshuModel.SourceLocation(file: "curricula/p.xml", line: line, column: 3)
    }
    func id(_ random: inout LinearCongruential) -> String { ids[random.next(below: ids.count)] }
    var programmes: [Programme] = []
    for _ in 0..<(1 + random.next(below: 3)) {
      var courses: [Course] = []
      for _ in 0..<random.next(below: 4) {
        var sessions: [Session] = []
        for _ in 0..<random.next(below: 5) {
          sessions.append(
            Session(id: id(&random), kind: .lecture, title: "講義", durationMinutes: 30, location: location()))
        }
        courses.append(Course(id: id(&random), title: "1日目", sessions: sessions, location: location()))
      }
      programmes.append(Programme(id: id(&random), title: "研修", courses: courses, location: location()))
    }
    var project = Project()
    project.programmes = programmes
    return project
  }
}

/// A small, fixed-seed random source, so that a failure can be replayed.
struct LinearCongruential {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(below bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
