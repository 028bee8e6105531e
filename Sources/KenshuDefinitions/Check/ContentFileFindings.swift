import KenshuModel

/// What one check that reads Markdown files found in each file and in each inline block, in
/// the order it visited them, carried from one run to the next so that after edits to some
/// files only those are read and checked again.
///
/// Why: a `serve` rebuild after one edit read and scanned every file under `content/` once per
/// such check (four of them, for each edition), which was most of the rebuild's time on the
/// 10,000-session benchmark project. What a check finds in a file depends on the file's text
/// and on the definitions (its owner, its audience), and, for links, on which files exist; a
/// `BuildScope.contentEdits` run has the same definitions and the same files, so only the
/// edited files' findings can differ. Inline Markdown is part of the definitions, so what a
/// check finds in it cannot differ either.
///
/// Then, with the files no longer read, walking every block of the project to look each file
/// up (a set of the files seen, a table of findings, the path normalised) was still about a
/// quarter of such a rebuild: a patch now visits the checks' records instead (`patch(_:)`),
/// and the checks look only for the edited files' blocks.
struct ContentFileFindings {
  /// A check's visits of one run, for the next.
  struct Record: Sendable {
    /// The files (as the definitions name them) and inline blocks (nil) in the order the check
    /// visited them, with what it found in each when it visited it.
    fileprivate var visits: [(path: String?, diagnostics: [Diagnostic])] = []
    /// What later runs found instead, by visit: kept apart, so that the visits, shared with
    /// the run that made them, are never copied (10,000 of them for each check).
    fileprivate var replaced: [Int: [Diagnostic]] = [:]
    /// The visits of each file, by its normalised path (see `normalised`).
    fileprivate var visitsByFile: [String: [Int]] = [:]
    /// A set a check derives from the definitions alone and needs again for the files it
    /// checks again (`MarkdownAuthoringCheck`: the files only facilitators see).
    var derived: Set<String> = []
  }

  /// The edited files (lexically normalised paths under `content/`); nil: check every file.
  private let edited: Set<String>?
  /// This run's record, for the next run.
  private(set) var record: Record

  /// Every file is checked.
  init() {
    edited = nil
    record = Record()
  }

  /// Files not in `edited` (paths relative to `content/`) keep what `previous` found in them.
  init(previous: Record, edited: Set<String>) {
    self.edited = Set(edited.map(Self.normalised))
    record = previous
  }

  /// Whether this run patches the previous run's record (`patch(_:)`) instead of visiting
  /// every block.
  var patches: Bool { edited != nil }

  /// The derived set of the previous run, or `make()` (kept for the next run).
  mutating func derived(_ make: () -> Set<String>) -> Set<String> {
    if !patches { record.derived = make() }
    return record.derived
  }

  /// `check`'s diagnostics for the file at `path` (as a definition names it), visited for the
  /// first time in this run: every file, in a run that does not patch.
  mutating func findings(in path: String, _ check: () -> [Diagnostic]) -> [Diagnostic] {
    let found = check()
    record.visitsByFile[Self.normalised(path), default: []].append(record.visits.count)
    record.visits.append((path, found))
    return found
  }

  /// `diagnostics`, found in an inline block, in a run that does not patch.
  mutating func inline(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    record.visits.append((nil, diagnostics))
    return diagnostics
  }

  /// The diagnostics of every visit in the previous run's order, with the edited files'
  /// replaced by `check`'s: it is given the edited files as the definitions name them and
  /// answers with what it finds in each (none is the same as no findings).
  mutating func patch(_ check: (Set<String>) -> [String: [Diagnostic]]) -> [Diagnostic] {
    let visits = (edited ?? []).flatMap { record.visitsByFile[$0] ?? [] }
    // Nothing to check (the edits were checked already): no walk of the project for none.
    let found = visits.isEmpty ? [:] : check(Set(visits.compactMap { record.visits[$0].path }))
    for visit in visits {
      record.replaced[visit] = record.visits[visit].path.flatMap { found[$0] } ?? []
    }
    var diagnostics: [Diagnostic] = []
    var replaced = record.replaced.sorted { $0.key < $1.key }[...]
    for (index, visit) in record.visits.enumerated() {
      if let next = replaced.first, next.key == index {
        diagnostics += next.value
        replaced.removeFirst()
      } else {
        diagnostics += visit.diagnostics
      }
    }
    return diagnostics
  }

  /// `cases/./a.md` and `cases//a.md` name the file the watcher reports as `cases/a.md`.
  static func normalised(_ path: String) -> String {
    isNormal(path) ? path : (LinkPolicy.resolve(path, fromFolder: "") ?? path)
  }

  /// Whether `LinkPolicy.resolve(path, fromFolder: "")` is `path` itself, told from its bytes:
  /// no `#` or `?`, no empty, `.` or `..` component. Nearly every path a definition names is
  /// so, and resolving each of 10,000 on every serve rebuild was a tenth of its CPU samples.
  static func isNormal(_ path: String) -> Bool {
    ContentFiles.hasPlainComponents(path) { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }
  }
}
