import Foundation
import KenshuModel

/// Reads Markdown from the project's `content/` folder and renders it, remembering renderings
/// by their exact input so that a rebuild re-renders only what changed.
///
/// A class because the cache is shared by every page rendered in parallel and kept across
/// builds; the lock makes it safe to share.
final class ContentStore: @unchecked Sendable {
  struct Key: Hashable {
    var text: String
    var folder: String
    var root: String
  }

  let contentRoot: URL
  private let renderer = MarkdownRenderer()
  private let lock = NSLock()
  private var renderings: [Key: MarkdownRendering] = [:]
  private var texts: [String: String] = [:]

  init(contentRoot: URL) {
    self.contentRoot = contentRoot
  }

  /// Forgets file texts read during the last build (renderings stay: they are keyed by text).
  func startBuild() {
    lock.withLock { texts.removeAll(keepingCapacity: true) }
  }

  /// The Markdown of a block, or a diagnostic when its file cannot be read.
  func text(of block: MarkdownBlock, diagnostics: inout [Diagnostic]) -> (text: String, folder: String)? {
    switch block.source {
    case .inline(let text):
      return (text, "")
    case .file(let path):
      let folder = path.split(separator: "/").dropLast().joined(separator: "/")
      if let cached = lock.withLock({ texts[path] }) { return (cached, folder) }
      guard LinkPolicy.resolve(path, fromFolder: "") != nil, !path.hasPrefix("/") else {
        diagnostics.append(
          .error(
            "site-content-outside", at: block.location ?? SourceLocation(file: path),
            "content/ の外のファイルは読めません / \(path) is outside content/"))
        return nil
      }
      let url = contentRoot.appendingPathComponent(path)
      guard let data = try? Data(contentsOf: url) else {
        diagnostics.append(
          .error(
            "site-content-missing", at: block.location ?? SourceLocation(file: path),
            "内容のファイルが見つかりません / content file not found: content/\(path)",
            hint: "create the file or correct the src attribute"))
        return nil
      }
      guard let text = String(data: data, encoding: .utf8) else {
        diagnostics.append(
          .error(
            "site-content-encoding", at: block.location ?? SourceLocation(file: path),
            "UTF-8 で読めません / content/\(path) is not UTF-8", hint: "save the file as UTF-8"))
        return nil
      }
      lock.withLock { texts[path] = text }
      return (text, folder)
    }
  }

  /// Renders a block for a page at `root`; nil when the block is absent or unreadable.
  func render(_ block: MarkdownBlock?, root: String, diagnostics: inout [Diagnostic]) -> MarkdownRendering? {
    guard let block, let (text, folder) = text(of: block, diagnostics: &diagnostics) else { return nil }
    let key = Key(text: text, folder: folder, root: root)
    if let cached = lock.withLock({ renderings[key] }) { return cached }
    let rendering = renderer.render(text, folder: folder, rootPrefix: root)
    lock.withLock { renderings[key] = rendering }
    return rendering
  }
}
