import KenshuModel

/// An attribute of an element, as plain Swift values.
public struct XMLAttribute: Sendable, Hashable {
  /// Local name, or `xml:lang`/`xml:base` style for the XML namespace.
  public var name: String
  public var namespace: String?
  public var value: String
  /// Where the attribute starts (`name="…"`), found in the source text; the element's
  /// location when it cannot be found.
  public var location: SourceLocation
}

/// A node inside an element: a child element or a run of text.
public enum XMLContent: Sendable, Hashable {
  case element(XMLElement)
  case text(String)
}

/// An element copied out of libxml2's tree into plain, `Sendable` Swift values, so no libxml2
/// pointer ever leaves this module and documents can be freed as soon as they are read.
public struct XMLElement: Sendable, Hashable {
  public var name: String
  public var namespace: String?
  public var attributes: [XMLAttribute]
  public var content: [XMLContent]
  /// Where the start tag begins (`<name`).
  public var location: SourceLocation

  public init(
    name: String, namespace: String? = nil, attributes: [XMLAttribute] = [], content: [XMLContent] = [],
    location: SourceLocation
  ) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.content = content
    self.location = location
  }

  /// Child elements, in document order.
  public var children: [XMLElement] {
    content.compactMap {
      if case .element(let child) = $0 { return child }
      return nil
    }
  }

  /// Child elements with the given local name.
  public func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

  /// The first child element with the given local name.
  public func child(named name: String) -> XMLElement? { children.first { $0.name == name } }

  /// The value of an attribute by local name (`xml:lang` for the XML namespace).
  public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

  /// Where an attribute is written, or the element's location.
  public func location(ofAttribute name: String) -> SourceLocation {
    attributes.first { $0.name == name }?.location ?? location
  }

  /// All text inside the element and its descendants, concatenated.
  public var text: String {
    content.map {
      switch $0 {
      case .text(let text): text
      case .element(let child): child.text
      }
    }.joined()
  }

  /// The text with leading/trailing whitespace removed and inner runs of whitespace that
  /// contain a line break collapsed (so XML indentation does not reach the page).
  public var normalizedText: String { normalizeXMLText(text) }
}

/// Trims text and collapses whitespace runs that contain a newline, as they come from
/// indentation. Japanese text has no spaces between words, so such runs become nothing when
/// both sides are non-ASCII, and a single space otherwise.
public func normalizeXMLText(_ text: String) -> String {
  var result = ""
  var pendingBreak = false
  var pendingSpace = ""
  for ch in text {
    if ch == "\n" || ch == "\r" {
      pendingBreak = true
      pendingSpace = ""
    } else if ch == " " || ch == "\t" {
      if !pendingBreak { pendingSpace.append(ch) }
    } else {
      if pendingBreak {
        if let last = result.last, last.isASCII || ch.isASCII { result.append(" ") }
      } else {
        result += pendingSpace
      }
      pendingBreak = false
      pendingSpace = ""
      result.append(ch)
    }
  }
  return result.trimmingCharactersInSet()
}

extension String {
  fileprivate func trimmingCharactersInSet() -> String {
    var scalars = Substring(self)
    while let f = scalars.first, f.isWhitespace { scalars = scalars.dropFirst() }
    while let l = scalars.last, l.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
