import KenshuModel

/// Two things must never be written to the same file of the built site, and no file may sit
/// where another needs a folder (a course `prog.ics` beside the calendar `prog.ics` of its
/// programme): both made `kenshu build` fail without saying where. The paths are the site's own
/// (`SiteLayout`), so the check sees exactly what a build would write.
struct OutputPathCheck {
  let project: Project

  func run() -> [Diagnostic] {
    let files = SiteLayout.plannedFiles(of: project)
    var diagnostics = Reports()
    var byPath: [String: Int] = [:]
    byPath.reserveCapacity(files.count)
    var unique: [Int] = []
    unique.reserveCapacity(files.count)
    for (index, file) in files.enumerated() {
      if let first = byPath[file.path] {
        diagnostics.collision(file, files[first])
      } else {
        byPath[file.path] = index
        unique.append(index)
      }
    }
    // Each folder is looked up once. A folder met again had its parents looked up when it was
    // first met, and looking again could report nothing (it is a file already reported, or no
    // file), so the walk up stops there: 160,000 session pages share a handful of folders, and
    // walking every folder of every page (a String for each) was a quarter of `validate`'s CPU
    // on an 80,000-session programme. `referenceRun` is the walk this replaces.
    var visitedFolders: Set<Substring> = []
    for index in unique {
      let file = files[index]
      var folder = Substring(file.path)
      while let slash = Self.lastSlash(in: folder) {
        folder = folder[..<slash]
        guard visitedFolders.insert(folder).inserted else { break }
        if let other = byPath[String(folder)] {
          diagnostics.fileAsFolder(file, String(folder), files[other])
        }
      }
    }
    // On macOS and Windows file names ignore case, so one page would overwrite the other.
    // Distinct paths that all fold to themselves cannot collide: the usual case (every id in
    // lower case) needs no second table of 160,000 paths.
    guard unique.contains(where: { Self.changesWhenFolded(files[$0].path) }) else { return diagnostics.list }
    var byFoldedPath: [String: Int] = [:]
    byFoldedPath.reserveCapacity(unique.count)
    for index in unique {
      let file = files[index]
      let folded = Self.folded(file.path)
      if let other = byFoldedPath[folded] {
        diagnostics.caseCollision(file, files[other])
      } else {
        byFoldedPath[folded] = index
      }
    }
    return diagnostics.list
  }

  /// The last `/` of `path`. Site paths are ASCII (ids go through `SiteLayout.segment`), where
  /// the UTF-8 bytes give the answer; otherwise by Characters, as `lastIndex(of:)` always did
  /// (a `/` followed by a combining mark is not a `/` Character).
  private static func lastSlash(in path: Substring) -> Substring.Index? {
    let utf8 = path.utf8
    guard utf8.allSatisfy({ $0 < 0x80 }) else { return path.lastIndex(of: "/") }
    return utf8.lastIndex(of: UInt8(ascii: "/"))
  }

  /// `path.lowercased()`, without making a new string for a path that has no capital letter
  /// and is all ASCII (every session page), which lowercases to itself.
  static func folded(_ path: String) -> String {
    changesWhenFolded(path) ? path.lowercased() : path
  }

  /// Whether `path` has a capital letter or a non-ASCII character (which might lowercase to
  /// something else); a path with neither is its own `lowercased()`.
  static func changesWhenFolded(_ path: String) -> Bool {
    var path = path
    return path.withUTF8 { bytes in bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) } }
  }

  /// The diagnostics of one run: each pair of definitions is reported once, though a session has
  /// two pages (learner and facilitator) that collide together, and a folder that is also a
  /// file is reported for the first thing put in it (a course's timetable), not again for each
  /// of its sessions.
  struct Reports {
    var list: [Diagnostic] = []
    private var reported: Set<[SourceLocation?]> = []

    mutating func collision(_ file: SiteLayout.PlannedFile, _ other: SiteLayout.PlannedFile) {
      report(file, other, Catalogue.outputCollision((file.owner, other.owner, file.path)))
    }

    mutating func fileAsFolder(
      _ file: SiteLayout.PlannedFile, _ folder: String, _ other: SiteLayout.PlannedFile
    ) {
      report(file, other, Catalogue.outputInsideFile((file.owner, folder, other.owner)))
    }

    mutating func caseCollision(_ file: SiteLayout.PlannedFile, _ other: SiteLayout.PlannedFile) {
      guard reported.insert([file.location, other.location]).inserted else { return }
      list.append(
        .warning(
          Catalogue.outputCaseCollision, (file.owner, file.path, other.owner, other.path),
          at: file.location ?? SourceLocation(file: "kenshu.xml")))
    }

    private mutating func report(
      _ file: SiteLayout.PlannedFile, _ other: SiteLayout.PlannedFile, _ text: Bilingual
    ) {
      guard reported.insert([file.location, other.location]).inserted else { return }
      list.append(
        Diagnostic(
          .error, code: Catalogue.outputCollision.code,
          at: file.location ?? other.location ?? SourceLocation(file: "kenshu.xml"), text))
    }
  }

  /// The check as first written (every folder of every file looked up, by Characters, and
  /// every path lowercased): the reference `run` is tested against.
  func referenceRun() -> [Diagnostic] {
    let files = SiteLayout.plannedFiles(of: project)
    var diagnostics = Reports()
    var reportedFolders: Set<String> = []
    var byPath: [String: Int] = [:]
    var unique: [Int] = []
    for (index, file) in files.enumerated() {
      if let first = byPath[file.path] {
        diagnostics.collision(file, files[first])
      } else {
        byPath[file.path] = index
        unique.append(index)
      }
    }
    for index in unique {
      let file = files[index]
      var folder = Substring(file.path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if let other = byPath[String(folder)], reportedFolders.insert(String(folder)).inserted {
          diagnostics.fileAsFolder(file, String(folder), files[other])
        }
      }
    }
    var byFoldedPath: [String: Int] = [:]
    for index in unique {
      let file = files[index]
      let folded = file.path.lowercased()
      if let other = byFoldedPath[folded] {
        diagnostics.caseCollision(file, files[other])
      } else {
        byFoldedPath[folded] = index
      }
    }
    return diagnostics.list
  }
}
