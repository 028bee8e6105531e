import CLibXML2
import Foundation
import KenshuModel

/// A name or attribute value handed to an `XMLStreamHandler`: libxml2's bytes, valid only
/// during the callback. Comparing with `==` against a literal costs no allocation, which
/// matters for the millions of elements in a spreadsheet's sheet XML.
public struct XMLStreamBytes {
  /// The UTF-8 bytes (not NUL-terminated).
  public let bytes: UnsafeBufferPointer<UInt8>

  init(start: UnsafePointer<xmlChar>?, end: UnsafePointer<xmlChar>?) {
    if let start, let end, end > start {
      bytes = UnsafeBufferPointer(start: start, count: end - start)
    } else {
      bytes = UnsafeBufferPointer(start: nil, count: 0)
    }
  }

  /// Bytes that are not libxml2's (a spreadsheet's own scan of its sheet XML hands them to the
  /// same handler code), valid as long as the caller keeps them.
  public init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  init(cString: UnsafePointer<xmlChar>?) {
    guard let cString else {
      bytes = UnsafeBufferPointer(start: nil, count: 0)
      return
    }
    bytes = UnsafeBufferPointer(start: cString, count: Int(xmlStrlen(cString)))
  }

  /// Whether the bytes spell `literal` exactly.
  @inlinable
  public static func == (lhs: XMLStreamBytes, rhs: StaticString) -> Bool {
    guard lhs.bytes.count == rhs.utf8CodeUnitCount else { return false }
    // A loop, not memcmp: the names compared are a few bytes long, and a sheet compares
    // millions of them (the call to memcmp was 4 % of evaluating a 100,000-row .xlsx).
    let literal = rhs.utf8Start
    for index in 0..<lhs.bytes.count where lhs.bytes[index] != literal[index] { return false }
    return true
  }

  /// Whether the NUL-terminated `cString` spells `literal` exactly, without measuring it first.
  static func cString(_ cString: UnsafePointer<xmlChar>?, equals literal: StaticString) -> Bool {
    guard let cString else { return literal.utf8CodeUnitCount == 0 }
    let bytes = literal.utf8Start
    for index in 0..<literal.utf8CodeUnitCount where cString[index] != bytes[index] { return false }
    return cString[literal.utf8CodeUnitCount] == 0
  }

  /// The bytes as a Swift string (copied).
  public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A namespace declaration on a start tag (`xmlns:prefix="uri"`, or `xmlns="uri"` with an
/// empty prefix), as libxml2 read it.
public struct XMLNamespaceDeclaration: Equatable, Sendable {
  public var prefix: String
  public var uri: String

  public init(prefix: String, uri: String) {
    self.prefix = prefix
    self.uri = uri
  }
}

/// The attributes of one start tag, valid only during the callback.
public struct XMLStreamAttributes {
  let count: Int
  /// libxml2's SAX2 layout: five pointers per attribute (local name, prefix, URI, value, end).
  let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let namespaceCount: Int
  /// libxml2's SAX2 layout: two pointers per declaration (prefix or NULL, URI).
  let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

  init(
    count: Int, raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, namespaceCount: Int = 0,
    namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>? = nil
  ) {
    self.count = count
    self.raw = raw
    self.namespaceCount = namespaces == nil ? 0 : namespaceCount
    self.namespaces = namespaces
  }

  /// The namespaces the start tag declares (libxml2 does not report them as attributes), in the
  /// tag's order; copied, so meant for the few elements whose declarations matter.
  public var namespaceDeclarations: [XMLNamespaceDeclaration] {
    guard let namespaces else { return [] }
    return (0..<namespaceCount).map { index in
      XMLNamespaceDeclaration(
        prefix: XMLStreamBytes(cString: namespaces[2 * index]).string,
        uri: XMLStreamBytes(cString: namespaces[2 * index + 1]).string)
    }
  }

  /// The value of the attribute whose local name is `name` (any namespace, or only those with
  /// `prefix` when given), or nil.
  public func value(_ name: StaticString, prefix: StaticString? = nil) -> XMLStreamBytes? {
    guard let raw else { return nil }
    for index in 0..<count {
      let base = raw + index * 5
      guard XMLStreamBytes.cString(base[0], equals: name) else { continue }
      if let prefix, !XMLStreamBytes.cString(base[1], equals: prefix) { continue }
      return XMLStreamBytes(start: base[3], end: base[4])
    }
    return nil
  }

  /// The value of attribute `name` as a string.
  public func string(_ name: StaticString, prefix: StaticString? = nil) -> String? {
    value(name, prefix: prefix)?.string
  }
}

/// Receives the events of one streamed XML document.
public protocol XMLStreamHandler: AnyObject {
  /// A start tag: local name, namespace prefix (empty when none) and attributes.
  func startElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes, attributes: XMLStreamAttributes)
  /// An end tag.
  func endElement(_ name: XMLStreamBytes, prefix: XMLStreamBytes)
  /// Character data (possibly in several pieces for one text node).
  func characters(_ text: XMLStreamBytes)
}

/// Parses XML pushed to it in chunks (straight from a zip entry being inflated, say) and
/// reports elements and text to a handler, without ever building a tree: how Kenshu reads
/// sheets of hundreds of thousands of rows in little memory.
///
/// The same safety as `readXML`: libxml2 opens nothing (the process-wide entity loader refuses
/// every file), entities are never substituted, the size and depth limits stay on, and a
/// document with a DOCTYPE is refused outright (`xml-doctype`) before any declaration in it is
/// used. Errors become diagnostics located at the line libxml2 reports.
public final class XMLStreamParser {
  private let path: String
  private let handler: XMLStreamHandler
  private var context: xmlParserCtxtPtr?
  private let collector: XMLErrorCollector
  private var stopped = false
  private var stopDiagnostic: Diagnostic?
  fileprivate var sawDoctype = false

