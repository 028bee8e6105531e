import Foundation
import KenshuModel

/// Renders the layout once per distinct frame — same folder depth, view, page kind and
/// breadcrumbs, as for all sessions of a course — and reuses it with each page's title, body
/// and canonical URL put in. On big sites this halves the template work.
///
/// The frame is rendered with marker values (private-use characters Mustache does not escape)
/// and split at them; the title and URL are escaped here as Mustache would.
final class LayoutCache: @unchecked Sendable {
  struct Key: Hashable {
    var root: String
    var view: PageView
    var kind: String
    var crumbs: [String]
    /// The language of the page's content, which chooses the interface words.
    var language: String
    /// The programme whose named print page the body selects (its edition in the top margin):
    /// the handouts of two programmes share folder depth, kind and breadcrumbs but not this.
    var printedProgramme: String?
  }

  /// The layout split at the markers: text pieces and which value goes between them.
  struct Frame {
    var pieces: [String]
    var slots: [Slot]
  }

  enum Slot {
    case title, body, canonical
  }

  static let markers: [(String, Slot)] = [
    ("\u{E000}kenshu-title\u{E001}", .title), ("\u{E000}kenshu-body\u{E001}", .body),
    ("\u{E000}kenshu-canonical\u{E001}", .canonical),
  ]

  private let lock = NSLock()
  private var frames: [Key: Frame] = [:]

  func wrap(_ body: String, title: String, canonicalURL: String?, page: SitePage, renderer: PageRenderer)
    -> String
  {
    let frame = frame(for: page, renderer: renderer)
    var out = frame.pieces[0]
    out.reserveCapacity(body.utf8.count + 4096)
    for (slot, piece) in zip(frame.slots, frame.pieces.dropFirst()) {
      switch slot {
      case .title: out += Markup.escape(title)
      case .body: out += body
      case .canonical: out += Markup.escape(canonicalURL ?? "")
      }
      out += piece
    }
    return out
  }

  /// The page's layout, rendered once per distinct frame and split at the markers.
  func frame(for page: SitePage, renderer: PageRenderer) -> Frame {
    let crumbs = renderer.breadcrumbs(for: page)
    let key = Key(
      root: page.root, view: page.view, kind: page.kind.templateName,
      crumbs: crumbs.map { "\($0["href"] ?? "")\u{0}\($0["label"] ?? "")\u{0}\($0["crumbLang"] ?? "")" },
      language: renderer.contentLanguage, printedProgramme: renderer.printedProgramme(of: page)?.id)
    if let frame = lock.withLock({ frames[key] }) { return frame }
    var context = renderer.layoutContext(page: page, title: Self.markers[0].0, breadcrumbs: crumbs)
    context["bodyHtml"] = Self.markers[1].0
    if renderer.canonicalURL(for: page) != nil { context["canonicalURL"] = Self.markers[2].0 }
    let frame = Self.split(renderer.theme.render("layout", context) ?? Self.markers[1].0)
    lock.withLock { frames[key] = frame }
    return frame
  }

  /// Splits rendered text at every marker, in order of appearance.
  static func split(_ text: String) -> Frame {
    var pieces: [String] = []
    var slots: [Slot] = []
    var rest = Substring(text)
    while true {
      var earliest: (Range<Substring.Index>, Slot)?
      for (marker, slot) in markers {
        if let range = rest.range(of: marker), earliest.map({ range.lowerBound < $0.0.lowerBound }) ?? true {
          earliest = (range, slot)
        }
      }
      guard let (range, slot) = earliest else { break }
      pieces.append(String(rest[..<range.lowerBound]))
      slots.append(slot)
      rest = rest[range.upperBound...]
    }
    pieces.append(String(rest))
    return Frame(pieces: pieces, slots: slots)
  }
}
