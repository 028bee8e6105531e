import CCmarkGFM
import Foundation
import KenshuModel

/// A heading found in rendered Markdown, for anchors and tables of contents.
public struct MarkdownHeading: Sendable, Hashable {
  public var level: Int
  public var id: String
  public var text: String
}

/// The result of rendering one Markdown text.
public struct MarkdownRendering: Sendable, Hashable {
  /// Safe HTML (see `docs/markdown.md` for the policy).
  public var html: String
  /// The text without markup, for the search index.
  public var plainText: String
  public var headings: [MarkdownHeading]
  /// `content/`-relative paths of local files the text links to or shows.
  public var contentLinks: [String]
  /// The readings of its ruby (`{人生会議|じんせいかいぎ}` → `じんせいかいぎ`), for the search index.
  public var readings: [String] = []
}

/// Renders Markdown with cmark-gfm: CommonMark plus GFM tables, strikethrough, autolinks and
/// footnotes.
///
/// Policy: raw HTML written by authors is shown as escaped text; links and images with unsafe
/// schemes are removed (their text stays); `{漢字|かんじ}` becomes `<ruby>` outside code;
/// headings get ids; relative links and images point at the copy of `content/` in the site.
public struct MarkdownRenderer: Sendable {
  /// Heading levels are shifted by this much so that a `#` in content sits below the page's
  /// `<h1>`.
  public var headingShift: Int

  public init(headingShift: Int = 1) {
    self.headingShift = headingShift
  }

  /// Renders `markdown` written in the `content/` folder `folder`, for a page whose path back
  /// to the site root is `rootPrefix` (e.g. `../../`).
  public func render(_ markdown: String, folder: String = "", rootPrefix: String = "")
    -> MarkdownRendering
  {
    let document = CMarkDocument(markdown)
    var rewriter = TreeRewriter(folder: folder, rootPrefix: rootPrefix, headingShift: headingShift)
    rewriter.rewrite(document.root)
    var html = document.renderHTML()
    html = Self.replaceTableAlignment(in: html)
    html = Self.addHeadingIDs(to: html, headings: rewriter.headings)
    return MarkdownRendering(
      html: html, plainText: rewriter.plainText, headings: rewriter.headings,
      contentLinks: rewriter.contentLinks, readings: rewriter.readings)
  }

  /// cmark-gfm writes `align="…"` on table cells, which HTML5 made obsolete; classes keep the
  /// alignment without inline styles (forbidden by our CSP). Author HTML is escaped, so the
  /// literal can only come from table cells.
  static func replaceTableAlignment(in html: String) -> String {
    var result = html
    for side in ["left", "center", "right"] {
      result = replacing(" align=\"\(side)\"", with: " class=\"align-\(side)\"", in: result)
    }
    return result
  }

  /// cmark has no heading attributes; headings are rendered as bare `<hN>` in document order,
  /// so the ids are added in that same order.
  static func addHeadingIDs(to html: String, headings: [MarkdownHeading]) -> String {
    var result = html
    var from = 0
    for heading in headings {
      let tag = Array("<h\(heading.level)>".utf8)
      let bytes = Array(result.utf8)
      guard let at = find(tag, in: bytes, from: from) else { break }
      let replacement = Array("<h\(heading.level) id=\"\(Markup.escape(heading.id))\">".utf8)
      result = String(decoding: bytes[..<at] + replacement + bytes[(at + tag.count)...], as: UTF8.self)
      from = at + replacement.count
    }
    return result
  }

  /// Byte-level search and replace (Foundation's are slow on long non-ASCII strings).
  static func replacing(_ target: String, with replacement: String, in text: String) -> String {
    let needle = Array(target.utf8)
    let bytes = Array(text.utf8)
    guard find(needle, in: bytes, from: 0) != nil else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var i = 0
    while let at = find(needle, in: bytes, from: i) {
      out += bytes[i..<at]
      out += replacement.utf8
      i = at + needle.count
    }
    out += bytes[i...]
    return String(decoding: out, as: UTF8.self)
  }

