/// A1-style cell references: `C12` is column 3, row 12.
public enum CellReference {
  /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384

  /// The column letters for a 1-based column number (`1` → `A`, `28` → `AB`).
  public static func columnName(_ column: Int) -> String {
    var number = column
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }

  /// `Sheet1!C12` style text for a 1-based row and column (column 0: the whole row, `Sheet1!12:12`).
  public static func describe(sheet: String, row: Int, column: Int) -> String {
    column > 0 ? "\(sheet)!\(columnName(column))\(row)" : "\(sheet)!\(row):\(row)"
  }

  /// Parses the letters and digits of a reference (`AB12`, `$C$3`) into 1-based column and row.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var index = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: "$") { index += 1 }
    while index < bytes.count {
      let byte = bytes[index] | 0x20
      guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
      column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
      if column > maxColumns { return nil }
      index += 1
    }
    while index < bytes.count, bytes[index] == UInt8(ascii: "$") { index += 1 }
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      row = row * 10 + Int(byte - UInt8(ascii: "0"))
      if row > maxRows { return nil }
      index += 1
    }
    return column > 0 && row > 0 ? (column, row) : nil
  }

  /// Parses `A1:C3` into its corners, or nil.
  static func parseRange(_ text: String) -> (first: (column: Int, row: Int), last: (column: Int, row: Int))? {
    let parts = text.split(separator: ":").map(String.init)
    guard let first = parts.first else { return nil }
    let last = parts.count == 2 ? parts[1] : first
    func cell(_ text: String) -> (column: Int, row: Int)? {
      var copy = text
      return copy.withUTF8 { parse($0) }
    }
    guard let a = cell(first), let b = cell(last) else { return nil }
    return ((min(a.column, b.column), min(a.row, b.row)), (max(a.column, b.column), max(a.row, b.row)))
  }
}
