import CLibXML2
import Foundation

/// Process-wide libxml2 set-up done once: initialise the parser and install an external entity
/// loader that refuses everything except files inside folders registered for XML Schemas.
///
/// Kenshu reads every file itself and hands libxml2 bytes, so libxml2 never needs to open a file
/// or URL: no external entities, DTDs or XIncludes are ever loaded, whatever a document asks for
/// (`XML_PARSE_NONET` alone would only block libxml2's own HTTP/FTP client). The one exception is
/// an XML Schema's own `xs:import`s, which are read from the schema's folder once it has been
/// registered with `allowSchemaFolder(_:)`.
public enum XMLSafety {
  private static let setUp: Void = {
    xmlInitParser()
    // Registering the RELAX NG datatype libraries is not thread-safe, and a second registration
    // prints to stderr; do it once here, before any worker thread compiles a schema.
    _ = xmlRelaxNGInitTypes()
    xmlSetExternalEntityLoader(loadOnlyFromSchemaFolders)
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

  /// The one `xmlReadMemory` call: `bytes` parsed with `parseOptions`, nothing loaded from
  /// anywhere; nil when libxml2 could not build a tree (its errors go to the caller's
  /// collector). The caller frees the document.
  static func parse(_ bytes: [UInt8], path: String) -> xmlDocPtr? {
    ensureSetUp()
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
          xmlReadMemory(chars, Int32(buffer.count), path, nil, parseOptions)
        }
      }
    }
  }
}

/// Folders an XML Schema may import from; nothing else is ever opened by libxml2.
final class SchemaFolders: @unchecked Sendable {
  static let shared = SchemaFolders()
  private var folders: Set<String> = []
  private let lock = NSLock()

  func allow(_ folder: URL) {
    let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
    lock.withLock { _ = folders.insert(path) }
  }

  /// The file path for `url` when it is a plain path or `file:` URL inside an allowed folder.
  func permittedPath(_ url: String) -> String? {
    var path = url
    if path.hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
    guard path.hasPrefix("/"), !path.contains("\0") else { return nil }
    let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    return lock.withLock { folders.contains { resolved.hasPrefix($0 + "/") } } ? resolved : nil
  }
}

extension XMLSafety {
  /// Lets XML Schemas in `folder` import the other schema files beside them.
  public static func allowSchemaFolder(_ folder: URL) {
    ensureSetUp()
    SchemaFolders.shared.allow(folder)
  }
}

private func loadOnlyFromSchemaFolders(
  _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
  guard let url, let path = SchemaFolders.shared.permittedPath(String(cString: url)) else { return nil }
  return xmlNewInputFromFile(context, path)
}
