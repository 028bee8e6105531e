import Foundation
import KenshuModel

/// The checks a schema cannot make, across all files of a project. Each check has its own
/// diagnostic codes, listed in docs/diagnostics.md.
struct ProjectChecks {
  let project: Project
  /// The project's `content/` folder.
  let contentRoot: URL
  /// The folder paths are shown relative to.
  let displayRoot: URL

  func run() -> [Diagnostic] { runEach(reusing: nil).flatMap { $0 } }

  /// Each check's diagnostics, in order. With `previous` (what `runEach` gave for this same
  /// project, before some content files were edited — none added or removed), only the check
  /// that reads the text of content files runs again; the others see nothing that changed.
  func runEach(reusing previous: [[Diagnostic]]?) -> [[Diagnostic]] {
    let content = ContentFiles(root: contentRoot, displayRoot: displayRoot)
    let project = project
    let projectRoot = contentRoot.deletingLastPathComponent()
    let displayRoot = displayRoot
    // The checks only read the project, so they run side by side: they come after every file
    // has loaded and were the serial tail of `kenshu validate`. Results keep this order.
    let checks: [(readsContentText: Bool, run: @Sendable () -> [Diagnostic])] = [
      (false, { IdentifierCheck(project: project).run() }),
      (false, { ReferenceCheck(project: project, content: content).run() }),
      (false, { TimetableCheck(project: project).run() }),
      (false, { GroupWorkCheck(project: project).run() }),
      (false, { SelfStudyCheck(project: project).run() }),
      (false, { SurveyCheck(project: project).run() }),
      (false, { AlignmentCheck(project: project).run() }),
      (false, { AwardCheck(project: project).run() }),
      (false, { AttendanceCheck(project: project).run() }),
      (false, { FollowUpCheck(project: project).run() }),
      // Reads verification/ and the ledgers' dates, not the definitions: runs again every time.
      (true, { RegisterCheck(project: project, root: projectRoot, displayRoot: displayRoot).run() }),
      // Reads the folder, not the definitions: runs again whenever content files change.
      (true, { ContentFolderCheck(content: content).run() }),
      (false, { OutputPathCheck(project: project).run() }),
      (false, { DoubleBookingCheck(project: project).run() }),
      (true, { ContentEncodingCheck(project: project, content: content).run() }),
      (true, { MarkdownLinkCheck(project: project, content: content).run() }),
      (true, { MarkdownAuthoringCheck(project: project, content: content).run() }),
      // Last in the list, first to start (see below).
      (true, { PersonalDataCheck(project: project, content: content).run() }),
    ]
    let reusable = previous?.count == checks.count ? previous : nil
    // The personal-data check, the longest by far, starts first, so that no thread is left
    // running it alone at the end (the checks are the serial tail of the run); the others follow
    // in order, as threads take iterations in order. Results keep the list's order regardless.
    let startOrder = [checks.count - 1] + Array(0..<(checks.count - 1))
    let results = IndexedResults<[Diagnostic]>(count: checks.count)
    DispatchQueue.concurrentPerform(iterations: checks.count) { iteration in
      let index = startOrder[iteration]
      if let reusable, !checks[index].readsContentText {
        results[index] = reusable[index]
      } else {
        results[index] = checks[index].run()
      }
    }
    return results.values
  }
}

/// Resolves `src` paths inside `content/`, refusing any that would leave it.
struct ContentFiles {
  let root: URL
  let displayRoot: URL
  /// `root` with symbolic links resolved, once: resolving it for every referenced file cost
  /// more than the file checks themselves on big projects.
  private let resolvedRoot: String

  init(root: URL, displayRoot: URL) {
    self.root = root
    self.displayRoot = displayRoot
    resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
  }

  enum Resolution {
    case found(URL)
    case missing
    case outside
  }

  func resolve(_ path: String) -> Resolution {
    if path.hasPrefix("/") || path.contains("\\") || path.contains(":") { return .outside }
    let rootPath = resolvedRoot
    let url = root.appendingPathComponent(path).standardizedFileURL
    let resolved = url.resolvingSymlinksInPath().path
    guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else { return .outside }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return .missing }
    return .found(URL(fileURLWithPath: resolved))
  }

  /// How a content file is named in diagnostics (`content/cases/a.md`).
  func displayName(_ path: String) -> String {
    let base = root.lastPathComponent
    return "\(base)/\(path)"
  }
}

/// Every Markdown block the project references, with a description of where.
extension Project {
  var markdownBlocks: [(block: MarkdownBlock, owner: String)] {
    var blocks: [(MarkdownBlock, String)] = []
    forEachMarkdownBlock { block, owner in blocks.append((block, owner())) }
    return blocks
  }

  /// The blocks read from files under content/, with their owners: the only ones whose
  /// owner ends up in a message about the file, so the others are never described.
  var contentFileBlocks: [(block: MarkdownBlock, owner: String)] {
    var blocks: [(MarkdownBlock, String)] = []
    forEachMarkdownBlock { block, owner in
      if block.path != nil { blocks.append((block, owner())) }
    }
    return blocks
  }

  /// Calls `body` with every Markdown block in document order and a description of its owner,
  /// built only when asked for (one string per block adds up over 1,000 programmes).
  func forEachMarkdownBlock(_ body: (MarkdownBlock, () -> String) -> Void) {
    for programme in programmes {
      if let purpose = programme.purpose { body(purpose, { "<purpose>" }) }
      for course in programme.courses {
        if let description = course.description { body(description, { "<description>" }) }
        for session in course.sessions {
          if let content = session.content { body(content, { "<session> \"\(session.id)\"" }) }
          for note in session.facilitatorNotes { body(note, { "<facilitator-notes>" }) }
          for item in session.groupWork?.cases ?? [] {
            body(item.body, { "<case> \"\(item.title)\"" })
            if let key = item.answerKey { body(key, { "<answer-key>" }) }
          }
        }
      }
    }
    for module in modules {
      if let description = module.description { body(description, { "<description>" }) }
      for lesson in module.lessons { body(lesson.body, { "<lesson> \"\(lesson.id)\"" }) }
      for scenario in module.scenarios {
        body(scenario.situation, { "<scenario> \"\(scenario.id)\"" })
      }
    }
    for survey in surveys {
      if let description = survey.description { body(description, { "<description>" }) }
    }
  }
}
