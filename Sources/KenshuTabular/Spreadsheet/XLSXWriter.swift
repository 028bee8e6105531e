import Foundation
import KenshuModel
import ZIPFoundation

/// One table to write as a sheet: the first row is the header.
public struct XLSXSheet: Sendable, Hashable {
  /// The tab name (shortened to Excel's 31 characters, `[]:*?/\` replaced, made unique).
  public var name: String
  public var rows: [[String]]
  /// Columns (0-based) that hold what people wrote — free-text answers, names, ids, labels —
  /// and so are always string cells, whatever their text looks like: an answer typed `1e+05`
  /// or `12` is kept as typed, not turned into the number 100000 or 12. The other columns hold
  /// figures Kenshu computed, written as numbers when they read as one (`XLSXWriter.isNumber`).
  public var textColumns: Set<Int>

  public init(name: String, rows: [[String]], textColumns: Set<Int> = []) {
    self.name = name
    self.rows = rows
    self.textColumns = textColumns
  }
}

/// Writes tables as an .xlsx workbook for people who live in Excel: one sheet per table, the
/// header row bold and frozen, column widths fitted to the text (East Asian wide characters
/// count two, `DisplayWidth`), numbers as numbers.
///
/// A cell is a number only when its column holds figures (not one of the sheet's
/// `textColumns`, which hold what people wrote) and its text is a plain decimal as Kenshu writes
/// numbers (`12`, `-3`, `4.25`, `1.2e-05`); anything else — ids with leading zeros (`007`),
/// `12.5%`, `<5`, `1,000` — is text.
/// Text is always an inline string, never a formula, so nothing in a cell can run. The CSV
/// formula guard still applies, in Excel's own form: text that Excel would take for a formula
/// if the cell were edited (`=`, `+`, `-`, `@`, tab or CR first; see
/// `FormulaGuard.looksLikeFormula`) gets the `quotePrefix` style, Excel's leading apostrophe, so
/// that it is shown and kept as text — the same cells the CSV writer guards, without changing
/// the text itself.
public enum XLSXWriter {
  /// The workbook's bytes.
  public static func data(sheets: [XLSXSheet]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    func add(_ path: String, _ text: String) throws {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    let names = sheetNames(sheets.map(\.name))
    try add("[Content_Types].xml", contentTypes(count: sheets.count))
    try add("_rels/.rels", rootRelationships)
    try add("xl/workbook.xml", workbook(names))
    try add("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count))
    try add("xl/styles.xml", styles)
    for (index, sheet) in sheets.enumerated() {
      try add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.rows, textColumns: sheet.textColumns))
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }

  /// Excel's rules for tab names: at most 31 characters, none of `[]:*?/\`, unique (case-blind).
  static func sheetNames(_ names: [String]) -> [String] {
    var used: Set<String> = []
    return names.enumerated().map { index, name in
      var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
      if clean.trimmingCharacters(in: .whitespaces).isEmpty { clean = "Sheet\(index + 1)" }
      var candidate = clean
      var number = 2
      while used.contains(candidate.lowercased()) {
        let suffix = " (\(number))"
        candidate = String(clean.prefix(31 - suffix.count)) + suffix
        number += 1
      }
      used.insert(candidate.lowercased())
      return candidate
    }
  }

  /// Whether `text` is written as a number: a plain decimal without leading zeros, or a decimal
  /// in the exponent form Swift prints for very small or large values (`1.2e-05`, `1e+16`:
  /// p-values of a table). The exponent must be lowercase `e` with a sign, so a code such as
  /// `1E5` or `2e3` (a room, a form version) stays text, as typed.
  static func isNumber(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let integer = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
    guard !integer.isEmpty, integer.count <= 15, integer.first != 0x30 || integer.count == 1 else {
      return false
    }
    var rest = bytes.dropFirst(integer.count)
    if rest.isEmpty { return true }
    if rest.first == UInt8(ascii: ".") {
      let fraction = rest.dropFirst().prefix { $0 >= 0x30 && $0 <= 0x39 }
      guard !fraction.isEmpty else { return false }
      rest = rest.dropFirst(1 + fraction.count)
      if rest.isEmpty { return Double(text) != nil }
    }
    guard rest.first == UInt8(ascii: "e") else { return false }
    rest = rest.dropFirst()
    guard rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") else { return false }
    let exponent = rest.dropFirst()
    guard !exponent.isEmpty, exponent.count <= 3, exponent.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let value = Double(text)
    else { return false }
    return value.isFinite
  }

  /// Text for an XML text node: escaped, and the control characters XML 1.0 cannot hold
  /// written as OOXML's `_xHHHH_` escapes (which the reader decodes).
  static func cellText(_ text: String) -> String {
    var clean = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0xFFFE
        || scalar.value == 0xFFFF
      {
        clean += String(format: "_x%04X_", scalar.value)
      } else {
        clean.unicodeScalars.append(scalar)
      }
    }
    return Markup.escape(clean)
  }

  static func worksheet(_ rows: [[String]], textColumns: Set<Int> = []) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 4, count: columns)
    for row in rows.prefix(2000) {
      for (column, text) in row.enumerated() {
        let widest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        widths[column] = max(widths[column], min(widest + 2, 80))
      }
    }
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(mainNamespace)\">"
    xml += "<sheetViews><sheetView workbookViewId=\"0\">"
    if rows.count > 1 {
      xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
    }
    xml += "</sheetView></sheetViews>"
    if columns > 0 {
      xml += "<cols>"
      for (index, width) in widths.enumerated() {
        xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    for (rowIndex, row) in rows.enumerated() {
      let number = rowIndex + 1
      xml += "<row r=\"\(number)\">"
      for (column, text) in row.enumerated() where !text.isEmpty {
        let reference = CellReference.columnName(column + 1) + String(number)
        let header = rowIndex == 0
        if !header && !textColumns.contains(column) && isNumber(text) {
          xml += "<c r=\"\(reference)\"><v>\(text)</v></c>"
        } else {
          let style = header ? 1 : FormulaGuard.looksLikeFormula(Substring(text).utf8) ? 2 : 0
          xml += "<c r=\"\(reference)\"\(style > 0 ? " s=\"\(style)\"" : "") t=\"inlineStr\">"
          xml += "<is><t xml:space=\"preserve\">\(cellText(text))</t></is></c>"
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData></worksheet>"
    return xml
  }

  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func contentTypes(count: Int) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for index in 1...max(count, 1) where count > 0 {
      xml +=
        "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return xml + "</Types>"
  }

  static let rootRelationships =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  static func workbook(_ names: [String]) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
    for (index, name) in names.enumerated() {
      xml += "<sheet name=\"\(Markup.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    return xml + "</sheets></workbook>"
  }

  static func workbookRelationships(count: Int) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for index in 0..<count {
      xml +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    xml +=
      "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    return xml + "</Relationships>"
  }

  /// Style 0 plain, 1 bold header, 2 text kept as text (`quotePrefix`, the formula guard).
  static let styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"\(mainNamespace)\">"
    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"游ゴシック\"/></font><font><b/><sz val=\"11\"/><name val=\"游ゴシック\"/></font></fonts>"
    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\" applyNumberFormat=\"1\"/></cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"
}
