import KenshuModel
import KenshuTabular

/// A data row that did not become a person, and why.
public struct RosterRejection: Sendable, Hashable, Codable {
  /// Physical line where the row starts.
  public var line: Int
  /// The diagnostic code of the error that rejected it (`roster-missing-name`, …).
  public var code: String
  public var reason: String

  public init(line: Int, code: String, reason: String) {
    self.line = line
    self.code = code
    self.reason = reason
  }
}

/// What a roster import did with every row: `rowsRead == rowsImported + rowsRejected` always
/// holds, so no row disappears silently. Blank rows (",,,,") are counted apart, not as read.
public struct RosterImportResult: Sendable, Hashable {
  public var roster: Roster
  /// Every problem found, sorted by location.
  public var diagnostics: [Diagnostic]
  /// Non-blank data rows in the file, including rows that could not even be split.
  public var rowsRead: Int
  public var rejections: [RosterRejection]
  /// Rows with no content at all, skipped.
  public var blankRows: Int
  /// The encoding the file was read in.
  public var encoding: TextEncoding?
  /// Each header and the field it filled (nil: not used).
  public var columns: [RosterColumn]

  public var rowsImported: Int { roster.people.count }
  public var rowsRejected: Int { rejections.count }

  /// One line for the terminal: `名簿: 361 行を読み込み、361 人を取り込み、0 行を除外 / read 361 rows: 361 imported, 0 rejected`.
  public var summaryLine: String { "\(summaryText.ja.message) / \(summaryText.en.message)" }

  /// The summary in both languages, for printing in one.
  public var summaryText: Bilingual {
    Bilingual(
      ja: "\(rowsRead) 行を読み込み、\(rowsImported) 人を取り込み、\(rowsRejected) 行を除外"
        + (blankRows > 0 ? "（空行 \(blankRows) 行は読み飛ばし）" : ""),
      en: "read \(rowsRead) rows: \(rowsImported) imported, \(rowsRejected) rejected"
        + (blankRows > 0 ? " (\(blankRows) blank rows skipped)" : ""))
  }

  public init(
    roster: Roster, diagnostics: [Diagnostic], rowsRead: Int, rejections: [RosterRejection],
    blankRows: Int = 0,
    encoding: TextEncoding? = nil, columns: [RosterColumn] = []
  ) {
    self.roster = roster
    self.diagnostics = diagnostics
    self.rowsRead = rowsRead
    self.rejections = rejections
    self.blankRows = blankRows
    self.encoding = encoding
    self.columns = columns
  }
}

/// A header of the imported file and the field it was read into.
public struct RosterColumn: Sendable, Hashable, Codable {
  public var header: String
  /// 1-based column number.
  public var column: Int
  /// nil when the column was not used (unknown header, or a second column for the same field).
  public var field: RosterField?

  public init(header: String, column: Int, field: RosterField?) {
    self.header = header
    self.column = column
    self.field = field
  }
}
