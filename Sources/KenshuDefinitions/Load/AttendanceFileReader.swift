import Foundation
import KenshuModel
import KenshuXML

/// What reading one attendance file on its own produced.
public struct AttendanceFileRead: Sendable {
  /// The record; nil when the file has errors (it is then never to be overwritten unread).
  public var record: AttendanceRecord?
  /// The file's own problems (syntax, schema, values), as a project load would report them.
  public var diagnostics: [Diagnostic]
}

/// Reads one `<attendance>` file outside a project load, with the same parser, schema and
/// checks as the loader. A writer that shares the file with other processes reads it again
/// under its lock before changing it (`AttendanceRecordFile`), so that what another process
/// wrote since the project was loaded is kept rather than overwritten.
public enum AttendanceFileReader {
  /// The record in `url`; `displayName` names the file in diagnostics.
  public static func read(_ url: URL, displayName: String) -> AttendanceFileRead {
    // Compiled per read: a compiled schema is not shared between threads, and records are
    // read once per update (a check-in, an import), not in bulk.
    let schema = try? RelaxNGSchema(bytes: EmbeddedSchema.bytes)
    let loaded = DocumentLoader(schema: schema).load(url, displayName: displayName)
    guard !loaded.diagnostics.hasErrors else {
      return AttendanceFileRead(record: nil, diagnostics: loaded.diagnostics)
    }
    guard case .attendance(let record) = loaded.definition else {
      return AttendanceFileRead(
        record: nil,
        diagnostics: loaded.diagnostics + [
          .error(Catalogue.attendanceUnreadable, displayName, at: SourceLocation(file: displayName))
        ])
    }
    return AttendanceFileRead(record: record, diagnostics: loaded.diagnostics)
  }
}
