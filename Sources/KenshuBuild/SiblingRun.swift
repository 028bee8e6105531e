import Foundation
import KenshuModel

/// The other edition's run after an edit, started on its own thread once the first edition's
/// checks are done, while the first builds its site, so that the two editions' site builds
/// overlap on the machine's cores; its console lines are held and told when it is finished,
/// after the first run's, in the order a run one after the other gives them.
///
/// The first edition's project checks come first because the second reuses what they found
/// for the edited files (`ProjectLoader.check`); everything after the checks is the edition's
/// own (its builder, its output). In the serve benchmark the write stage, one search-index part
/// patched on one thread, left the other core idle for a third of each edition's build.
public final class SiblingRun: @unchecked Sendable {
  private let session: BuildSession
  private let changes: SourceChanges?
  private let console: BuildConsole
  private let lock = NSLock()
  private let done = DispatchGroup()
  private var started = false
  private var outcome: BuildOutcome?
  private var held: [(line: Bilingual?, diagnostics: [Diagnostic])] = []

  /// A run of `session` with `changes`, telling `console` when `finish` is called.
  public init(_ session: BuildSession, changes: SourceChanges?, console: BuildConsole = .silent) {
    self.session = session
    self.changes = changes
    self.console = console
  }

  /// Starts the run on a thread of its own (once; later calls do nothing). Called when the
  /// first edition's checks are done, it lets the run take their findings for the edited
  /// files that are still as they were checked (`ProjectLoader.check`'s `sameEditAs`).
  public func start() { begin(afterChecks: true) }

  private func begin(afterChecks: Bool) {
    let first = lock.withLock {
      defer { started = true }
      if !started { done.enter() }
      return !started
    }
    guard first else { return }
    // Started by `finish` instead, the first run stopped before (or without) its checks:
    // nothing of this edit was checked, so nothing is reused.
    let generation = afterChecks ? session.definitions.checksGeneration : nil
    let holding = BuildConsole(
      say: { [self] line in lock.withLock { held.append((line, [])) } },
      diagnostics: { [self] diagnostics in lock.withLock { held.append((nil, diagnostics)) } })
    Thread.detachNewThread { [self] in
      let result = session.run(changes: changes, sameEditAs: generation, console: holding)
      lock.withLock { outcome = result }
      done.leave()
    }
  }

  /// Waits for the run (starting it if nothing did), tells the console its lines in order, and
  /// returns its outcome.
  public func finish() -> BuildOutcome {
    begin(afterChecks: false)
    done.wait()
    let (result, lines) = lock.withLock { (outcome, held) }
    for (line, diagnostics) in lines {
      if let line { console.say(line) } else { console.diagnostics(diagnostics) }
    }
    guard let result else { preconditionFailure("a finished sibling run has an outcome") }
    return result
  }
}
