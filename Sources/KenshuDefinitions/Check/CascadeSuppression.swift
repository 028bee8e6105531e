import KenshuModel

/// No cascades: when a file cannot be read (a syntax error, refused, too large), whatever it
/// defines is missing from the project, and every reference to it from other files would be
/// reported as "not defined" — 14 errors in other files for one `&` in a title. Those follow
/// from the one real error, so they are left out and one note says how many checks were skipped.
enum CascadeSuppression {
  /// Codes of the project checks that may only be reporting something defined in an unreadable
  /// file: references between files, and objective alignment (the activity may be in that file).
  static let dependentCodes: Set<String> = [
    "unknown-objective", "unknown-survey", "unknown-module", "unknown-roster", "unknown-person",
    "unknown-programme", "unknown-session", "objective-not-practised", "objective-not-evaluated",
    "unpaired-test",
  ]

  /// `checks` without the diagnostics that depend on the unreadable files, and one note
  /// counting them (located at the first of those files; nil when none was left out).
  static func fold(_ checks: [Diagnostic], unreadable: [String]) -> (kept: [Diagnostic], note: Diagnostic?) {
    guard let first = unreadable.first else { return (checks, nil) }
    let kept = checks.filter { !dependentCodes.contains($0.code) }
    let skipped = checks.count - kept.count
    guard skipped > 0 else { return (checks, nil) }
    return (
      kept, .note(Catalogue.checksSkipped, (skipped, unreadable), at: SourceLocation(file: first, line: 1))
    )
  }

  /// `diagnostics` (sorted by location) with those of the unreadable files first, since they are
  /// the root causes, then `note`, then the rest.
  static func ordered(_ diagnostics: [Diagnostic], unreadable: [String], note: Diagnostic?) -> [Diagnostic] {
    guard !unreadable.isEmpty else { return diagnostics }
    let names = Set(unreadable)
    return diagnostics.filter { names.contains($0.location.file) } + (note.map { [$0] } ?? [])
      + diagnostics.filter { !names.contains($0.location.file) }
  }
}
