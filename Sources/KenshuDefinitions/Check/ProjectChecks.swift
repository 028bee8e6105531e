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

  func run() -> [Diagnostic] { runEach(reusing: nil).diagnostics.flatMap { $0 } }

  /// What each check found, in order. With `previous` (what `runEach` gave for this same
  /// project before the Markdown files `previous.edited` were edited — none added or removed,
  /// no definition changed), the checks that cannot see such edits keep their results and the
  /// checks that read Markdown files read only the edited ones again.
  func runEach(reusing previous: (results: ProjectCheckResults, edited: Set<String>)?) -> ProjectCheckResults
  {
    // Every file is checked (no previous results): the folder is listed and the files are read
    // once for all the checks (see `ContentFiles`). After edits only the edited files are read,
    // each where it is checked.
    let checksEveryFile = previous == nil
    let listed = ContentFiles(root: contentRoot, displayRoot: displayRoot, listing: checksEveryFile)
    let content =
      checksEveryFile ? listed.reading(project.contentFileBlocks.compactMap(\.block.path)) : listed
    let project = project
    let projectRoot = contentRoot.deletingLastPathComponent()
    let displayRoot = displayRoot
    typealias PerFile = @Sendable (inout ContentFileFindings) -> [Diagnostic]
    // The checks only read the project, so they run side by side: they come after every file
    // has loaded and were the serial tail of `kenshu validate`. Results keep this order.
    let checks: [(reuse: ProjectCheckReuse, run: PerFile)] = [
      (.afterContentEdits, { _ in IdentifierCheck(project: project).run() }),
      (.afterContentEdits, { _ in ReferenceCheck(project: project, content: content).run() }),
      (.afterContentEdits, { _ in TimetableCheck(project: project).run() }),
      (.afterContentEdits, { _ in GroupWorkCheck(project: project).run() }),
      (.afterContentEdits, { _ in SelfStudyCheck(project: project).run() }),
      (.afterContentEdits, { _ in SurveyCheck(project: project).run() }),
      (.afterContentEdits, { _ in AlignmentCheck(project: project).run() }),
      (.afterContentEdits, { _ in AwardCheck(project: project).run() }),
      (.afterContentEdits, { _ in AttendanceCheck(project: project).run() }),
      (.afterContentEdits, { _ in FollowUpCheck(project: project).run() }),
      // Reads verification/ and the ledgers' dates, not the definitions: runs again every time.
      (.never, { _ in RegisterCheck(project: project, root: projectRoot, displayRoot: displayRoot).run() }),
      // Reads the folder's names and kinds of file, which editing a Markdown file leaves as
      // they were.
      (.afterContentEdits, { _ in ContentFolderCheck(content: content).run() }),
      (.afterContentEdits, { _ in OutputPathCheck(project: project).run() }),
      (.afterContentEdits, { _ in DoubleBookingCheck(project: project).run() }),
      (.perContentFile, { ContentEncodingCheck(project: project, content: content).run(&$0) }),
      (.perContentFile, { MarkdownLinkCheck(project: project, content: content).run(&$0) }),
      (.perContentFile, { MarkdownAuthoringCheck(project: project, content: content).run(&$0) }),
      // Last in the list, first to start (see below).
      (.perContentFile, { PersonalDataCheck(project: project, content: content).run(&$0) }),
    ]
    let reusable = previous?.results.diagnostics.count == checks.count ? previous : nil
    // The personal-data check, the longest by far, starts first, so that no thread is left
    // running it alone at the end (the checks are the serial tail of the run); the others follow
    // in order, as threads take iterations in order. Results keep the list's order regardless.
    let startOrder = [checks.count - 1] + Array(0..<(checks.count - 1))
    let results = IndexedResults<(diagnostics: [Diagnostic], record: ContentFileFindings.Record)>(
      count: checks.count)
    DispatchQueue.concurrentPerform(iterations: checks.count) { iteration in
      let index = startOrder[iteration]
      switch (checks[index].reuse, reusable) {
      case (.afterContentEdits, let reusable?):
        results[index] = (reusable.results.diagnostics[index], ContentFileFindings.Record())
      case (.perContentFile, let reusable?):
        var findings = ContentFileFindings(previous: reusable.results.records[index], edited: reusable.edited)
        results[index] = (checks[index].run(&findings), findings.record)
      default:
        var findings = ContentFileFindings()
        results[index] = (checks[index].run(&findings), findings.record)
      }
    }
    return ProjectCheckResults(
      diagnostics: results.values.map(\.diagnostics), records: results.values.map(\.record))
  }
}

/// When a project check's previous results still hold.
enum ProjectCheckReuse {
  /// Never: it reads files the change set does not cover.
  case never
  /// After edits to Markdown files alone, with no definition changed: it cannot see them.
  case afterContentEdits
  /// After such edits, for every Markdown file but the edited ones (`ContentFileFindings`).
  case perContentFile
}

/// What each project check found in one run, kept for the next (`DefinitionCache`).
struct ProjectCheckResults: Sendable {
  /// Each check's diagnostics, in the checks' order.
  var diagnostics: [[Diagnostic]]
  /// For each check that reads Markdown files, what it found in each file and inline block;
  /// empty for others.
  var records: [ContentFileFindings.Record]
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

  /// `forEachMarkdownBlock` for the blocks read from `paths` (as the definitions name them)
  /// alone: comparing each block's path with a few, not hashing it, as a patch does.
  func forEachMarkdownBlock(in paths: Set<String>, _ body: (MarkdownBlock, () -> String) -> Void) {
    let wanted = Array(paths)
    forEachMarkdownBlock { block, owner in
      if case .file(let path) = block.source, wanted.contains(path) {
        withoutActuallyEscaping(owner) { body(block, $0) }
      }
    }
  }

  /// Calls `body` with every Markdown block in document order and a description of its owner,
  /// built only when asked for (one string per block adds up over 1,000 programmes).
  func forEachMarkdownBlock(_ body: (MarkdownBlock, () -> String) -> Void) {
    for programme in programmes {
      if let purpose = programme.purpose { body(purpose, { "<purpose>" }) }
      for course in programme.courses {
        if let description = course.description { body(description, { "<description>" }) }
        for session in course.sessions {
          // The owner captures the id, not the session: capturing the session made the loop
          // copy every session it passed (a twentieth of a serve rebuild's CPU samples, issue 18).
          let id = session.id
          if let content = session.content { body(content, { "<session> \"\(id)\"" }) }
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
