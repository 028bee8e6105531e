import Foundation
import KenshuModel

/// Reads Markdown from the project's `content/` folder and renders it, remembering renderings
/// by their exact input so that a rebuild re-renders only what changed.
///
/// A class because the cache is shared by every page rendered in parallel and kept across
/// builds; the lock makes it safe to share.
final class ContentStore: @unchecked Sendable {
  /// Hashes and compares bytes: `String`'s own hashing normalises Unicode first, which is slow
  /// for kilobytes of Japanese and unnecessary for an exact-input cache. The text's hash is
  /// computed once when the file is read (`source(of:)`), not at every lookup.
  struct Key: Hashable {
    var text: String
    var folder: String
    var root: String
    /// A hash of `text`'s bytes.
    var textHash: Int

    func hash(into hasher: inout Hasher) {
      hasher.combine(textHash)
      hasher.combineUTF8(folder)
      hasher.combineUTF8(root)
    }

    static func == (a: Key, b: Key) -> Bool {
      a.textHash == b.textHash && sameBytes(a.text, b.text) && sameBytes(a.folder, b.folder)
        && sameBytes(a.root, b.root)
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
      guard a.utf8.count == b.utf8.count else { return false }
      var x = a
      var y = b
      return x.withUTF8 { p in
        y.withUTF8 { q in
          guard let pa = p.baseAddress, let qa = q.baseAddress else { return p.count == q.count }
          return p.count == q.count && memcmp(pa, qa, p.count) == 0
        }
      }
    }
  }

  let contentRoot: URL
  /// Headings keep their Markdown levels here; `HeadingPlacement` fits them to each page.
  private let renderer = MarkdownRenderer(headingShift: 0)
  private let lock = NSLock()
  private var renderings: [Key: MarkdownRendering] = [:]
  /// File texts with the size and modification time they were read at (a rebuild reads only
  /// files whose size or time changed), a hash of the text (page fingerprints combine it
  /// instead of the kilobytes), and the build that last checked the stamp: within one build a
  /// file is looked at once, however many pages show it.
  private var texts: [String: CachedText] = [:]
  private var generation = 0

  struct CachedText {
    var stamp: FileStamp
    var text: String
    var hash: Int
    var checkedIn: Int
  }

  private let contentRootPath: String

  init(contentRoot: URL) {
    self.contentRoot = contentRoot
    contentRootPath = contentRoot.path
  }

  /// Renderings are keyed by their full input, so nothing is invalidated between builds; a
  /// rendering is dropped when no page of a build used it, to keep memory flat.
  func startBuild() {
    lock.withLock {
      renderings = renderings.filter { used.contains($0.key) }
      used.removeAll(keepingCapacity: true)
      generation += 1
    }
  }
  private var used: Set<Key> = []

  /// Starts a patch (a rebuild of a few pages): files are looked at again, but renderings are
  /// not sorted out — that costs more than the patch, and the next full build does it.
  func startPatch() {
    lock.withLock { generation += 1 }
  }

  /// The Markdown of a block, or a diagnostic when its file cannot be read.
  func text(of block: MarkdownBlock, diagnostics: inout [Diagnostic]) -> (text: String, folder: String)? {
    source(of: block, diagnostics: &diagnostics).map { ($0.text, $0.folder) }
  }

  /// The Markdown of a block with a hash of it (of the text for inline blocks, computed once
  /// per read for files), or a diagnostic when its file cannot be read.
  func source(of block: MarkdownBlock, diagnostics: inout [Diagnostic]) -> (
    text: String, folder: String, hash: Int
  )? {
    switch block.source {
    case .inline(let text):
      var hasher = Hasher()
      hasher.combineUTF8(text)
      return (text, "", hasher.finalize())
    case .file(let path):
      let folder = path.split(separator: "/").dropLast().joined(separator: "/")
      guard LinkPolicy.resolve(path, fromFolder: "") != nil, !path.hasPrefix("/") else {
        diagnostics.append(
          .error(Catalogue.siteContentOutside, path, at: block.location ?? SourceLocation(file: path)))
        return nil
      }
      let (cached, current) = lock.withLock { (texts[path], generation) }
      if let cached, cached.checkedIn == current { return (cached.text, folder, cached.hash) }
      // Plain string paths: building a URL per lookup costs more than the `stat` itself.
      let filePath = contentRootPath + "/" + path
      let stamp = FileStamp(path: filePath)
      if let stamp, var cached, cached.stamp == stamp {
        cached.checkedIn = current
        lock.withLock { texts[path] = cached }
        return (cached.text, folder, cached.hash)
      }
      guard let stamp, let data = FileManager.default.contents(atPath: filePath) else {
        diagnostics.append(
          .error(Catalogue.siteContentMissing, path, at: block.location ?? SourceLocation(file: path)))
        return nil
      }
      guard let text = String(data: data, encoding: .utf8) else {
        diagnostics.append(
          .error(Catalogue.siteContentEncoding, path, at: block.location ?? SourceLocation(file: path)))
        return nil
      }
      var hasher = Hasher()
      hasher.combineUTF8(text)
      let hash = hasher.finalize()
      lock.withLock {
        texts[path] = CachedText(stamp: stamp, text: text, hash: hash, checkedIn: current)
      }
      return (text, folder, hash)
    }
  }

  /// Stands for the page's path to the site root in cached HTML, so one rendering serves
  /// pages at every depth (a session page, its facilitator twin and the handout). ASCII that
  /// cmark does not percent-encode in URLs, and that no author writes.
  static let rootMarker = "~kenshu-root-0c1e5a9b~/"

  /// Renders a block for a page at `root`, its headings and ids placed by `placement`; nil when
  /// the block is absent or unreadable.
  func render(
    _ block: MarkdownBlock?, root: String, placement: HeadingPlacement = HeadingPlacement(),
    diagnostics: inout [Diagnostic]
  ) -> MarkdownRendering? {
    guard let block, var rendering = cachedRendering(of: block, diagnostics: &diagnostics) else { return nil }
    if !rendering.contentLinks.isEmpty {
      rendering.html = MarkdownRenderer.replacing(Self.rootMarker, with: root, in: rendering.html)
    }
    rendering.html = placement.apply(to: rendering)
    return rendering
  }

  /// The `content/` files a block links to or shows; nil when it is unreadable (with a
  /// diagnostic). Uses the same cached rendering as the pages.
  func contentLinks(of block: MarkdownBlock, diagnostics: inout [Diagnostic]) -> [String]? {
    cachedRendering(of: block, diagnostics: &diagnostics)?.contentLinks
  }

  /// The block rendered with `rootMarker` for its root, from the cache when its text was
  /// rendered before.
  private func cachedRendering(of block: MarkdownBlock, diagnostics: inout [Diagnostic]) -> MarkdownRendering?
  {
    guard let (text, folder, hash) = source(of: block, diagnostics: &diagnostics) else { return nil }
    let key = Key(text: text, folder: folder, root: "", textHash: hash)
    if let cached = lock.withLock({
      used.insert(key)
      return renderings[key]
    }) {
      return cached
    }
    let rendering = renderer.render(text, folder: folder, rootPrefix: Self.rootMarker)
    lock.withLock { renderings[key] = rendering }
    return rendering
  }

}

extension Hasher {
  /// Feeds a string's UTF-8 bytes (and length) without Unicode normalisation.
  mutating func combineUTF8(_ text: String) {
    var copy = text
    copy.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    combine(copy.utf8.count)
  }
}
