import Foundation
import KenshuModel
import KenshuServer
import KenshuSite
import Testing

@testable import KenshuBuild

/// After every edit of a seeded random sequence, the site `serve` rebuilt in place equals, byte
/// for byte, a cold build of the same sources (issue 17). `scripts/build-differential.sh` runs
/// long sequences; `swift test` runs a few short ones.
@Suite struct IncrementalBuildDifferentialTests {
  @Test(arguments: [UInt64(1), 2, 3])
  func incrementalRebuilds_equalColdBuilds(seed: UInt64) throws {
    let steps = Int(ProcessInfo.processInfo.environment["KENSHU_DIFFERENTIAL_STEPS"] ?? "") ?? 8
    let mismatches = try BuildDifferential.run(seed: seed, steps: steps)
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
  }
}

/// The differential run: one project, one long-lived session per edition (as `serve` keeps),
/// and after each edit a fresh session's cold build to compare with.
enum BuildDifferential {
  /// What went wrong, one line per difference; empty when every step matched.
  static func run(seed: UInt64, steps: Int) throws -> [String] {
    let project = try TestProject.make()
    var random = SplitMix(seed: seed)
    let scratch = project.root.deletingLastPathComponent()
    let editions: [(SiteEdition, URL)] = [
      (.learner, project.layout.site), (.facilitator, project.layout.facilitatorSite),
    ]
    let live = editions.map { edition, output in
      BuildSession(
        layout: project.layout,
        configuration: BuildConfiguration(edition: edition, output: output, writeMode: .inPlace))
    }
    let watcher = SourceWatcher(paths: project.layout.watchedPaths)
    for session in live { _ = session.run() }
    var state = EditState()
    var mismatches: [String] = []
    for step in 0..<steps {
      let before = watcher.fingerprint()
      let edit = try state.apply(random.next(below: EditState.kinds), random: &random, to: project)
      let changes = SourceWatcher.changes(from: before, to: watcher.fingerprint())
      for (index, session) in live.enumerated() {
        let incremental = session.run(changes: changes)
        let coldOutput = scratch.appendingPathComponent("cold-\(step)-\(index)")
        let cold = BuildSession(
          layout: project.layout,
          configuration: BuildConfiguration(edition: editions[index].0, output: coldOutput)
        ).run()
        let label = "seed \(seed) step \(step) (\(edit), \(editions[index].0))"
        if incremental.published != cold.published {
          mismatches.append("\(label): published \(incremental.published) vs cold \(cold.published)")
          continue
        }
        if incremental.diagnostics != cold.diagnostics {
          mismatches.append(
            "\(label): diagnostics \(incremental.diagnostics.map(\.code)) vs cold \(cold.diagnostics.map(\.code))"
          )
        }
        // Every edit leaves the project valid: a step without a site would compare nothing.
        guard cold.published else {
          mismatches.append("\(label): the cold build failed: \(cold.diagnostics.map(\.formatted))")
          continue
        }
        let (mine, theirs) = (try TestProject.files(session.output), try TestProject.files(coldOutput))
        for path in Set(mine.keys).union(theirs.keys).sorted() where mine[path] != theirs[path] {
          mismatches.append(
            "\(label): \(path) " + (mine[path] == nil ? "missing" : theirs[path] == nil ? "extra" : "differs")
          )
        }
        try? FileManager.default.removeItem(at: coldOutput)
      }
    }
    return mismatches
  }
}

/// Realistic edits of the test project, each leaving it valid: Markdown, titles, rosters and
/// qualifications, the glossary, site settings, files added and removed.
struct EditState {
  static let kinds = 10
  var counter = 0
  var qualified = true
  var addedSession = false
  var addedSurvey = false

  mutating func apply(_ kind: Int, random: inout SplitMix, to project: TestProject) throws -> String {
    counter += 1
    let mark = "編集\(counter)"
    switch kind {
    case 0:
      let file = ["content/my-training/opening.md", "content/my-training/case.md"][random.next(below: 2)]
      try project.write(file, try project.read(file) + "\n\(mark)：追記の段落。\n")
      return "markdown \(file)"
    case 1:
      let sessions = ["開会・オリエンテーション", "グループワーク：退院前カンファレンス", "閉会"]
      let title = sessions[random.next(below: sessions.count)]
      try project.replace(in: "curricula/my-training.xml", "<title>\(title)", with: "<title>\(title)\(mark)")
      return "session title"
    case 2:
      qualified.toggle()
      try project.write("rosters/staff.xml", TestProject.roster(qualifyingSecond: qualified))
      return qualified ? "qualification added" : "qualification removed"
    case 3:
      try project.write(
        "rosters/staff.xml", TestProject.roster(qualifyingSecond: qualified, secondName: "鈴木 \(mark)"))
      return "facilitator renamed"
    case 4:
      try project.replace(
        in: "curricula/glossary.xml", "</glossary>",
        with: #"  <term id="t\#(counter)" name="用語\#(counter)" reading="ようご">\#(mark)の説明。</term>"#
          + "\n</glossary>")
      return "glossary term"
    case 5:
      try project.replace(in: "kenshu.xml", "</footer>", with: "\(mark)</footer>")
      return "site footer"
    case 6:
      try project.replace(in: "kenshu.xml", #"title="研修サイト"#, with: #"title="研修サイト\#(mark)"#)
      return "site title"
    case 7:
      if addedSession {
        try project.replace(
          in: "curricula/my-training.xml", Self.extraSession, with: "")
        try project.remove("content/my-training/extra.md")
      } else {
        try project.write("content/my-training/extra.md", "# 追加の講義\n\n\(mark)の内容。\n")
        try project.replace(
          in: "curricula/my-training.xml", #"<session id="closing""#,
          with: Self.extraSession + #"<session id="closing""#)
      }
      addedSession.toggle()
      return addedSession ? "session and content file added" : "session and content file removed"
    case 8:
      if addedSurvey {
        try project.remove("curricula/extra-survey.xml")
      } else {
        try project.write("curricula/extra-survey.xml", Self.extraSurvey)
      }
      addedSurvey.toggle()
      return addedSurvey ? "definition file added" : "definition file removed"
    default:
      try project.replace(
        in: "curricula/my-training.xml", "</facilitator-notes>", with: "\(mark)</facilitator-notes>")
      return "facilitator note"
    }
  }

  static let extraSession = """
    <session id="extra" kind="lecture" duration="PT10M"><title>追加の講義</title><content src="my-training/extra.md"/></session>
        
    """

  static let extraSurvey = """
    <?xml version="1.0" encoding="UTF-8"?>
    <survey xmlns="urn:kenshu:1" id="extra-survey" xml:lang="ja">
      <title>追加アンケート</title>
      <item id="q1" type="likert" scale="satisfaction5"><text>満足度</text></item>
    </survey>

    """
}

/// A small seeded generator (SplitMix64), so a failing sequence can be run again.
struct SplitMix {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
