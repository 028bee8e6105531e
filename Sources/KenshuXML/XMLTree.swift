import Foundation
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
///
/// A value type with copy-on-write storage: readers copy elements constantly (`children`,
/// pattern matches over `content`), and one reference to retain is far cheaper than the five
/// of the fields themselves, which was a visible share of `kenshu validate`'s time.
public struct XMLElement: Sendable, Hashable {
  private final class Storage: @unchecked Sendable {
    // Only mutated through `XMLElement`'s setters after a uniqueness check (copy on write).
    var name: String
    var namespace: String?
    var attributes: [XMLAttribute]
    var content: [XMLContent]
    var location: SourceLocation

    init(
      name: String, namespace: String?, attributes: [XMLAttribute], content: [XMLContent],
      location: SourceLocation
    ) {
      self.name = name
      self.namespace = namespace
      self.attributes = attributes
      self.content = content
      self.location = location
    }

    func copy() -> Storage {
      Storage(name: name, namespace: namespace, attributes: attributes, content: content, location: location)
    }
  }

  private var storage: Storage

  /// The storage, copied first when another value shares it.
  private var uniqueStorage: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  public var name: String {
    get { storage.name }
    set { uniqueStorage.name = newValue }
  }
  public var namespace: String? {
    get { storage.namespace }
    set { uniqueStorage.namespace = newValue }
  }
  public var attributes: [XMLAttribute] {
    get { storage.attributes }
    set { uniqueStorage.attributes = newValue }
  }
  public var content: [XMLContent] {
    get { storage.content }
    set { uniqueStorage.content = newValue }
  }
  /// Where the start tag begins (`<name`).
  public var location: SourceLocation {
    get { storage.location }
    set { uniqueStorage.location = newValue }
  }

  public init(
    name: String, namespace: String? = nil, attributes: [XMLAttribute] = [], content: [XMLContent] = [],
    location: SourceLocation
  ) {
    storage = Storage(
      name: name, namespace: namespace, attributes: attributes, content: content, location: location)
  }

  public static func == (a: XMLElement, b: XMLElement) -> Bool {
    a.storage === b.storage
      || (a.name == b.name && a.namespace == b.namespace && a.attributes == b.attributes
        && a.content == b.content && a.location == b.location)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(namespace)
    hasher.combine(attributes)
    hasher.combine(content)
    hasher.combine(location)
  }

  /// Child elements, in document order.
  public var children: [XMLElement] {
    storage.content.compactMap {
      if case .element(let child) = $0 { return child }
      return nil
    }
  }

  /// Child elements with the given local name.
  public func children(named name: String) -> [XMLElement] {
    // One pass over `content`, without building the array of all children first: readers
    // call this for every element they read.
    storage.content.compactMap {
      if case .element(let child) = $0, child.name == name { return child }
      return nil
    }
  }

  /// The first child element with the given local name.
  public func child(named name: String) -> XMLElement? {
    for case .element(let child) in storage.content where child.name == name { return child }
    return nil
  }

  /// The value of an attribute by local name (`xml:lang` for the XML namespace).
  public func attribute(_ name: String) -> String? {
    for attribute in storage.attributes where attribute.name == name { return attribute.value }
    return nil
  }

  /// Where an attribute is written, or the element's location.
  public func location(ofAttribute name: String) -> SourceLocation {
    attributes.first { $0.name == name }?.location ?? location
  }

  /// All text inside the element and its descendants, concatenated.
  public var text: String {
    // Most elements hold one run of text or none: no array and no joining for those.
    let content = storage.content
    if content.isEmpty { return "" }
    if content.count == 1, case .text(let only) = content[0] { return only }
    return content.map {
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
  // Most attribute values and titles are one line with nothing to trim: return them as they
  // are, after a scan of bytes, which is far cheaper than walking Characters.
  if isNormalized(text) { return text }
  // Unicode scalars rather than Characters: XML text has no CRLF pairs (the parser turns them
  // into LF), and the rules only look at ASCII space, tab and line breaks.
  var result = String.UnicodeScalarView()
  var pendingBreak = false
  var pendingSpace = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    if scalar == "\n" || scalar == "\r" {
      pendingBreak = true
      pendingSpace = String.UnicodeScalarView()
    } else if scalar == " " || scalar == "\t" {
      if !pendingBreak { pendingSpace.append(scalar) }
    } else {
      if pendingBreak {
        if let last = result.last, last.isASCII || scalar.isASCII { result.append(" ") }
      } else {
        result.append(contentsOf: pendingSpace)
      }
      pendingBreak = false
      pendingSpace = String.UnicodeScalarView()
      result.append(scalar)
    }
  }
  return String(result).trimmingCharactersInSet()
}

/// Whether `normalizeXMLText` would return the text as it is: its first and last scalars are
/// not white space and it has no line feed or carriage return. Decided in one visit of the
/// contiguous UTF-8 (the views of `unicodeScalars` cost more than the rest of the work).
private func isNormalized(_ text: String) -> Bool {
  var text = text
  return text.withUTF8 { bytes in
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    guard !isWhitespace(scalar(startingAt: 0, in: bytes)) else { return false }
    var last = bytes.count - 1
    while last > 0, bytes[last] & 0xC0 == 0x80 { last -= 1 }  // Back to the lead byte.
    guard !isWhitespace(scalar(startingAt: last, in: bytes)) else { return false }
    // memchr scans a word at a time; a loop over bytes was still a visible cost.
    return memchr(base, 0x0A, bytes.count) == nil && memchr(base, 0x0D, bytes.count) == nil
  }
}

/// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8 `bytes`.
private func scalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
  let lead = UInt32(bytes[index])
  if lead < 0x80 { return Unicode.Scalar(UInt8(lead)) }
  let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
  var value = lead & (0xFF >> (length + 1))
  for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
  return Unicode.Scalar(value) ?? "\u{FFFD}"
}

/// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), answered without
/// the property tables for ASCII and the common CJK letters, which is nearly every scalar asked.
private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
  if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
  // U+3000 (全角スペース) is the last White_Space scalar: kana and kanji lie above it.
  if scalar.value > 0x3000 { return false }
  return scalar.properties.isWhitespace
}

extension String {
  fileprivate func trimmingCharactersInSet() -> String {
    var scalars = Substring(self)
    while let f = scalars.first, f.isWhitespace { scalars = scalars.dropFirst() }
    while let l = scalars.last, l.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
