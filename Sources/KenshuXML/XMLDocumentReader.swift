import CLibXML2
import KenshuModel

/// The result of reading one XML file: its root element as Swift values (nil when the file
/// could not be read as XML) and every problem found, parser and schema alike.
public struct ParsedXML: Sendable {
  public var root: XMLElement?
  public var diagnostics: [Diagnostic]
}

/// Reads XML bytes safely with libxml2 and optionally validates them against a RELAX NG schema,
/// returning the root element copied into Swift values.
///
/// - Parameters:
///   - bytes: the file's contents (Kenshu reads files itself; libxml2 opens nothing).
///   - path: the name used in diagnostics (as the user wrote it, e.g. `curricula/day1.xml`).
///   - schema: a compiled schema; use one per thread.
///   - rewriteSchemaError: turns a terse schema message into plain language, or nil to keep it.
public func readXML(
  _ bytes: [UInt8], path: String, schema: RelaxNGSchema? = nil,
  rewriteSchemaError: @escaping @Sendable (SchemaError) -> SchemaErrorRewrite? = { _ in nil }
) -> ParsedXML {
  readXML(bytes, path: path, schema: schema, rewriteSchemaError: rewriteSchemaError) { document in
    ParsedXML(root: document.root?.copy(), diagnostics: document.diagnostics)
  }
}

/// What `read` is shown of a document: its root element in place (nil when the file could not
/// be read as XML) and every problem found, parser and schema alike.
public struct XMLDocumentView {
  /// The root element, valid only inside the closure given to `readXML`.
  public var root: XMLElementView?
  /// Parser, screening and schema problems, located.
  public var diagnostics: [Diagnostic]
}

/// Reads XML bytes safely with libxml2, optionally validates them against a RELAX NG schema, and
/// calls `read` with the document while libxml2's tree is alive, so that the reader takes what it
/// needs straight from it (`XMLElementView`) instead of from a copy. The tree is freed when
/// `read` returns; no view may be kept beyond it.
public func readXML<Result>(
  _ bytes: [UInt8], path: String, schema: RelaxNGSchema? = nil,
  rewriteSchemaError: @escaping @Sendable (SchemaError) -> SchemaErrorRewrite? = { _ in nil },
  _ read: (XMLDocumentView) -> Result
) -> Result {
  XMLSafety.ensureSetUp()
  let locator = SourceLocator(bytes: bytes, file: path)
  let collector = XMLErrorCollector(file: path, locator: locator) { raw in
    if raw.defaultCode == "xml-syntax" { return SyntaxErrorRewriting.rewrite(raw, locator: locator) }
    if raw.defaultCode == "schema" {
      let error = SchemaError(
        isSchema: true, code: Int(raw.code), message: raw.message, element: raw.elementName,
        detail1: raw.str1, detail2: raw.str2)
      return rewriteSchemaError(error).map { RewrittenError(code: $0.code, text: $0.text) }
    }
    return nil
  }

  if bytes.isEmpty {
    return read(
      XMLDocumentView(
        root: nil,
        diagnostics: [
          .error(Catalogue.fileEmpty, (), at: SourceLocation(file: path, line: 1, column: 1))
        ]))
  }
  guard bytes.count < Int(Int32.max) else {
    return read(
      XMLDocumentView(
        root: nil,
        diagnostics: [
          .error(Catalogue.fileTooLarge, (), at: SourceLocation(file: path))
        ]))
  }

  if let problem = InputScreening.problem(in: bytes, path: path) {
    return read(XMLDocumentView(root: nil, diagnostics: [problem]))
  }

  let document = collector.capturing { XMLSafety.parse(bytes, path: path) }
  guard let document else {
    var diagnostics = collector.diagnostics
    if !diagnostics.hasErrors {
      diagnostics.append(.error(Catalogue.unreadableAsXML, (), at: SourceLocation(file: path)))
    }
    return read(XMLDocumentView(root: nil, diagnostics: diagnostics))
  }
  defer { xmlFreeDoc(document) }

  // Course files never need a DTD; an internal subset is how XXE and entity bombs arrive.
  if document.pointee.intSubset != nil {
    let line = locator.line(containing: "<!DOCTYPE") ?? 1
    collector.append(.error(Catalogue.doctype, (), at: SourceLocation(file: path, line: line, column: 1)))
    return read(XMLDocumentView(root: nil, diagnostics: collector.diagnostics))
  }
  guard let rootNode = xmlDocGetRootElement(document) else {
    collector.append(.error(Catalogue.noRoot, (), at: SourceLocation(file: path, line: 1)))
    return read(XMLDocumentView(root: nil, diagnostics: collector.diagnostics))
  }

  if let schema {
    schema.validate(document, collector: collector)
  }
  let context = XMLDocumentContext(locator: locator)
  return withExtendedLifetime(context) {
    read(
      XMLDocumentView(root: XMLElementView(rootNode, document: context), diagnostics: collector.diagnostics))
  }
}