  /// The first occurrence of `needle` at or after `start`. `memchr` finds candidates for the
  /// first byte and `memcmp` checks them: every rendering is scanned several times, and a
  /// byte-by-byte loop in Swift was a visible cost.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, start >= 0, bytes.count - start >= needle.count else { return nil }
    return bytes.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { pattern in
        guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
        let last = haystack.count - pattern.count
        var position = start
        while position <= last {
          guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
          let offset = base.distance(to: UnsafeRawPointer(hit))
          if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
          position = offset + 1
        }
        return nil
      }
    }
  }
}

/// Owns a cmark-gfm parser and document; the C pointers never leave this type.
private final class CMarkDocument {
  static let options: Int32 = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8

  /// Registration writes a global table once; Swift runs a global's initialiser exactly once.
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  let parser: OpaquePointer
  let root: OpaquePointer

  init(_ markdown: String) {
    _ = Self.extensionsRegistered
    let parser: OpaquePointer = cmark_parser_new(Self.options)
    self.parser = parser
    for name in ["table", "strikethrough", "autolink"] {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var text = markdown
    text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
    }
    root = cmark_parser_finish(parser)
  }

  /// HTML with raw nodes passed through: authors' raw HTML has already been turned into text
  /// by `TreeRewriter`, so the only raw nodes left are the ones we created (ruby).
  func renderHTML() -> String {
    guard let html = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser))
    else { return "" }
    defer { free(html) }
    return String(cString: html)
  }

  deinit {
    cmark_node_free(root)
    cmark_parser_free(parser)
  }
}

/// Walks the tree once and applies the policy in place.
private struct TreeRewriter {
  let folder: String
  let rootPrefix: String
  let headingShift: Int
  var headings: [MarkdownHeading] = []
  var plainText = ""
  var contentLinks: [String] = []
  var readings: [String] = []
  private var usedIDs: [String: Int] = [:]
  /// Ruby nodes this rewriter created, with their base text (for the plain text).
  private var rubyBases: [OpaquePointer: String] = [:]

  init(folder: String, rootPrefix: String, headingShift: Int) {
    self.folder = folder
    self.rootPrefix = rootPrefix
    self.headingShift = headingShift
  }

  mutating func rewrite(_ root: OpaquePointer) {
    visit(root)
  }

