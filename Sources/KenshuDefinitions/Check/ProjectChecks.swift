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

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    diagnostics += IdentifierCheck(project: project).run()
    diagnostics += ReferenceCheck(project: project, content: ContentFiles(root: contentRoot, displayRoot: displayRoot))
      .run()
    diagnostics += TimetableCheck(project: project).run()
    diagnostics += GroupWorkCheck(project: project).run()
    diagnostics += SelfStudyCheck(project: project).run()
    diagnostics += SurveyCheck(project: project).run()
    diagnostics += AlignmentCheck(project: project).run()
    diagnostics += PersonalDataCheck(project: project, content: ContentFiles(root: contentRoot, displayRoot: displayRoot))
      .run()
    return diagnostics
  }
}

/// Resolves `src` paths inside `content/`, refusing any that would leave it.
struct ContentFiles {
  let root: URL
  let displayRoot: URL

  enum Resolution {
    case found(URL)
    case missing
    case outside
  }

  func resolve(_ path: String) -> Resolution {
    if path.hasPrefix("/") || path.contains("\\") || path.contains(":") { return .outside }
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
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
    for programme in programmes {
      if let purpose = programme.purpose { blocks.append((purpose, "<purpose>")) }
      for course in programme.courses {
        if let description = course.description { blocks.append((description, "<description>")) }
        for session in course.sessions {
          if let content = session.content { blocks.append((content, "<session> \"\(session.id)\"")) }
          for note in session.facilitatorNotes { blocks.append((note, "<facilitator-notes>")) }
          for item in session.groupWork?.cases ?? [] {
            blocks.append((item.body, "<case> \"\(item.title)\""))
            if let key = item.answerKey { blocks.append((key, "<answer-key>")) }
          }
        }
      }
    }
    for module in modules {
      if let description = module.description { blocks.append((description, "<description>")) }
      for lesson in module.lessons { blocks.append((lesson.body, "<lesson> \"\(lesson.id)\"")) }
      for scenario in module.scenarios { blocks.append((scenario.situation, "<scenario> \"\(scenario.id)\"")) }
    }
    for survey in surveys {
      if let description = survey.description { blocks.append((description, "<description>")) }
    }
    return blocks
  }
}
