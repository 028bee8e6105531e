import CLibXML2
import Foundation
import KenshuModel

/// An element of a document being read, seen in place inside libxml2's tree: reading a file
/// through views builds no intermediate Swift tree, and strings and source locations are made
/// only for what the reader asks for.
///
/// A view is valid only inside the closure given to `readXML(_:path:schema:_:)`, while the
/// document is alive; it must not be stored or passed out of it (it is not `Sendable` and holds
/// no reference to the document). Everything it returns is a plain Swift value that may be kept.
/// Answers are the same as those of the `XMLElement` copied from the same element.
public struct XMLElementView {
  let node: xmlNodePtr
  /// Owned by the `readXML` call, which outlives every view it hands out; unowned(unsafe)
  /// because views are copied constantly and counting references to it cost more than reading.
  unowned(unsafe) let document: XMLDocumentContext

  init(_ node: xmlNodePtr, document: XMLDocumentContext) {
    self.node = node
    self.document = document
  }

  /// Local name.
  public var name: String { String(cString: node.pointee.name) }

  /// Whether the local name is `name`, compared as bytes in place (no string is made, and a
  /// literal needs no copy: readers ask this of every child they sort).
  public func isNamed(_ name: StaticString) -> Bool {
    guard name.hasPointerRepresentation else { return self.name == name.description }
    let needle = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
    return matches(needle, node.pointee.name)
  }

  /// The namespace URI.
  public var namespace: String? { document.uri(of: node.pointee.ns) }

  /// Where the start tag begins (`<name`), found in the source text.
  public var location: SourceLocation { startTag.location }

  /// Where the start tag begins, its line, and its byte offset in that line.
  private var startTag: (location: SourceLocation, line: Int, byteOffset: Int) {
    let endLine = Int(xmlGetLineNo(node))
    let locator = document.locator
    // The qualified name as bytes read in place (`prefix:name` needs a small copy).
    let name = bytes(of: node.pointee.name)
    let tag =
      if let prefix = node.pointee.ns?.pointee.prefix {
        (Array(bytes(of: prefix)) + [UInt8(ascii: ":")] + Array(name)).withUnsafeBufferPointer {
          locator.startTag(needle: $0, endLine: endLine)
        }
      } else {
        locator.startTag(needle: name, endLine: endLine)
      }
    return (SourceLocation(file: locator.file, line: tag.line, column: tag.column), tag.line, tag.byteOffset)
  }

  /// The value of an attribute by local name (`xml:lang` for the XML namespace).
  public func attribute(_ name: String) -> String? {
    guard let attribute = firstAttribute(named: name) else { return nil }
    return XMLElementView.value(of: attribute, in: node)
  }

  /// Where an attribute is written, or the element's location.
  public func location(ofAttribute name: String) -> SourceLocation {
    let tag = startTag
    guard let attribute = firstAttribute(named: name) else { return tag.location }
    let position = document.locator.attribute(
      XMLElementView.qualifiedName(of: attribute), fromLine: tag.line, byteOffset: tag.byteOffset)
    return position.map { SourceLocation(file: document.locator.file, line: $0.line, column: $0.column) }
      ?? tag.location
  }

  /// Child elements, in document order.
  public var children: [XMLElementView] { elements { _ in true } }

  /// Child elements with the given local name.
  public func children(named name: String) -> [XMLElementView] {
    var name = name
    return name.withUTF8 { needle in elements { matches(needle, $0.pointee.name) } }
  }

