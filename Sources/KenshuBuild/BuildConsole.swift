import KenshuModel

/// Where the lines of a run go, for a terminal or a test: progress lines and the summary in
/// both languages (the receiver picks one), and the diagnostics.
public struct BuildConsole: Sendable {
  /// A line for the user (progress, summary, warning), Japanese and English.
  public var say: @Sendable (Bilingual) -> Void
  /// A run's diagnostics, once per run, sorted by location.
  public var diagnostics: @Sendable ([Diagnostic]) -> Void

  public init(
    say: @escaping @Sendable (Bilingual) -> Void, diagnostics: @escaping @Sendable ([Diagnostic]) -> Void
  ) {
    self.say = say
    self.diagnostics = diagnostics
  }

  /// Prints nothing (benchmarks, tests).
  public static let silent = BuildConsole(say: { _ in }, diagnostics: { _ in })
}

extension BuildSession {
  /// Runs the session and tells `console` what `build`, `serve` and `bench` show: the
  /// announcement, the diagnostics and the summary (`quiet`: the diagnostics only, as with
  /// `--format json`). `checked` is called when the project has loaded and passed its checks
  /// and the site is about to be built (serve starts the other edition's run then:
  /// `SiblingRun`); not at all when the run stops before. `sameEditAs`: see
  /// `run(changes:sameEditAs:announce:)`.
  public func run(
    changes: SourceChanges? = nil, sameEditAs: Int? = nil, console: BuildConsole, quiet: Bool = false,
    checked: () -> Void = {}
  ) -> BuildOutcome {
    let outcome = run(changes: changes, sameEditAs: sameEditAs) { line in
      if !quiet { console.say(line) }
      checked()
    }
    console.diagnostics(outcome.diagnostics)
    if !quiet, let summary = outcome.summary { console.say(summary) }
    return outcome
  }
}
