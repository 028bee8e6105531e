import Foundation
import KenshuModel
import KenshuTabular

/// Which roster field each CSV header fills: the default mapping (`RosterField.defaultHeaders`)
/// plus overrides from a `--map` file.
///
/// ## The `--map` file
/// A small CSV (UTF-8 or CP932, like any of our inputs), one override per line, `column,field`:
/// ```
/// # column,field     (lines starting with # are comments; a "column,field" header is allowed)
/// 受講者コード,id
/// 勤務先名称,organisation
/// 備考,ignore
/// ```
/// `column` is the header as it appears in the roster (compared after normalisation); `field` is
/// a `RosterField` raw value (`id`, `name`, `family-name`, `given-name`, `kana`,
/// `family-name-kana`, `given-name-kana`, `profession`, `organisation`, `prefecture`,
/// `municipality`, `roles`, `email`, `keep-apart`, `pre-learning`, `group-work`, `completion`,
/// `follow-up`, `ran-local-training`, `qualifications`) or `ignore`. An override wins over the default mapping.
public struct RosterColumnMap: Sendable, Hashable {
  /// Overrides, keyed by normalised header.
  public var overrides: [String: RosterField]

  public init(overrides: [String: RosterField] = [:]) {
    self.overrides = overrides.reduce(into: [:]) { $0[Table.normalizedHeader($1.key)] = $1.value }
  }

  /// Reads a `--map` file's text; bad lines become located errors and are skipped.
  public static func parse(_ text: String, file: String) -> (map: RosterColumnMap, diagnostics: [Diagnostic])
  {
    var overrides: [String: RosterField] = [:]
    var diagnostics: [Diagnostic] = []
    for record in CSVParser(file: file).parse(text).records where !record.isBlank {
      let column = record.value(at: 0) ?? ""
      if column.hasPrefix("#") { continue }
      let fieldName = record.value(at: 1) ?? ""
      if Profession.normalizedKey(column) == "column" && Profession.normalizedKey(fieldName) == "field" {
        continue
      }
      guard let field = RosterField(mapName: fieldName) else {
        diagnostics.append(
          .error(
            Catalogue.rosterMapUnknownField, (fieldName, RosterField.allCases.map(\.rawValue)),
            at: SourceLocation(file: file, line: record.line)))
        continue
      }
      overrides[Table.normalizedHeader(column)] = field
    }
    return (RosterColumnMap(overrides: overrides), diagnostics)
  }

  /// Reads a `--map` file from disk (any encoding `Table` reads). Unreadable → an error diagnostic.
  public static func read(contentsOf url: URL) -> (map: RosterColumnMap, diagnostics: [Diagnostic]) {
    let file = url.relativePath
    guard let data = try? Data(contentsOf: url) else {
      return (
        RosterColumnMap(),
        [
          .error(Catalogue.rosterMapUnreadable, (), at: SourceLocation(file: file))
        ]
      )
    }
    let decoded = DecodedText(decoding: data, file: file)
    let parsed = parse(decoded.text, file: file)
    return (parsed.map, decoded.diagnostics + parsed.diagnostics)
  }

  /// The field for a header: an override, else the default mapping, else nil (unmapped).
  public func field(forHeader header: String) -> RosterField? {
    let key = Table.normalizedHeader(header)
    if let field = overrides[key] { return field }
    return Self.defaultLookup[key]
  }

  private static let defaultLookup: [String: RosterField] = {
    var table: [String: RosterField] = [:]
    for field in RosterField.allCases {
      for header in [field.rawValue] + field.defaultHeaders where table[Table.normalizedHeader(header)] == nil
      {
        table[Table.normalizedHeader(header)] = field
      }
    }
    return table
  }()
}
