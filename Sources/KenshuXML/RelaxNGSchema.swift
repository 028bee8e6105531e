import CLibXML2
import KenshuModel

/// A compiled RELAX NG schema (XML syntax). Owns the libxml2 structure and frees it.
///
/// Not safe to share between threads while validating: give each thread its own instance.
public final class RelaxNGSchema: @unchecked Sendable {
  private let schema: xmlRelaxNGPtr

  /// Compiles a schema from its text. Throws the schema's own errors as diagnostics.
  public init(bytes: [UInt8], path: String = "kenshu.rng") throws(SchemaCompileError) {
    XMLSafety.ensureSetUp()
    guard !bytes.isEmpty else {
      let missing = Diagnostic.error(Catalogue.schemaEmpty, (), at: SourceLocation(file: path))
      throw SchemaCompileError(diagnostics: [missing])
    }
    let collector = XMLErrorCollector(file: path, locator: SourceLocator(bytes: bytes, file: path))
    let compiled: xmlRelaxNGPtr? = collector.capturing {
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
          guard let parser = xmlRelaxNGNewMemParserCtxt(chars, Int32(buffer.count)) else { return nil }
          defer { xmlRelaxNGFreeParserCtxt(parser) }
          xmlRelaxNGSetParserStructuredErrors(parser, kenshuValidationErrorHandler, collector.contextPointer)
          return xmlRelaxNGParse(parser)
        }
      }
    }
    guard let compiled else { throw SchemaCompileError(diagnostics: collector.diagnostics) }
    schema = compiled
  }

  deinit { xmlRelaxNGFree(schema) }

  func validate(_ document: xmlDocPtr, collector: XMLErrorCollector) {
    guard let context = xmlRelaxNGNewValidCtxt(schema) else { return }
    defer { xmlRelaxNGFreeValidCtxt(context) }
    xmlRelaxNGSetValidStructuredErrors(context, kenshuValidationErrorHandler, collector.contextPointer)
    _ = collector.capturing { xmlRelaxNGValidateDoc(context, document) }
  }
}

/// The schema itself is broken (a bug in Kenshu or in a user-supplied schema).
public struct SchemaCompileError: Error, Sendable {
  public var diagnostics: [Diagnostic]
}
