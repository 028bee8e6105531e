import CLibXML2
import Foundation
import KenshuModel

/// A compiled W3C XML Schema (XSD), for checking documents Kenshu writes for other systems
/// (e.g. a SCORM package's `imsmanifest.xml`). Owns the libxml2 structure and frees it.
///
/// Not safe to share between threads while validating.
public final class XMLSchemaValidator: @unchecked Sendable {
  private let schema: xmlSchemaPtr

  /// Compiles the schema at `url`; the files it imports are read from the same folder.
  public init(contentsOf url: URL) throws(SchemaCompileError) {
    XMLSafety.allowSchemaFolder(url.deletingLastPathComponent())
    let path = url.standardizedFileURL.resolvingSymlinksInPath().path
    let collector = XMLErrorCollector(file: url.lastPathComponent, locator: nil)
    let compiled: xmlSchemaPtr? = collector.capturing {
      guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
      defer { xmlSchemaFreeParserCtxt(parser) }
      xmlSchemaSetParserStructuredErrors(parser, kenshuValidationErrorHandler, collector.contextPointer)
      return xmlSchemaParse(parser)
    }
    guard let compiled else {
      var diagnostics = collector.diagnostics
      if diagnostics.isEmpty {
        diagnostics.append(
          .error(
            Catalogue.xsdMessage, "cannot compile the schema", at: SourceLocation(file: url.lastPathComponent)
          ))
      }
      throw SchemaCompileError(diagnostics: diagnostics)
    }
    schema = compiled
  }

  deinit { xmlSchemaFree(schema) }

  /// Parses `bytes` safely and validates them; every parser and schema problem is returned.
  public func validate(_ bytes: [UInt8], path: String) -> [Diagnostic] {
    XMLSafety.ensureSetUp()
    let locator = SourceLocator(bytes: bytes, file: path)
    let collector = XMLErrorCollector(file: path, locator: locator)
    let document = collector.capturing { XMLSafety.parse(bytes, path: path) }
    guard let document else {
      var diagnostics = collector.diagnostics
      if !diagnostics.hasErrors {
        diagnostics.append(
          .error(Catalogue.unreadableAsXML, (), at: SourceLocation(file: path)))
      }
      return diagnostics
    }
    defer { xmlFreeDoc(document) }
    guard let context = xmlSchemaNewValidCtxt(schema) else { return collector.diagnostics }
    defer { xmlSchemaFreeValidCtxt(context) }
    xmlSchemaSetValidStructuredErrors(context, kenshuValidationErrorHandler, collector.contextPointer)
    _ = collector.capturing { xmlSchemaValidateDoc(context, document) }
    return collector.diagnostics
  }
}
