import Foundation
import KenshuModel
import KenshuXML

/// What one definition file holds.
enum Definition: Sendable {
  case programme(Programme)
  case module(SelfStudyModule)
  case survey(Survey)
  case roster(Roster)
  case attendance(AttendanceRecord)
  case followUp(FollowUpRecord)
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
  static let maximumFileSize = 20_000_000

  func load(_ url: URL, displayName: String) -> LoadedDocument {
    let location = SourceLocation(file: displayName)
    switch Self.readRegularFile(atPath: url.path) {
    case .contents(let bytes): return load(bytes: bytes, displayName: displayName)
    case .tooLarge:
      return LoadedDocument(
        definition: nil,
        diagnostics: [
          .error(Catalogue.fileTooLarge, (), at: location)
        ])
    case .unreadable:
      return LoadedDocument(
        definition: nil, diagnostics: [.error(Catalogue.fileUnreadable, (), at: location)])
    case .notRegular: break
    }
    let bytes: [UInt8]
    do {
      // One open for size and contents: FileManager's attributes cost several system calls
      // and an owner-name lookup per file, which showed in the benchmark.
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      if try handle.seekToEnd() > UInt64(Self.maximumFileSize) {
        return LoadedDocument(
          definition: nil,
          diagnostics: [
            .error(Catalogue.fileTooLarge, (), at: location)
          ])
      }
      try handle.seek(toOffset: 0)
      bytes = [UInt8](try handle.readToEnd() ?? Data())
    } catch {
      return LoadedDocument(
        definition: nil, diagnostics: [.error(Catalogue.fileUnreadable, (), at: location)])
    }
    return load(bytes: bytes, displayName: displayName)
  }

  private enum FileContents {
    case contents([UInt8])
    case tooLarge
    case unreadable
    /// Not a regular file (or not found by `stat`): left to FileHandle, as before.
    case notRegular
  }

  /// Reads a regular file with one `open`, `fstat` and `read` straight into the byte array:
  /// FileHandle and Data cost more than the system calls themselves for 1,000 small files.
  private static func readRegularFile(atPath path: String) -> FileContents {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .notRegular }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
    let size = Int(status.st_size)
    if size > maximumFileSize { return .tooLarge }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }  // An empty file.
      while filled < size {
        let count = read(descriptor, base + filled, size - filled)
        if count < 0, errno == EINTR { continue }
        if count < 0 { return false }
        if count == 0 { break }  // The file shrank while being read: keep what is there.
        filled += count
      }
      return true
    }
    guard complete else { return .unreadable }
    if filled < size { bytes.removeSubrange(filled...) }
    return .contents(bytes)
  }

  func load(bytes: [UInt8], displayName: String) -> LoadedDocument {
    // The model is read from libxml2's tree in place, while the document is alive.
    readXML(bytes, path: displayName, schema: schema) { load(parsed: $0) }
  }

  private func load(parsed: XMLDocumentView) -> LoadedDocument {
    guard let root = parsed.root else {
      return LoadedDocument(definition: nil, diagnostics: parsed.diagnostics)
    }

    var structural: [Diagnostic] = []
    guard root.namespace == kenshuNamespace else {
      return LoadedDocument(
        definition: nil,
        diagnostics: parsed.diagnostics.filter { $0.code != "schema" }
          + [
            .error(Catalogue.rootNotInNamespace, (root.name, kenshuNamespace), at: root.location)
          ])
    }
    guard let spec = model.spec(forChild: root.name, of: nil) else {
      let roots = model.roots.compactMap { model.elements[$0]?.name }.map { "<\($0)>" }
      return LoadedDocument(
        definition: nil,
        diagnostics: [
          .error(Catalogue.unknownRoot, (root.name, roots), at: root.location)
        ])
    }
    // The structure check explains schema failures in plain language; when libxml2 has
    // validated the file against the same schema without complaint there is nothing to
    // explain, and skipping it saves a walk over every element.
    if schema == nil || parsed.diagnostics.contains(where: { $0.code == "schema" }) {
      // The rare path: a copy of the whole tree, which the check walks freely.
      StructureCheck(schema: model).check(root.copy(), spec: spec, into: &structural)
    }

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
      case "attendance": .attendance(reader.attendance(root))
      case "followup": .followUp(reader.followUp(root))
      case "glossary": .glossary(reader.glossary(root))
      case "site": .site(reader.site(root), root.location)
      default: nil
      }
    return LoadedDocument(definition: definition, diagnostics: diagnostics + reader.diagnostics)
  }
}
