import Foundation

/// What a file's first bytes say it is, before any attempt to read it as text.
public enum SpreadsheetFormat: String, Sendable, Hashable, Codable {
  /// Office Open XML workbook (Excel 2007 and later, Microsoft Forms, Google Sheets downloads).
  case xlsx
  /// OpenDocument spreadsheet (LibreOffice Calc).
  case ods
  /// The legacy binary Excel format (BIFF inside an OLE2 compound file, Excel 97–2003).
  case xls
  /// A zip file that is neither (a Word or PowerPoint file, an archive of CSV files…).
  case otherZip = "zip"

  /// The format of `data` judged by its magic bytes (and, for zip files, by the parts inside),
  /// or nil for anything that is not a spreadsheet container (text, then).
  public static func detect(_ data: Data) -> SpreadsheetFormat? {
    let head = [UInt8](data.prefix(8))
    if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .xls }
    // Local file header, or the end record of an empty archive.
    guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
      return nil
    }
    // An ODF package starts with an uncompressed `mimetype` entry; its name begins at offset 30.
    if let mimetype = odfMimetype(data), mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet")
    {
      return .ods
    }
    guard let archive = SpreadsheetArchive(data: data) else { return .otherZip }
    if archive.contains("xl/workbook.xml") { return .xlsx }
    // A workbook with its parts missing still says what it is in its content types.
    var parts = archive
    if let types = try? parts.data("[Content_Types].xml"),
      String(decoding: types, as: UTF8.self).contains("spreadsheetml")
    {
      return .xlsx
    }
    if archive.contains("content.xml") {
      var copy = archive
      if let mime = try? copy.data("mimetype"),
        String(decoding: mime, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet")
      {
        return .ods
      }
    }
    return .otherZip
  }

  /// The value of an ODF package's leading, stored `mimetype` entry, read straight from the
  /// first local header.
  private static func odfMimetype(_ data: Data) -> String? {
    let bytes = [UInt8](data.prefix(30 + 8 + 80))
    guard bytes.count > 38 else { return nil }
    let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
    let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
    let method = Int(bytes[8]) | Int(bytes[9]) << 8
    guard nameLength == 8, method == 0, String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype" else {
      return nil
    }
    let start = 38 + extraLength
    let size = Int(bytes[18]) | Int(bytes[19]) << 8 | Int(bytes[20]) << 16 | Int(bytes[21]) << 24
    guard size > 0, size < 80, start + size <= bytes.count else { return nil }
    return String(decoding: bytes[start..<(start + size)], as: UTF8.self)
  }
}