  /// - Parameters:
  ///   - path: the name used in diagnostics (e.g. `roster.xlsx [xl/worksheets/sheet1.xml]`).
  ///   - handler: receives the events; kept alive by the parser until `finish()`.
  public init(path: String, handler: XMLStreamHandler) {
    XMLSafety.ensureSetUp()
    self.path = path
    self.handler = handler
    collector = XMLErrorCollector(file: path, locator: nil)
  }

  deinit {
    if let context {
      xmlFreeParserCtxt(context)
    }
  }

  /// Whether parsing has ended early (an error, a DOCTYPE, or `stop`).
  public var isStopped: Bool { stopped }

  /// The current line in the document (for handlers that report their own problems).
  public var line: Int {
    guard let context else { return 0 }
    return Int(xmlSAX2GetLineNumber(context))
  }

  /// Ends parsing early; `diagnostic`, when given, is reported by `finish()`.
  public func stop(_ diagnostic: Diagnostic? = nil) {
    if stopDiagnostic == nil { stopDiagnostic = diagnostic }
    stopped = true
    if let context { xmlStopParser(context) }
  }

  /// Parses the next chunk. Returns false once parsing has stopped (further chunks are ignored).
  @discardableResult
  public func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
    guard !stopped else { return false }
    guard chunk.count > 0 else { return true }
    if context == nil { createContext() }
    guard let context else { return false }
    var offset = 0
    // xmlParseChunk takes an Int32 length.
    while offset < chunk.count, !stopped {
      let length = min(chunk.count - offset, 1 << 24)
      let status = collector.capturing {
        xmlParseChunk(
          context, chunk.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self),
          Int32(length), 0)
      }
      offset += length
      if status != 0 || collector.diagnostics.hasErrors || sawDoctype { stopped = true }
    }
    return !stopped
  }

  /// Finishes the document and returns every problem found (empty when it was well-formed).
  public func finish() -> [Diagnostic] {
    if context == nil, !stopped {
      return [.error(Catalogue.partEmpty, (), at: SourceLocation(file: path, line: 1, column: 1))]
    }
    if !stopped, let context {
      _ = collector.capturing { xmlParseChunk(context, nil, 0, 1) }
    }
    var diagnostics: [Diagnostic] = []
    if sawDoctype {
      diagnostics.append(
        .error(Catalogue.doctype, (), at: SourceLocation(file: path, line: max(line, 1), column: 1)))
    } else if let stopDiagnostic {
      diagnostics.append(stopDiagnostic)
    } else {
      diagnostics += collector.diagnostics.filter { $0.severity == .error }
    }
    return diagnostics
  }

  private func createContext() {
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = streamStartElement
    sax.endElementNs = streamEndElement
    sax.characters = streamCharacters
    sax.cdataBlock = streamCharacters
    sax.internalSubset = streamInternalSubset
    let user = Unmanaged.passUnretained(self).toOpaque()
    context = collector.capturing { xmlCreatePushParserCtxt(&sax, user, nil, 0, path) }
    if let context {
      xmlCtxtUseOptions(context, XMLSafety.parseOptions)
    } else {
      stopped = true
    }
  }

  fileprivate func start(_ name: XMLStreamBytes, _ prefix: XMLStreamBytes, _ attributes: XMLStreamAttributes)
  {
    guard !stopped else { return }
    handler.startElement(name, prefix: prefix, attributes: attributes)
  }

  fileprivate func end(_ name: XMLStreamBytes, _ prefix: XMLStreamBytes) {
    guard !stopped else { return }
    handler.endElement(name, prefix: prefix)
  }

  fileprivate func text(_ text: XMLStreamBytes) {
    guard !stopped else { return }
    handler.characters(text)
  }

  fileprivate func doctype() {
    sawDoctype = true
    stop()
  }
}

private func parser(_ user: UnsafeMutableRawPointer?) -> XMLStreamParser? {
  guard let user else { return nil }
  return Unmanaged<XMLStreamParser>.fromOpaque(user).takeUnretainedValue()
}

private let streamStartElement: startElementNsSAX2Func = {
  user, localName, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
  parser(user)?.start(
    XMLStreamBytes(cString: localName), XMLStreamBytes(cString: prefix),
    XMLStreamAttributes(
      count: Int(attributeCount), raw: attributes, namespaceCount: Int(namespaceCount),
      namespaces: namespaces))
}

private let streamEndElement: endElementNsSAX2Func = { user, localName, prefix, _ in
  parser(user)?.end(XMLStreamBytes(cString: localName), XMLStreamBytes(cString: prefix))
}

private let streamCharacters: charactersSAXFunc = { user, characters, length in
  guard let characters else { return }
  parser(user)?.text(XMLStreamBytes(start: characters, end: characters + Int(length)))
}

private let streamInternalSubset: internalSubsetSAXFunc = { user, _, _, _ in
  parser(user)?.doctype()
}
