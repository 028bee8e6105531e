/// The apostrophe that keeps spreadsheets from running text as a formula (CSV injection), and
/// its exact inverse for Kenshu's own reader.
///
/// `CSVWriter` (with `guardsFormulas`) puts one `'` before a cell that a spreadsheet would
/// evaluate: it starts with `=`, `+`, `-`, `@`, a tab or a CR and is not simply a number. So that
/// a file Kenshu wrote reads back as the text it holds (`responses export` → `evaluate`, roster
/// export → `roster import`), `CSVParser` removes one `'` from a cell that consists of one or
/// more `'` followed by such text. For that to be lossless, the writer also prefixes a cell that
/// already starts with apostrophes followed by formula-like text (`'=1` is written `''=1`, which
/// Excel shows as `'=1`). Every other cell, `'-5` or `'abc` included, is read and written as is.
public enum FormulaGuard {
  static let apostrophe = UInt8(ascii: "'")

  /// Whether the writer puts an apostrophe before `field`.
  public static func needsGuard(_ field: String) -> Bool {
    let bytes = field.utf8
    guard let first = bytes.first else { return false }
    if first != apostrophe { return looksLikeFormula(bytes[...]) }
    return looksLikeFormula(bytes.drop { $0 == apostrophe })
  }

  /// `field` as the writer puts it in a file (before quoting).
  public static func guarded(_ field: String) -> String {
    needsGuard(field) ? "'" + field : field
  }

  /// The text a cell written by `guarded(_:)` came from: one apostrophe fewer when the cell is
  /// apostrophes followed by formula-like text, the cell itself otherwise.
  public static func unguarded(_ cell: String) -> String {
    let bytes = cell.utf8
    guard bytes.first == apostrophe, looksLikeFormula(bytes.drop { $0 == apostrophe }) else { return cell }
    return String(cell.dropFirst())
  }

  /// Text a spreadsheet would evaluate: it starts with `=`, `+`, `-`, `@`, a tab or a CR, and
  /// is not simply a number (`-5`, `+81` stay as they are).
  static func looksLikeFormula(_ field: Substring.UTF8View) -> Bool { looksLikeFormula(bytes: field) }

  /// `looksLikeFormula` of a field's UTF-8 bytes.
  static func looksLikeFormula<Bytes: Collection<UInt8>>(bytes field: Bytes) -> Bool {
    guard let first = field.first,
      first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    else { return false }
    // A signed decimal number, as written in data (digits, points, thousands commas).
    let body = field.dropFirst()
    let isNumber =
      (first == 0x2B || first == 0x2D) && body.contains { $0 >= 0x30 && $0 <= 0x39 }
      && body.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
    return !isNumber
  }
}