/// A schema or syntax error as libxml2 reported it, for rewriting into plain language.
public struct SchemaError: Sendable {
  /// True for RELAX NG validation errors, false for XML syntax errors.
  public var isSchema: Bool
  /// libxml2's numeric error code.
  public var code: Int
  public var message: String
  /// Local name of the element the error is about.
  public var element: String?
  public var detail1: String?
  public var detail2: String?
}

/// A rewritten message with its stable diagnostic code, in both languages.
public struct SchemaErrorRewrite: Sendable {
  public var code: String
  public var text: Bilingual

  public init<Arguments>(_ template: MessageTemplate<Arguments>, _ arguments: Arguments) {
    code = template.code
    text = template(arguments)
  }
}

/// libxml2's messages for one text node, attribute value, comment, processing instruction or
/// name over its built-in limits (kept: lifting them needs XML_PARSE_HUGE, which lifts the
/// nesting limit too). libxml2 2.9.14 words them variously.
func isNodeSizeLimit(_ message: String) -> Bool {
  message.contains("huge text node") || message.hasPrefix("AttValue length too long")
    || message.hasPrefix("Comment too big") || message.hasPrefix("Huge input lookup")
    || message.hasPrefix("Name too long") || message.contains("CData section too big")
    || message.hasPrefix("PI ") && message.contains("too big")
    || message.contains("use XML_PARSE_HUGE option")
      && !message.hasPrefix("Excessive depth")
}

/// Copies libxml2's tree into `XMLElement` values, locating every element and attribute.
struct TreeConverter {
  /// The document's source text and namespace cache, shared with its views.
  let document: XMLDocumentContext
  private var locator: SourceLocator { document.locator }

  init(document: XMLDocumentContext) { self.document = document }

  private func uri(of namespace: xmlNsPtr?) -> String? { document.uri(of: namespace) }

  func convert(_ node: xmlNodePtr) -> XMLElement {
    let name = String(cString: node.pointee.name)
    let prefix = node.pointee.ns?.pointee.prefix.map { String(cString: $0) }
    let namespace = uri(of: node.pointee.ns)
    let endLine = Int(xmlGetLineNo(node))
    let tag = locator.startTag(prefix.map { "\($0):\(name)" } ?? name, endLine: endLine)
    let location = SourceLocation(file: locator.file, line: tag.line, column: tag.column)

    // Counted first so each array is allocated once at its final size, not regrown.
    var attributes: [XMLAttribute] = []
    let attributeCount = Self.count(node.pointee.properties)
    attributes.reserveCapacity(attributeCount)
    // A tag with many attributes is read once for all of them; finding each from the start of
    // the tag would be quadratic in their number.
    let scanned =
      attributeCount > 16 ? locator.attributes(ofTagAtLine: tag.line, byteOffset: tag.byteOffset) : nil
    var attribute = node.pointee.properties
    while let current = attribute {
      let local = String(cString: current.pointee.name)
      let attrPrefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
      let qualified = attrPrefix.map { "\($0):\(local)" } ?? local
      let position =
        scanned.map { $0[qualified] }
        ?? locator.attribute(qualified, fromLine: tag.line, byteOffset: tag.byteOffset)
      attributes.append(
        XMLAttribute(
          name: attrPrefix == "xml" ? qualified : local,
          namespace: uri(of: current.pointee.ns),
          value: XMLElementView.value(of: current, in: node),
          location: position.map { SourceLocation(file: locator.file, line: $0.line, column: $0.column) }
            ?? location))
      attribute = current.pointee.next
    }

    var content: [XMLContent] = []
    content.reserveCapacity(Self.contentCount(node))
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        content.append(.element(convert(current)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let raw = current.pointee.content { content.append(.text(String(cString: raw))) }
      default:
        break
      }
      child = current.pointee.next
    }
    return XMLElement(
      name: name, namespace: namespace, attributes: attributes, content: content, location: location)
  }

  private static func count(_ first: xmlAttrPtr?) -> Int {
    var count = 0
    var attribute = first
    while let current = attribute {
      count += 1
      attribute = current.pointee.next
    }
    return count
  }

  /// How many children become `XMLContent`: elements, and text that has content.
  private static func contentCount(_ node: xmlNodePtr) -> Int {
    var count = 0
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: count += 1
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: if current.pointee.content != nil { count += 1 }
      default: break
      }
      child = current.pointee.next
    }
    return count
  }

}
