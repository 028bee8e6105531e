import CLibXML2
import Foundation

/// Process-wide libxml2 set-up done once: initialise the parser and install an external entity
/// loader that refuses everything.
///
/// Kenshu reads every file itself and hands libxml2 bytes, so libxml2 never needs to open a file
/// or URL: no external entities, DTDs or XIncludes are ever loaded, whatever a document asks for
/// (`XML_PARSE_NONET` alone would only block libxml2's own HTTP/FTP client).
public enum XMLSafety {
  private static let setUp: Void = {
    xmlInitParser()
    // Registering the RELAX NG datatype libraries is not thread-safe, and a second registration
    // prints to stderr; do it once here, before any worker thread compiles a schema.
    _ = xmlRelaxNGInitTypes()
    xmlSetExternalEntityLoader(refuseExternalEntity)
    // Nothing may reach stderr through the generic handler either.
    xmlSetGenericErrorFunc(nil, nil)
  }()

  /// Idempotent; called by every entry point of this module.
  public static func ensureSetUp() { _ = setUp }

  /// Parse options used for every document: never substitute entities (`XML_PARSE_NOENT` is
  /// misnamed and would *enable* it), never load a DTD, never lift the size and depth limits
  /// (`XML_PARSE_HUGE`), no network, big line numbers, CDATA merged into text.
  static let parseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
  )
}

private func refuseExternalEntity(
  _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
  nil
}
