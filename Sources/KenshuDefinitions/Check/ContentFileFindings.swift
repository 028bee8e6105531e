import KenshuModel

/// What one check that reads Markdown files found in each file, carried from one run to the
/// next so that after edits to some files only those are read and checked again.
///
/// Why: a `serve` rebuild after one edit read and scanned every file under `content/` once per
/// such check (four of them, for each edition), which was most of the rebuild's time on the
/// 10,000-session benchmark project. What a check finds in a file depends on the file's text
/// and on the definitions (its owner, its audience), and, for links, on which files exist; a
/// `BuildScope.contentEdits` run has the same definitions and the same files, so only the
/// edited files' findings can differ.
struct ContentFileFindings {
  private let previous: [String: [Diagnostic]]
  /// The edited files (lexically normalised paths under `content/`); nil: check every file.
  private let edited: Set<String>?
  /// What this run found, per file (as the definitions name it), for the next run.
  private(set) var byFile: [String: [Diagnostic]] = [:]

  /// Every file is checked.
  init() {
    previous = [:]
    edited = nil
  }

  /// Files not in `edited` (paths relative to `content/`) keep what `previous` found in them.
  init(previous: [String: [Diagnostic]], edited: Set<String>) {
    self.previous = previous
    self.edited = Set(edited.map(Self.normalised))
    // The same definitions name the same files: what this run finds differs from `previous`
    // only for the files checked again, which `findings(in:_:)` replaces (building the table
    // anew, file by file, cost more than the checks of the edited files).
    byFile = previous
  }

  /// `check`'s diagnostics for the file at `path` (as a definition names it), or the previous
  /// run's when the file was not edited since.
  mutating func findings(in path: String, _ check: () -> [Diagnostic]) -> [Diagnostic] {
    if let edited, let kept = previous[path], !edited.contains(Self.normalised(path)) {
      return kept
    }
    let found = check()
    byFile[path] = found
    return found
  }

  /// `cases/./a.md` and `cases//a.md` name the file the watcher reports as `cases/a.md`.
  static func normalised(_ path: String) -> String {
    isNormal(path) ? path : (LinkPolicy.resolve(path, fromFolder: "") ?? path)
  }

  /// Whether `LinkPolicy.resolve(path, fromFolder: "")` is `path` itself, told from its bytes:
  /// no `#` or `?`, no empty, `.` or `..` component. Nearly every path a definition names is
  /// so, and resolving each of 10,000 on every serve rebuild was a tenth of its CPU samples.
  static func isNormal(_ path: String) -> Bool {
    var length = 0
    var dots = 0
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "/"):
        if length == 0 || (length == dots && dots <= 2) { return false }
        length = 0
        dots = 0
      case UInt8(ascii: "#"), UInt8(ascii: "?"): return false
      case UInt8(ascii: "."):
        length += 1
        dots += 1
      default: length += 1
      }
    }
    return length > 0 && !(length == dots && dots <= 2)
  }
}