  /// The child elements `isIncluded` accepts. Counted first, so that the array is allocated
  /// once at its size (or not at all): growing it was a visible cost.
  private func elements(where isIncluded: (xmlNodePtr) -> Bool) -> [XMLElementView] {
    var count = 0
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE, isIncluded(current) { count += 1 }
      child = current.pointee.next
    }
    guard count > 0 else { return [] }
    var result: [XMLElementView] = []
    result.reserveCapacity(count)
    child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE, isIncluded(current) {
        result.append(XMLElementView(current, document: document))
      }
      child = current.pointee.next
    }
    return result
  }

  /// The first child element with the given local name.
  public func child(named name: String) -> XMLElementView? {
    var name = name
    return name.withUTF8 { needle in
      var child = node.pointee.children
      while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE, matches(needle, current.pointee.name) {
          return XMLElementView(current, document: document)
        }
        child = current.pointee.next
      }
      return nil
    }
  }

  /// The element's own text runs (not its children's), concatenated as they are.
  public var directText: String {
    var text = ""
    var child = node.pointee.children
    while let current = child {
      if XMLElementView.isText(current), let content = current.pointee.content {
        text += String(cString: content)
      }
      child = current.pointee.next
    }
    return text
  }

  /// All text inside the element and its descendants, concatenated.
  public var text: String {
    // Most elements hold one run of text or none: that run as it is, without appending.
    if let only = node.pointee.children, only.pointee.next == nil, XMLElementView.isText(only) {
      return only.pointee.content.map { String(cString: $0) } ?? ""
    }
    var text = ""
    XMLElementView.appendText(of: node, to: &text)
    return text
  }

  /// `text` trimmed, with whitespace runs holding a line break collapsed (`normalizeXMLText`).
  public var normalizedText: String { normalizeXMLText(text) }

  /// A copy of the element and its descendants as Swift values, for the work that needs the
  /// whole tree (e.g. explaining schema errors).
  public func copy() -> XMLElement {
    TreeConverter(document: document).convert(node)
  }

  // MARK: libxml2 details

  private func firstAttribute(named name: String) -> xmlAttrPtr? {
    // Names as `XMLElement` keeps them: the local name, or `xml:` + local for the XML namespace.
    var name = name
    return name.withUTF8 { needle -> xmlAttrPtr? in
      let isXML =
        needle.count > 4 && needle[0] == UInt8(ascii: "x") && needle[1] == UInt8(ascii: "m")
        && needle[2] == UInt8(ascii: "l") && needle[3] == UInt8(ascii: ":")
      let local = isXML ? UnsafeBufferPointer(rebasing: needle[4...]) : needle
      var attribute = node.pointee.properties
      while let current = attribute {
        let prefixIsXML = current.pointee.ns?.pointee.prefix.map(isXMLPrefix) ?? false
        if prefixIsXML == isXML, matches(local, current.pointee.name) { return current }
        attribute = current.pointee.next
      }
      return nil
    }
  }

  static func qualifiedName(of attribute: xmlAttrPtr) -> String {
    let local = String(cString: attribute.pointee.name)
    return attribute.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" + local } ?? local
  }

  /// An attribute's value. Nearly always one text node, whose content is the value as it is;
  /// only other shapes need libxml2 to join the nodes into a new string.
  static func value(of attribute: xmlAttrPtr, in node: xmlNodePtr) -> String {
    if let only = attribute.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
      return only.pointee.content.map { String(cString: $0) } ?? ""
    }
    guard let raw = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) else { return "" }
    defer { kenshu_xmlFree(raw) }
    return String(cString: raw)
  }

  /// Text and CDATA nodes: the nodes `XMLElement` keeps as `.text`.
  static func isText(_ node: xmlNodePtr) -> Bool {
    node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
  }

  private static func appendText(of node: xmlNodePtr, to text: inout String) {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        appendText(of: current, to: &text)
      } else if isText(current), let content = current.pointee.content {
        text += String(cString: content)
      }
      child = current.pointee.next
    }
  }
}

/// The bytes of a NUL-terminated libxml2 string, without the NUL.
private func bytes(of text: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
  UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
}

/// Whether a namespace prefix is `xml` (as in `xml:lang`); stops at the first difference, so
/// never reads past the terminating NUL.
private func isXMLPrefix(_ prefix: UnsafePointer<xmlChar>) -> Bool {
  prefix[0] == UInt8(ascii: "x") && prefix[1] == UInt8(ascii: "m") && prefix[2] == UInt8(ascii: "l")
    && prefix[3] == 0
}

/// Whether a NUL-terminated libxml2 name equals `needle` byte for byte.
private func matches(_ needle: UnsafeBufferPointer<UInt8>, _ name: UnsafePointer<xmlChar>?) -> Bool {
  guard let name else { return false }
  for index in 0..<needle.count where name[index] != needle[index] { return false }
  return name[needle.count] == 0
}

/// What the views of one document share: the source text for locations and the last namespace
/// URI decoded (a file uses one or two namespaces, so each URI is decoded once, not per element).
final class XMLDocumentContext {
  let locator: SourceLocator
  private var lastNamespace: xmlNsPtr?
  private var lastNamespaceURI: String?

  init(locator: SourceLocator) { self.locator = locator }

  func uri(of namespace: xmlNsPtr?) -> String? {
    guard let namespace else { return nil }
    if namespace == lastNamespace { return lastNamespaceURI }
    let uri = String(cString: namespace.pointee.href)
    lastNamespace = namespace
    lastNamespaceURI = uri
    return uri
  }
}
