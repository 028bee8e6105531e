import Foundation
import KenshuModel

/// Markdown checked for what the reader will meet, in files under `content/` and inline in the
/// XML alike: images without alt text (warning `markdown-image-no-alt`), HTML tags, which the
/// site shows as text instead of applying (`markdown-raw-html`, docs/markdown.md), a first
/// heading that repeats the heading the page already shows above it
/// (`markdown-heading-repeats-title`: 研修の目的 / 研修の目的), and learner text linking to a
/// file that holds facilitator notes or an answer key (`markdown-link-facilitator`).
///
/// A file is located at the line and column in the file; inline Markdown at its XML element.
struct MarkdownAuthoringCheck {
  let project: Project
  let content: ContentFiles

  /// One Markdown block as the site shows it: the headings above it on its page, and whether
  /// learners see it.
  struct Placement {
    var block: MarkdownBlock
    var headings: [String]
    var learner: Bool
  }

  func run() -> [Diagnostic] {
    var findings = ContentFileFindings()
    return run(&findings)
  }

  /// The diagnostics, each file's and each inline block's kept in `findings` (and taken from
  /// it when not edited).
  func run(_ findings: inout ContentFileFindings) -> [Diagnostic] {
    var folds = HeadingFolds()
    func check(_ path: String, _ placement: Placement, facilitatorFiles: Set<String>) -> [Diagnostic] {
      guard let text = content.read(path)?.text else { return [] }
      let file = content.displayName(path)
      return self.check(
        text, folder: (path as NSString).deletingLastPathComponent, placement: placement,
        facilitatorFiles: facilitatorFiles, folds: &folds
      ) { SourceLocation(file: file, line: $0, column: $1) }
    }
    if findings.patches {
      // The files only facilitators see follow from the definitions, which are the same.
      let facilitatorFiles = findings.derived { [] }
      return findings.patch { paths in
        var found: [String: [Diagnostic]] = [:]
        for placement in Self.placements(of: project, in: paths) {
          if let path = placement.block.path, found[path] == nil {
            found[path] = check(path, placement, facilitatorFiles: facilitatorFiles)
          }
        }
        return found
      }
    }
    let placements = Self.placements(of: project)
    let facilitatorFiles = findings.derived {
      Set(placements.filter { !$0.learner }.compactMap(\.block.path))
        .subtracting(placements.filter(\.learner).compactMap(\.block.path))
    }
    var diagnostics: [Diagnostic] = []
    var checkedFiles: Set<String> = []
    for placement in placements {
      switch placement.block.source {
      case .file(let path):
        guard checkedFiles.insert(path).inserted else { continue }
        diagnostics += findings.findings(in: path) {
          check(path, placement, facilitatorFiles: facilitatorFiles)
        }
      case .inline(let inline):
        guard let element = placement.block.location else { continue }
        let found = self.check(
          inline, folder: "", placement: placement, facilitatorFiles: facilitatorFiles, folds: &folds
        ) { _, _ in element }
        diagnostics += findings.inline(found)
      }
    }
    return diagnostics
  }

  private func check(
    _ text: String, folder: String, placement: Placement, facilitatorFiles: Set<String>,
    folds: inout HeadingFolds, at locate: (Int, Int) -> SourceLocation
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let heading = MarkdownTextScan.leadingHeading(in: text),
      case let folded = folds.fold(heading.text),
      placement.headings.contains(where: { folds.fold($0) == folded })
    {
      diagnostics.append(
        .warning(
          Catalogue.markdownHeadingRepeatsTitle, heading.text, at: locate(heading.line, heading.column)))
    }
    for link in MarkdownLinkScan.links(in: text) {
      if link.isImage, link.text.allSatisfy(\.isWhitespace) {
        diagnostics.append(
          .warning(Catalogue.markdownImageNoAlt, link.target, at: locate(link.line, link.column)))
      }
      guard placement.learner, !facilitatorFiles.isEmpty,
        case .contentRelative(let relative) = LinkPolicy.decide(link.target),
        let resolved = LinkPolicy.resolve(relative.removingPercentEncoding ?? relative, fromFolder: folder)
      else { continue }
      let file = String(resolved.prefix { $0 != "#" && $0 != "?" })
      if facilitatorFiles.contains(file) {
        diagnostics.append(
          .warning(
            Catalogue.markdownLinkFacilitator, content.displayName(file), at: locate(link.line, link.column)))
      }
    }
    for tag in MarkdownTextScan.htmlTags(in: text) {
      diagnostics.append(.warning(Catalogue.markdownRawHTML, tag.text, at: locate(tag.line, tag.column)))
    }
    return diagnostics
  }

  /// Equal after NFKC (Ａ = A, full-width spaces), ignoring spaces and letter case.
  static func sameHeading(_ a: String, _ b: String) -> Bool { headingFold(a) == headingFold(b) }

  /// What `sameHeading` compares.
  static func headingFold(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace }
  }

  /// `headingFold` of each distinct text once: NFKC through Foundation was the largest cost
  /// of the project checks in a cold build of the 10,000-session benchmark (four folds per
  /// file, of its heading and the three shown above it; most are the same few texts). A
  /// String key is exact: canonically equivalent texts have the same NFKC form.
  struct HeadingFolds {
    private var folded: [String: String] = [:]

    mutating func fold(_ text: String) -> String {
      if let known = folded[text] { return known }
      let result = MarkdownAuthoringCheck.headingFold(text)
      folded[text] = result
      return result
    }
  }

  /// Every Markdown block with the headings shown above it (the page's title and the section
  /// heading, in both languages: the site's words are 研修の目的 / Purpose and so on) and its
  /// audience. A case's body is left out of the heading rule: the site already drops a first
  /// heading that repeats the case title.
  ///
  /// `paths`: only the blocks read from these files (as the definitions name them).
  static func placements(of project: Project, in paths: Set<String>? = nil) -> [Placement] {
    var placements: [Placement] = []
    let wanted = paths.map(Array.init)
    func add(_ block: MarkdownBlock?, _ headings: @autoclosure () -> [String], learner: Bool = true) {
      guard let block else { return }
      if let wanted {
        guard case .file(let path) = block.source, wanted.contains(path) else { return }
      }
      placements.append(Placement(block: block, headings: headings(), learner: learner))
    }
    for programme in project.programmes {
      add(programme.purpose, ["研修の目的", "Purpose"])
      for course in programme.courses {
        add(course.description, [course.title])
        for session in course.sessions {
          // The title, not the session, in the headings' closure (see `forEachMarkdownBlock`).
          let title = session.title
          add(session.content, [title, "内容", "Content"])
          for note in session.facilitatorNotes {
            add(note, ["ファシリテーター用メモ", "Facilitator notes"], learner: false)
          }
          for item in session.groupWork?.cases ?? [] {
            add(item.body, [])
            add(
              item.answerKey, ["解答のポイント（ファシリテーター用）", "解答のポイント", "Answer key (facilitators)"], learner: false)
          }
        }
      }
    }
    for module in project.modules {
      add(module.description, [module.title])
      for lesson in module.lessons { add(lesson.body, [lesson.title]) }
      for scenario in module.scenarios { add(scenario.situation, [scenario.title]) }
    }
    for survey in project.surveys { add(survey.description, [survey.title]) }
    return placements
  }
}
