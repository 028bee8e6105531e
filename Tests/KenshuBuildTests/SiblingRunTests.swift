import Foundation
import KenshuBuild
import KenshuModel
import KenshuSite
import Testing

/// The other edition's run beside the first (`SiblingRun`), as serve rebuilds after an edit.
@Suite struct SiblingRunTests {
  /// What a console was told, in order, with the figures (times, counts) taken out.
  final class Told: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line.filter { !$0.isNumber }) } }
    var all: [String] { lock.withLock { lines } }
    var console: BuildConsole {
      BuildConsole(
        say: { self.add("say: " + $0.en.message) },
        diagnostics: { self.add("diagnostics: " + $0.map(\.code).joined(separator: " ")) })
    }
  }

  /// Serve's two editions, each built once.
  static func editions(_ project: TestProject) -> (BuildSession, BuildSession) {
    let learner = BuildSession(
      layout: project.layout,
      configuration: BuildConfiguration(output: project.layout.output(for: .learner), writeMode: .inPlace))
    let facilitator = learner.sibling(
      BuildConfiguration(
        edition: .facilitator, output: project.layout.output(for: .facilitator), writeMode: .inPlace))
    _ = learner.run()
    _ = facilitator.run()
    return (learner, facilitator)
  }

  static let opening = "content/my-training/opening.md"

  @Test func sibling_startsAtTheFirstsChecks_andIsToldAfterIt_asRunsOneAfterTheOther() throws {
    let project = try TestProject.make()
    let (learner, facilitator) = Self.editions(project)
    let changes = SourceChanges(edited: [project.url(Self.opening).path])

    try project.write(Self.opening, try project.read(Self.opening) + "\n追記：一つ目\n")
    let inTurn = Told()
    let first = learner.run(changes: changes, console: inTurn.console)
    let second = facilitator.run(changes: changes, console: inTurn.console)
    #expect(first.published && second.published)

    try project.write(Self.opening, try project.read(Self.opening) + "\n追記：二つ目\n")
    let beside = Told()
    let sibling = SiblingRun(facilitator, changes: changes, console: beside.console)
    var toldWhenStarted: Int?
    let learnerOutcome = learner.run(changes: changes, console: beside.console) {
      toldWhenStarted = beside.all.count
      sibling.start()
      sibling.start()  // once only
    }
    // The sibling's lines are held until it is finished: so far only the learner's.
    let toldByLearner = beside.all
    // It builds without `finish` being called: its site gets the edit.
    let facilitatorSite = project.layout.output(for: .facilitator)
    var builtAlready = false
    for _ in 0..<400 where !builtAlready {
      builtAlready = try TestProject.files(facilitatorSite).values.contains {
        String(decoding: $0, as: UTF8.self).contains("追記：二つ目")
      }
      if !builtAlready { Thread.sleep(forTimeInterval: 0.025) }
    }
    #expect(builtAlready, "the facilitator edition was built before finish")
    let facilitatorOutcome = sibling.finish()
    #expect(toldWhenStarted == 1, "started after the announcement, before the site was built")
    #expect(toldByLearner.count == inTurn.all.count / 2)
    #expect(beside.all == inTurn.all)
    #expect(learnerOutcome.published && facilitatorOutcome.published)
    #expect(learnerOutcome.scope == .contentEdits(["my-training/opening.md"]))
    #expect(facilitatorOutcome.edition == .facilitator)
    for edition in [SiteEdition.learner, .facilitator] {
      let site = try TestProject.files(project.layout.output(for: edition))
      #expect(site.values.contains { String(decoding: $0, as: UTF8.self).contains("追記：二つ目") }, "\(edition)")
    }
  }

  /// A first run that stops before building (its project fails to load) never starts the
  /// sibling: `finish` runs it then, and tells its lines.
  @Test func siblingNotStarted_runsAtFinish() throws {
    let project = try TestProject.make()
    let (learner, facilitator) = Self.editions(project)
    try project.write("curricula/broken.xml", "<programme")
    let changes = SourceChanges(added: [project.url("curricula/broken.xml").path])
    let told = Told()
    let sibling = SiblingRun(facilitator, changes: changes, console: told.console)
    var started = false
    let first = learner.run(changes: changes, console: told.console) {
      started = true
      sibling.start()
    }
    let toldByLearner = told.all.count
    let second = sibling.finish()
    #expect(!started)
    #expect(!first.published && !second.published)
    #expect(told.all.count > toldByLearner)
  }
}
