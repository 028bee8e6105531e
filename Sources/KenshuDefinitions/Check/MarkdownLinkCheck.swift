import Foundation
import KenshuModel

/// Relative links and images in Markdown must point at files that exist under `content/`: they
/// were published as broken images and links. In the Markdown files under `content/`, reported
/// at the target's line and column, with paths relative to the Markdown file; in Markdown
/// written inline in the XML, reported at its element, with paths relative to `content/` —
/// both as the site resolves them (`LinkPolicy`; `ContentStore` renders inline text from the
/// folder `""`). Web links, `#anchors` and `/paths` are not checked.
struct MarkdownLinkCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var findings = ContentFileFindings()
    return run(&findings)
  }

  /// The diagnostics, each file's and each inline block's kept in `findings` (and taken from
  /// it when not edited).
  func run(_ findings: inout ContentFileFindings) -> [Diagnostic] {
    // The edited files are known by the definitions' names for them: no block need be visited.
    if findings.patches {
      return findings.patch { paths in Dictionary(uniqueKeysWithValues: paths.map { ($0, check($0)) }) }
    }
    var diagnostics: [Diagnostic] = []
    var checked: Set<String> = []
    project.forEachMarkdownBlock { block, _ in
      switch block.source {
      case .file(let path):
        guard checked.insert(path).inserted else { return }
        diagnostics += findings.findings(in: path) { check(path) }
      case .inline(let text):
        guard let element = block.location else { return }
        diagnostics += findings.inline(check(text, folder: "", inline: true) { _, _ in element })
      }
    }
    return diagnostics
  }

  private func check(_ path: String) -> [Diagnostic] {
    guard let text = content.read(path)?.text else { return [] }
    let file = content.displayName(path)
    return check(text, folder: (path as NSString).deletingLastPathComponent, inline: false) {
      SourceLocation(file: file, line: $0, column: $1)
    }
  }

  /// The links and images of `text`, written in the `content/` folder `folder` (`inline`: in an
  /// XML element), each located by `locate` from its line and column in `text`.
  private func check(
    _ text: String, folder: String, inline: Bool, at locate: (Int, Int) -> SourceLocation
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for link in MarkdownLinkScan.links(in: text) {
      guard case .contentRelative(let relative) = LinkPolicy.decide(link.target) else { continue }
      let location = locate(link.line, link.column)
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
            (link.target, content.displayName(file), inline), at: location))
      }
    }
    return diagnostics
  }
}
