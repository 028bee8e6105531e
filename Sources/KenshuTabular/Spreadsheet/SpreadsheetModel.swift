import KenshuModel

/// One sheet of a workbook as listed in it.
public struct SpreadsheetSheet: Sendable, Hashable {
  /// The tab name.
  public var name: String
  /// Hidden (or "very hidden") sheets are never chosen by default.
  public var hidden: Bool
  /// The part that holds it (xlsx), empty for ods.
  var part: String = ""
}

/// Bounds on what one sheet may hold, so that a hostile or broken file fails quickly.
public struct SpreadsheetLimits: Sendable, Hashable {
  /// Cells with a value.
  public var cells: Int = 20_000_000
  /// Columns (Excel's own limit).
  public var columns: Int = CellReference.maxColumns
  /// Rows (Excel's own limit).
  public var rows: Int = CellReference.maxRows

  public init() {}
}

/// A located reason why a spreadsheet cannot be read, worded from the catalogue.
struct SpreadsheetProblem: Error {
  var code: String
  var location: SourceLocation
  var text: Bilingual

  init(code: String, location: SourceLocation, text: Bilingual) {
    self.code = code
    self.location = location
    self.text = text
  }

  init<Arguments>(_ template: MessageTemplate<Arguments>, _ arguments: Arguments, at location: SourceLocation)
  {
    self.init(code: template.code, location: location, text: template(arguments))
  }

  /// A limit of the archive was hit while reading one of its parts.
  init(file: String, archiveFailure failure: SpreadsheetArchive.Failure) {
    self.init(
      code: failure.code, location: SourceLocation(file: "\(file) [\(failure.part)]"), text: failure.text)
  }

  var diagnostic: Diagnostic { Diagnostic(.error, code: code, at: location, text) }
}

extension SpreadsheetProblem {
  /// A part's XML could not be read: libxml2's first problem, under a spreadsheet code (both
  /// readers, .xlsx and .ods, report a broken part the same way).
  init(parsingProblem first: Diagnostic) {
    self.init(
      code: first.code == "xml-doctype" ? "spreadsheet-doctype" : "spreadsheet-xml", location: first.location,
      text: first.bilingual)
  }
}

/// The non-empty rows of a sheet (each record's `line` is its row number, its fields start at
/// column A) and its merged ranges.
struct SheetGrid {
  struct Merge: Hashable {
    var first: (column: Int, row: Int)
    var last: (column: Int, row: Int)

    static func == (lhs: Merge, rhs: Merge) -> Bool {
      lhs.first == rhs.first && lhs.last == rhs.last
    }
    func hash(into hasher: inout Hasher) {
      hasher.combine(first.column)
      hasher.combine(first.row)
      hasher.combine(last.column)
      hasher.combine(last.row)
    }
  }
  var rows: [CSVRecord] = []
  var merges: [Merge] = []
}
