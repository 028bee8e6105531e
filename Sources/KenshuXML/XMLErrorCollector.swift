import CLibXML2
import KenshuModel

/// Receives libxml2's structured errors during one synchronous parse or validation, so that
/// nothing is printed to stderr behind the caller's back and every problem becomes a Diagnostic.
final class XMLErrorCollector {
  let file: String
  let locator: SourceLocator?
  private(set) var diagnostics: [Diagnostic] = []
  /// What `diagnostics` holds, for saying each problem once in constant time per error.
  private var seen: Set<Diagnostic> = []
  /// Set once a parser limit is reported (see `receive`).
  private var stoppedAtLimit = false
  /// Set once the parser has reported a fatal syntax error (see `receive`).
  private var stoppedAtSyntaxError = false
  /// Codes of the parser limits, after which nothing more is said.
  static let limitCodes: Set<String> = ["xml-node-too-large", "xml-too-deep"]
  /// Turns libxml2's terse messages into plain language.
  let rewrite: (XMLRawError) -> RewrittenError?

  init(
    file: String, locator: SourceLocator?, rewrite: @escaping (XMLRawError) -> RewrittenError? = { _ in nil }
  ) {
    self.file = file
    self.locator = locator
    self.rewrite = rewrite
  }

  func append(_ diagnostic: Diagnostic) {
    seen.insert(diagnostic)
    diagnostics.append(diagnostic)
  }

  fileprivate func receive(_ error: UnsafePointer<xmlError>) {
    // After a parser limit, libxml2 goes on with three or four errors that only follow from it
    // ("Memory allocation failed", "attributes construct error", tag mismatches): the limit is
    // the one problem to report.
    if stoppedAtLimit { return }
    let raw = XMLRawError(error, locator: locator)
    // After a fatal syntax error the document is not well-formed and will not be used; what
    // libxml2 says next (a missing end tag, "attributes construct error", "Extra content")
    // follows from that first mistake, so only the first one is reported: one message per
    // root cause. Fix it and validate again to see the next.
    let isParserError =
      raw.domain == Int32(XML_FROM_PARSER.rawValue) || raw.domain == Int32(XML_FROM_NAMESPACE.rawValue)
    if isParserError, stoppedAtSyntaxError { return }
    if isParserError, raw.level == XML_ERR_FATAL { stoppedAtSyntaxError = true }
    let severity: Severity = raw.level == XML_ERR_WARNING ? .warning : .error
    // Some encoding errors come without a line; every diagnostic must point somewhere.
    var location = SourceLocation(file: file, line: max(raw.line, 1), column: raw.column)
    let diagnostic: Diagnostic
    if let rewritten = rewrite(raw) {
      if let column = rewritten.column { location.column = column }
      if Self.limitCodes.contains(rewritten.code) {
        stoppedAtLimit = true
        // libxml2's column for an oversized value is somewhere inside it, not a useful place.
        location.column = 0
      }
      diagnostic = Diagnostic(severity, code: rewritten.code, at: location, rewritten.text)
    } else {
      diagnostic = Diagnostic(severity, raw.quotedTemplate, raw.message, at: location)
    }
    // libxml2 repeats some errors (one per input chunk or entity level); say each once.
    if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
  }

  /// Runs `body` with this collector receiving the current thread's libxml2 errors.
  /// `body` must stay synchronous: the handler is per thread.
  func capturing<T>(_ body: () -> T) -> T {
    let context = Unmanaged.passUnretained(self).toOpaque()
    xmlSetStructuredErrorFunc(context, kenshuStructuredError)
    defer { xmlSetStructuredErrorFunc(nil, kenshuSilentError) }
    return withExtendedLifetime(self) { body() }
  }

  var contextPointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// The parts of a libxml2 error Kenshu uses, copied out of the C struct.
struct XMLRawError {
  var domain: Int32
  var code: Int32
  var level: xmlErrorLevel
  var message: String
  var line: Int
  var column: Int
  /// Name of the element the error is about, when libxml2 gives a node.
  var elementName: String?
  var str1: String?
  var str2: String?
  /// libxml2's integer detail: the line an unclosed element was opened at, a character value.
  var int1: Int

  init(_ error: UnsafePointer<xmlError>, locator: SourceLocator?) {
    let e = error.pointee
    domain = e.domain
    code = e.code
    level = e.level
    message = e.message.map { String(cString: $0) }?.trimmingTrailingNewlines() ?? "unknown XML error"
    str1 = e.str1.map { String(cString: $0) }
    str2 = e.str2.map { String(cString: $0) }
    int1 = Int(e.int1)
    line = Int(e.line)
    column = Int(e.int2)
    if let raw = e.node {
      let node = raw.assumingMemoryBound(to: xmlNode.self)
      if node.pointee.type == XML_ELEMENT_NODE {
        let name = String(cString: node.pointee.name)
        elementName = name
        let nodeLine = Int(xmlGetLineNo(node))
        let qualified = node.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" + name } ?? name
        if let locator {
          let found = locator.startTag(qualified, endLine: nodeLine)
          line = found.line
          column = found.column
        } else {
          line = nodeLine
          column = 0
        }
      }
    }
  }

  /// The template that quotes libxml2's own message under `defaultCode`.
  var quotedTemplate: MessageTemplate<String> {
    switch Int(domain) {
    case Int(XML_FROM_RELAXNGV.rawValue), Int(XML_FROM_RELAXNGP.rawValue): Catalogue.schemaMessage
    case Int(XML_FROM_SCHEMASV.rawValue), Int(XML_FROM_SCHEMASP.rawValue): Catalogue.xsdMessage
    case Int(XML_FROM_IO.rawValue): Catalogue.ioMessage
    default: Catalogue.parserMessage
    }
  }

  var defaultCode: String {
    switch Int(domain) {
    case Int(XML_FROM_RELAXNGV.rawValue), Int(XML_FROM_RELAXNGP.rawValue): "schema"
    case Int(XML_FROM_SCHEMASV.rawValue), Int(XML_FROM_SCHEMASP.rawValue): "xsd"
    case Int(XML_FROM_IO.rawValue): "xml-io"
    default: "xml-syntax"
    }
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var text = self
    while let last = text.last, last == "\n" || last == " " { text.removeLast() }
    return text
  }
}

private func kenshuStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().receive(error)
}

/// Swallows errors raised outside a capture (there should be none; never print them).
private func kenshuSilentError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}

/// The structured-error callback for validation contexts, which take their own handler.
let kenshuValidationErrorHandler: xmlStructuredErrorFunc = { context, error in
  kenshuStructuredError(context, error)
}
