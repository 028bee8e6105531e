import KenshuModel

/// Two things must never be written to the same file of the built site, and no file may sit
/// where another needs a folder (a course `prog.ics` beside the calendar `prog.ics` of its
/// programme): both made `kenshu build` fail without saying where. The paths are the site's own
/// (`SiteLayout`), so the check sees exactly what a build would write.
struct OutputPathCheck {
  let project: Project

  func run() -> [Diagnostic] {
    let files = SiteLayout.plannedFiles(of: project)
    var diagnostics: [Diagnostic] = []
    // Each pair of definitions is reported once, though a session has two pages (learner and
    // facilitator) that collide together.
    var reported: Set<[SourceLocation?]> = []
    func report(_ file: SiteLayout.PlannedFile, _ other: SiteLayout.PlannedFile, _ text: Bilingual) {
      guard reported.insert([file.location, other.location]).inserted else { return }
      diagnostics.append(
        Diagnostic(
          .error, code: Catalogue.outputCollision.code,
          at: file.location ?? other.location ?? SourceLocation(file: "kenshu.xml"), text))
    }
    // A folder that is also a file is reported for the first thing put in it (a course's
    // timetable), not again for each of its sessions.
    var reportedFolders: Set<String> = []
    var byPath: [String: Int] = [:]
    var unique: [Int] = []
    for (index, file) in files.enumerated() {
      if let first = byPath[file.path] {
        report(file, files[first], Catalogue.outputCollision((file.owner, files[first].owner, file.path)))
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
          report(
            file, files[other], Catalogue.outputInsideFile((file.owner, String(folder), files[other].owner)))
        }
      }
    }
    // On macOS and Windows file names ignore case, so one page would overwrite the other.
    var byFoldedPath: [String: Int] = [:]
    for index in unique {
      let file = files[index]
      let folded = file.path.lowercased()
      if let other = byFoldedPath[folded] {
        guard reported.insert([file.location, files[other].location]).inserted else { continue }
        diagnostics.append(
          .warning(
            Catalogue.outputCaseCollision, (file.owner, file.path, files[other].owner, files[other].path),
            at: file.location ?? SourceLocation(file: "kenshu.xml")))
      } else {
        byFoldedPath[folded] = index
      }
    }
    return diagnostics
  }
}