  private mutating func visit(_ node: OpaquePointer) {
    let type = cmark_node_get_type(node)
    if type == CMARK_NODE_HTML_BLOCK {
      escapeRawBlock(node)
      return
    }
    if type == CMARK_NODE_HEADING {
      let level = Int(cmark_node_get_heading_level(node))
      let shifted = min(6, max(1, level + headingShift))
      cmark_node_set_heading_level(node, Int32(shifted))
      let text = HTMLText.plain(Self.textContent(node))
      headings.append(MarkdownHeading(level: shifted, id: uniqueID(for: text), text: text))
    }
    if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
      applyLinkPolicy(node)
    }
    if type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_TEXT {
      if let literal = cmark_node_get_literal(node) { appendPlain(String(cString: literal)) }
      return
    }
    if type == CMARK_NODE_HTML_INLINE {
      // Only ruby we created is left as raw HTML; its base is the text.
      if let base = rubyBases[node] { appendPlain(base) }
      return
    }
    removeUnsafeLinks(in: node)
    mergeAndTransformTextChildren(of: node)
    var child = cmark_node_first_child(node)
    while let current = child {
      child = cmark_node_next(current)
      visit(current)
    }
    if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
      appendPlain("\n")
    } else if let name = cmark_node_get_type_string(node), String(cString: name) == "table_cell" {
      // Table cells would otherwise run together in search snippets.
      appendPlain(" ")
    }
  }

  /// A raw HTML block becomes a paragraph of escaped text so the author sees what was written.
  private func escapeRawBlock(_ node: OpaquePointer) {
    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
    let text = cmark_node_new(CMARK_NODE_TEXT)
    cmark_node_set_literal(text, literal.trimmingTrailingNewlines())
    cmark_node_append_child(paragraph, text)
    cmark_node_replace(node, paragraph)
    cmark_node_free(node)
  }

  /// Links and images whose URL is unsafe (or climbs out of `content/`) are replaced by their
  /// content — an image by its alt text — so the words stay and the URL goes. Repeats until no
  /// child is unsafe, since an unwrapped link may hold an unsafe image.
  private func removeUnsafeLinks(in parent: OpaquePointer) {
    var changed = true
    while changed {
      changed = false
      var child = cmark_node_first_child(parent)
      while let current = child {
        child = cmark_node_next(current)
        let type = cmark_node_get_type(current)
        guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
        let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
        if !isAllowed(url) {
          while let inner = cmark_node_first_child(current) {
            cmark_node_unlink(inner)
            cmark_node_insert_before(current, inner)
          }
          cmark_node_free(current)
          changed = true
        }
      }
    }
  }

  private func isAllowed(_ url: String) -> Bool {
    switch LinkPolicy.decide(url) {
    case .keep: true
    case .contentRelative(let relative): LinkPolicy.resolve(relative, fromFolder: folder) != nil
    case .unsafe: false
    }
  }

  /// Points a relative link or image at the site's copy of `content/`.
  private mutating func applyLinkPolicy(_ node: OpaquePointer) {
    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    guard case .contentRelative(let relative) = LinkPolicy.decide(url),
      let resolved = LinkPolicy.resolve(relative, fromFolder: folder)
    else { return }
    let path = resolved.split(separator: "#", maxSplits: 1).first.map(String.init) ?? resolved
    contentLinks.append(path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path)
    cmark_node_set_url(node, rootPrefix + "content/" + resolved)
  }

  /// cmark splits text at special characters, so `{漢字|かんじ}` may span several text nodes;
  /// raw inline HTML is also turned into text here. Adjacent text is merged, then ruby applied.
  private mutating func mergeAndTransformTextChildren(of parent: OpaquePointer) {
    var child = cmark_node_first_child(parent)
    while let current = child {
      let type = cmark_node_get_type(current)
      guard type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE else {
        child = cmark_node_next(current)
        continue
      }
      var literal = ""
      var run: [OpaquePointer] = []
      var cursor: OpaquePointer? = current
      while let node = cursor {
        let kind = cmark_node_get_type(node)
        guard kind == CMARK_NODE_TEXT || kind == CMARK_NODE_HTML_INLINE else { break }
        literal += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        run.append(node)
        cursor = cmark_node_next(node)
      }
      for segment in HTMLText.rubySegments(literal) {
        let created: OpaquePointer?
        switch segment {
        case .text(let plain):
          created = cmark_node_new(CMARK_NODE_TEXT)
          cmark_node_set_literal(created, plain)
        case .ruby(let base, let reading):
          created = cmark_node_new(CMARK_NODE_HTML_INLINE)
          cmark_node_set_literal(created, HTMLText.rubyHTML(base: base, reading: reading))
          if let created { rubyBases[created] = base }
          readings.append(reading)
        }
        if let created { cmark_node_insert_before(current, created) }
      }
      for node in run {
        cmark_node_unlink(node)
        cmark_node_free(node)
      }
      child = cursor
    }
  }

  private mutating func appendPlain(_ text: String) {
    plainText += text
  }

  private mutating func uniqueID(for text: String) -> String {
    let base = Self.slug(text)
    let count = usedIDs[base, default: 0]
    usedIDs[base] = count + 1
    return count == 0 ? base : "\(base)-\(count + 1)"
  }

  /// Lower-case, spaces to hyphens, ASCII punctuation dropped; Japanese kept as is (HTML ids may
  /// hold any character but spaces).
  static func slug(_ text: String) -> String {
    var out = ""
    for ch in text.lowercased() {
      if ch.isWhitespace {
        if !out.hasSuffix("-") { out.append("-") }
      } else if ch.isASCII {
        if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) }
      } else if !ch.isPunctuation {
        out.append(ch)
      }
    }
    let trimmed = out.trimmingCharacters(in: "-")
    return "h-" + (trimmed.isEmpty ? "section" : trimmed)
  }

  static func textContent(_ node: OpaquePointer) -> String {
    var text = ""
    var child = cmark_node_first_child(node)
    while let current = child {
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
        text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
      } else {
        text += textContent(current)
      }
      child = cmark_node_next(current)
    }
    return text
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }

  fileprivate func trimmingCharacters(in set: String) -> String {
    var scalars = Substring(self)
    while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
    while let last = scalars.last, set.contains(last) { scalars.removeLast() }
    return String(scalars)
  }
}
