import Foundation

/// Fits one rendered Markdown document into the page that shows it.
///
/// A Markdown text does not know where it will appear: the same case body sits under an `<h4>`
/// on a session page and under an `<h3>` in the handout, and several documents can share one
/// page (content, cases, answer keys, facilitator notes). Placement therefore happens per use:
/// - heading levels are renumbered so the document's outline starts at `headingBase` and never
///   skips a level (HTML outline rule checked by the Nu validator: `h3` may not follow `h1`);
/// - the ids cmark and the renderer produce (`h-…` for headings, `fn-…`/`fnref-…` for
///   footnotes) get a per-document prefix, with the links pointing at them, so two documents on
///   one page cannot produce duplicate ids.
struct HeadingPlacement: Sendable, Hashable {
  /// The level the document's top headings get (one below the page heading they sit under).
  var headingBase: Int
  /// Prepended to every id of the document; empty for the page's main document.
  var idPrefix: String
  /// Removes the document's first heading when it is the first block and its text equals this
  /// (a case whose Markdown repeats the case title the page already shows).
  var droppingLeadingHeading: String?

  init(headingBase: Int = 2, idPrefix: String = "", droppingLeadingHeading: String? = nil) {
    self.headingBase = min(6, max(1, headingBase))
    self.idPrefix = idPrefix
    self.droppingLeadingHeading = droppingLeadingHeading
  }

  /// The rendering's HTML placed on the page.
  func apply(to rendering: MarkdownRendering) -> String {
    // Most content on large sites is paragraphs and lists: nothing to renumber or prefix.
    if rendering.headings.isEmpty, idPrefix.isEmpty || !rendering.html.contains("fnref-") {
      return rendering.html
    }
    var html = Array(rendering.html.utf8)
    var headings = rendering.headings
    if let title = droppingLeadingHeading, let first = headings.first,
      Self.sameTitle(first.text, title), let end = Self.leadingHeadingEnd(in: html)
    {
      html.removeSubrange(0..<end)
      headings.removeFirst()
    }
    let levels = Self.placedLevels(headings.map(\.level), base: headingBase)
    return String(decoding: rewrite(html, levels: levels), as: UTF8.self)
  }

  /// New levels for headings found at `levels`, in document order: each distinct source level
  /// gets a rank (the shallowest becomes `base`), and no heading may go more than one level
  /// deeper than the one before it (the first counts from `base - 1`, the page's heading).
  static func placedLevels(_ levels: [Int], base: Int) -> [Int] {
    let ranks = Dictionary(uniqueKeysWithValues: Set(levels).sorted().enumerated().map { ($1, $0) })
    var previous = base - 1
    return levels.map { level in
      let placed = min(6, base + (ranks[level] ?? 0), previous + 1)
      previous = placed
      return placed
    }
  }

  /// Whether a heading repeats a title: equal after NFKC (Ａ = A) and without spaces, or one
  /// a shortened form of the other (`事例1：Aさん` for `事例1：Aさん の退院支援`), when the
  /// shorter has at least four characters (so `事例1` alone is kept).
  static func sameTitle(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> String {
      String(s.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }
    let (x, y) = (key(a), key(b))
    if x == y { return true }
    let (short, long) = x.count < y.count ? (x, y) : (y, x)
    return short.count >= 4 && long.hasPrefix(short)
  }

  /// When the HTML starts with a heading, the offset just past its closing tag and newline.
  static func leadingHeadingEnd(in html: [UInt8]) -> Int? {
    var i = 0
    while i < html.count, html[i] == UInt8(ascii: "\n") || html[i] == UInt8(ascii: " ") { i += 1 }
    guard i + 3 < html.count, html[i] == UInt8(ascii: "<"), html[i + 1] == UInt8(ascii: "h"),
      let level = digit(html[i + 2])
    else { return nil }
    let close = Array("</h\(level)>".utf8)
    guard let at = MarkdownRenderer.find(close, in: html, from: i) else { return nil }
    var end = at + close.count
    while end < html.count, html[end] == UInt8(ascii: "\n") { end += 1 }
    return end
  }

  /// One pass over the bytes: renumbers `<hN` / `</hN>` (cmark writes them only for headings;
  /// author HTML is escaped, so a literal `<` never comes from text) and prefixes ids.
  /// Unchanged stretches are copied whole: this runs for every Markdown document on every page.
  func rewrite(_ html: [UInt8], levels: [Int]) -> [UInt8] {
    let prefix = Array(idPrefix.utf8)
    let lt = UInt8(ascii: "<")
    let quote = UInt8(ascii: "\"")
    var out: [UInt8] = []
    out.reserveCapacity(html.count + 64)
    var next = 0
    var open = headingBase
    var copied = 0
    var i = 0
    let count = html.count
    while i < count {
      let byte = html[i]
      if byte == lt, i + 3 < count {
        // `<hN` followed by `>` or a space.
        if html[i + 1] == UInt8(ascii: "h"), Self.digit(html[i + 2]) != nil,
          html[i + 3] == UInt8(ascii: ">") || html[i + 3] == UInt8(ascii: " ")
        {
          open = next < levels.count ? levels[next] : headingBase
          next += 1
          out += html[copied..<i]
          out += [lt, UInt8(ascii: "h"), UInt8(ascii: "0") + UInt8(open)]
          i += 3
          copied = i
          continue
        }
        // `</hN>`
        if html[i + 1] == UInt8(ascii: "/"), i + 4 < count, html[i + 2] == UInt8(ascii: "h"),
          Self.digit(html[i + 3]) != nil, html[i + 4] == UInt8(ascii: ">")
        {
          out += html[copied..<i]
          out += [
            lt, UInt8(ascii: "/"), UInt8(ascii: "h"), UInt8(ascii: "0") + UInt8(open), UInt8(ascii: ">"),
          ]
          i += 5
          copied = i
          continue
        }
      }
      if byte == quote, !prefix.isEmpty, let length = Self.idValueStart(html, quoteAt: i) {
        // `id="h-…"`, `href="#fn-…"` …: the quote and any `#`, then the prefix.
        out += html[copied..<(i + length)]
        out += prefix
        i += length
        copied = i
        continue
      }
      i += 1
    }
    out += html[copied..<count]
    return out
  }

  private static let idAttribute = Array(" id=".utf8)
  private static let hrefAttribute = Array("href=".utf8)
  private static let prefixedValues = [Array("h-".utf8), Array("fn-".utf8), Array("fnref-".utf8)]

  /// Attribute values this placement prefixes: after `id="` or `href="#`, values starting with
  /// `h-`, `fn-` or `fnref-`. Returns how many bytes (quote, `#`) come before the value.
  static func idValueStart(_ html: [UInt8], quoteAt i: Int) -> Int? {
    func preceded(by bytes: [UInt8]) -> Bool {
      i >= bytes.count && html[(i - bytes.count)..<i].elementsEqual(bytes)
    }
    let skip: Int
    if preceded(by: idAttribute) {
      skip = 1
    } else if preceded(by: hrefAttribute), i + 1 < html.count, html[i + 1] == UInt8(ascii: "#") {
      skip = 2
    } else {
      return nil
    }
    let value = html[(i + skip)...]
    for start in prefixedValues where value.starts(with: start) { return skip }
    return nil
  }

  static func digit(_ byte: UInt8) -> Int? {
    byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "6") ? Int(byte - UInt8(ascii: "0")) : nil
  }
}
