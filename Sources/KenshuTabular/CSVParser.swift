import KenshuModel

/// A reader for comma- (or tab-) separated text: RFC 4180 plus what real exports do.
///
/// We use this small state machine rather than yaslab/CSV.swift or swiftcsv/SwiftCSV because
/// neither reports the physical line where a record starts (needed for `roster.csv:57: error`
/// when earlier cells contain line breaks), neither decodes CP932, and neither recovers from an
/// unterminated quote with a located error. The rules:
/// - records end at CR LF, LF or a lone CR; each counts as one physical line;
/// - a field that starts with `"` is quoted: it may contain separators, line breaks and `""`
///   (one quote); line breaks inside it are normalised to "\n";
/// - text after a closing quote (`"abc"def`) is kept, with a `csv-text-after-quote` warning;
///   a quote inside an unquoted field (`5"`) is kept as is;
/// - empty physical lines are skipped (they hold no data; trailing ones are common);
/// - a quote that is never closed is an error (`csv-unterminated-quote`) at the line where its
///   record starts; that record is rejected and reading resumes on the next physical line after
///   the opening quote, so one stray quote costs one row, not the rest of the file.
public struct CSVParser: Sendable {
  public var separator: FieldSeparator
  /// The file name used in diagnostics.
  public var file: String

  public init(separator: FieldSeparator = .comma, file: String = "") {
    self.separator = separator
    self.file = file
  }

  /// Splits `text` into records.
  public func parse(_ text: String) -> CSVDocument {
    var scanner = Scanner(scalars: Array(text.unicodeScalars), separator: separator.scalar)
    var records: [CSVRecord] = []
    var diagnostics: [Diagnostic] = []
    var rejectedLines: [Int] = []
    while !scanner.isAtEnd {
      switch scanner.nextRecord() {
      case .record(let record, let warnings):
        for line in warnings {
          diagnostics.append(
            .warning(
              "csv-text-after-quote", at: SourceLocation(file: file, line: line),
              "閉じ引用符の後に文字があります / text after a closing quote was kept as part of the field"))
        }
        if !(record.fields.count == 1 && record.fields[0].isEmpty && !scanner.lastFieldWasQuoted) {
          records.append(record)
        }
      case .unterminated(let line):
        rejectedLines.append(line)
        diagnostics.append(
          .error(
            "csv-unterminated-quote", at: SourceLocation(file: file, line: line),
            "引用符 \" が閉じられていません。この行は読み込みません / a quoted field is never closed; the record is rejected",
            hint: "double quotes inside a field must be written as \"\""))
      }
    }
    return CSVDocument(records: records, rejectedLines: rejectedLines, diagnostics: diagnostics)
  }

  private enum Outcome {
    case record(CSVRecord, textAfterQuoteLines: [Int])
    case unterminated(line: Int)
  }

  /// Cursor over the scalars; kept private so the state machine's invariants stay in one place.
  private struct Scanner {
    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    var position = 0
    var line = 1
    var lastFieldWasQuoted = false

    init(scalars: [Unicode.Scalar], separator: Unicode.Scalar) {
      self.scalars = scalars
      self.separator = separator
    }

    var isAtEnd: Bool { position >= scalars.count }

    private func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    /// Consumes one line break (CR LF counts once) at `position`.
    private mutating func consumeLineBreak() {
      if scalars[position] == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" {
        position += 2
      } else {
        position += 1
      }
      line += 1
    }

    mutating func nextRecord() -> Outcome {
      let startLine = line
      var fields: [String] = []
      var afterQuote: [Int] = []
      while true {
        var field = String.UnicodeScalarView()
        lastFieldWasQuoted = false
        if position < scalars.count, scalars[position] == "\"" {
          lastFieldWasQuoted = true
          guard readQuoted(into: &field) else { return .unterminated(line: startLine) }
          if position < scalars.count, scalars[position] != separator, !isLineBreak(scalars[position]) {
            afterQuote.append(line)
          }
        }
        while position < scalars.count, scalars[position] != separator, !isLineBreak(scalars[position]) {
          field.append(scalars[position])
          position += 1
        }
        fields.append(String(field))
        if position >= scalars.count {
          return .record(CSVRecord(line: startLine, fields: fields), textAfterQuoteLines: afterQuote)
        }
        if scalars[position] == separator {
          position += 1
          continue
        }
        consumeLineBreak()
        return .record(CSVRecord(line: startLine, fields: fields), textAfterQuoteLines: afterQuote)
      }
    }

    /// Reads a quoted field starting at its opening quote. On success the cursor is just past the
    /// closing quote. When the quote is never closed, the cursor moves to the start of the line
    /// after the opening quote (or the end) and false is returned.
    private mutating func readQuoted(into field: inout String.UnicodeScalarView) -> Bool {
      let openingLine = line
      position += 1
      var resume: (position: Int, line: Int)?
      while position < scalars.count {
        let scalar = scalars[position]
        if scalar == "\"" {
          if position + 1 < scalars.count, scalars[position + 1] == "\"" {
            field.append("\"")
            position += 2
          } else {
            position += 1
            return true
          }
        } else if isLineBreak(scalar) {
          consumeLineBreak()
          field.append("\n")
          if resume == nil { resume = (position, line) }
        } else {
          field.append(scalar)
          position += 1
        }
      }
      if let resume {
        (position, line) = resume
      } else {
        line = openingLine
      }
      return false
    }
  }
}

/// The records of one delimited text, with what went wrong while splitting it.
public struct CSVDocument: Sendable, Hashable {
  /// Records in file order (empty physical lines left out).
  public var records: [CSVRecord]
  /// Start lines of records rejected because they could not be split (unterminated quote).
  public var rejectedLines: [Int]
  public var diagnostics: [Diagnostic]

  public init(records: [CSVRecord], rejectedLines: [Int] = [], diagnostics: [Diagnostic] = []) {
    self.records = records
    self.rejectedLines = rejectedLines
    self.diagnostics = diagnostics
  }
}
