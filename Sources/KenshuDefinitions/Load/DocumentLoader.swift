import Foundation
import KenshuModel
import KenshuXML

/// What one definition file holds.
enum Definition: Sendable {
  case programme(Programme)
  case module(SelfStudyModule)
  case survey(Survey)
  case roster(Roster)
  case glossary([GlossaryTerm])
  case site(SiteSettings, SourceLocation)
}

struct LoadedDocument: Sendable {
  var definition: Definition?
  var diagnostics: [Diagnostic]
}

/// Reads one definition file: bytes → libxml2 (safe options, RELAX NG) → structure check →
/// model value. Synchronous, one thread, so libxml2's per-thread error handler is safe.
struct DocumentLoader {
  let schema: RelaxNGSchema?
  var model: SchemaModel { EmbeddedSchema.model }

  /// Files larger than this are refused before parsing: no course definition comes close.
  static let maximumFileSize = 20 * 1024 * 1024

  func load(_ url: URL, displayName: String) -> LoadedDocument {
    let location = SourceLocation(file: displayName)
    let bytes: [UInt8]
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if let size = attributes[.size] as? Int, size > Self.maximumFileSize {
        return LoadedDocument(
          definition: nil,
          diagnostics: [.error("xml-too-large", at: location, "the file is over 20 MB; definitions are never this large")])
      }
      bytes = [UInt8](try Data(contentsOf: url))
    } catch {
      return LoadedDocument(
        definition: nil, diagnostics: [.error("file-unreadable", at: location, "cannot read the file")])
    }
    return load(bytes: bytes, displayName: displayName)
  }

  func load(bytes: [UInt8], displayName: String) -> LoadedDocument {
    let parsed = readXML(bytes, path: displayName, schema: schema)
    guard let root = parsed.root else { return LoadedDocument(definition: nil, diagnostics: parsed.diagnostics) }

    var structural: [Diagnostic] = []
    guard root.namespace == kenshuNamespace else {
      let hint = "the root element needs xmlns=\"\(kenshuNamespace)\""
      return LoadedDocument(
        definition: nil,
        diagnostics: parsed.diagnostics.filter { $0.code != "schema" }
          + [.error("wrong-namespace", at: root.location, "<\(root.name)> is not in the Kenshu namespace", hint: hint)])
    }
    guard let spec = model.spec(forChild: root.name, of: nil) else {
      let roots = model.roots.compactMap { model.elements[$0]?.name }.map { "<\($0)>" }
      return LoadedDocument(
        definition: nil,
        diagnostics: [
          .error(
            "unknown-root", at: root.location, "<\(root.name)> cannot be the root of a Kenshu file",
            hint: "use one of " + roots.joined(separator: ", "))
        ])
    }
    StructureCheck(schema: model).check(root, spec: spec, into: &structural)

    // libxml2's RELAX NG messages cascade and stop at the first failure in a subtree; the
    // structure check reports the same problems plainly. Keep the schema's own messages only
    // when the structure check found nothing, so a file is never accepted that the schema rejects.
    var diagnostics = parsed.diagnostics
    if structural.hasErrors { diagnostics.removeAll { $0.code == "schema" } }
    diagnostics += structural

    var reader = ValueReader()
    let definition: Definition? =
      switch root.name {
      case "programme": .programme(reader.programme(root))
      case "module": .module(reader.module(root))
      case "survey": .survey(reader.survey(root))
      case "roster": .roster(reader.roster(root))
      case "glossary": .glossary(reader.glossary(root))
      case "site": .site(reader.site(root), root.location)
      default: nil
      }
    return LoadedDocument(definition: definition, diagnostics: diagnostics + reader.diagnostics)
  }
}
