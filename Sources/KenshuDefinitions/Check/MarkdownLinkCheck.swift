import Foundation
import KenshuModel

/// Relative links and images in the Markdown files under `content/` must point at files that
/// exist there: they were published as broken images and links. Reported at the target's line
/// and column in the Markdown file. Paths are relative to the Markdown file, as the site
/// resolves them (`LinkPolicy`); web links, `#anchors` and `/paths` are not checked.
struct MarkdownLinkCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var findings = ContentFileFindings()
    return run(&findings)
  }

  /// The diagnostics, each file's kept in `findings` (and taken from it when not edited).
  func run(_ findings: inout ContentFileFindings) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var checked: Set<String> = []
    for (block, _) in project.contentFileBlocks {
      guard let path = block.path, checked.insert(path).inserted else { continue }
      diagnostics += findings.findings(in: path) { check(path) }
    }
    return diagnostics
  }

  private func check(_ path: String) -> [Diagnostic] {
    guard case .found(let url) = content.resolve(path), let data = try? Data(contentsOf: url),
      let text = String(data: data, encoding: .utf8)
    else { return [] }
    var diagnostics: [Diagnostic] = []
    let folder = (path as NSString).deletingLastPathComponent
    for link in MarkdownLinkScan.links(in: text) {
      guard case .contentRelative(let relative) = LinkPolicy.decide(link.target) else { continue }
      let location = SourceLocation(file: content.displayName(path), line: link.line, column: link.column)
      let decoded = relative.removingPercentEncoding ?? relative
      guard let resolved = LinkPolicy.resolve(decoded, fromFolder: folder) else {
        diagnostics.append(.error(Catalogue.markdownTargetOutside, link.target, at: location))
        continue
      }
      let file = String(resolved.prefix { $0 != "#" && $0 != "?" })
      if file.isEmpty { continue }
      switch content.resolve(file) {
      case .found: break
      case .outside:
        diagnostics.append(.error(Catalogue.markdownTargetOutside, link.target, at: location))
      case .missing:
        // A folder is a place a link may go (its files are published under it).
        var isFolder: ObjCBool = false
        let full = content.root.appendingPathComponent(file).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
          continue
        }
        diagnostics.append(
          .error(
            link.isImage ? Catalogue.markdownImageMissing : Catalogue.markdownLinkMissing,
            (link.target, content.displayName(file)), at: location))
      }
    }
    return diagnostics
  }
}
