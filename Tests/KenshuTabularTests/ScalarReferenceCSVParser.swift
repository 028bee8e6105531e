import KenshuModel

@testable import KenshuTabular

/// The first CSV reader, which walked decoded Unicode scalars one at a time. It is slow but
/// plainly correct, so it stays here as the oracle the byte-level `CSVParser` is compared with
/// on generated and hostile inputs.
struct ScalarReferenceCSVParser: Sendable {
  var separator: FieldSeparator
  var file: String

  init(separator: FieldSeparator = .comma, file: String = "") {
    self.separator = separator
    self.file = file
  }

  /// Splits `text` into records.
  func parse(_ text: String) -> CSVDocument {
    var scanner = Scanner(scalars: Array(text.unicodeScalars), separator: separator.scalar)
    var records: [CSVRecord] = []
    var diagnostics: [Diagnostic] = []
    var rejectedLines: [Int] = []
    while !scanner.isAtEnd {
      switch scanner.nextRecord() {
      case .record(let record, let warnings):
        for line in warnings {
          diagnostics.append(
            .warning(Catalogue.textAfterQuote, (), at: SourceLocation(file: file, line: line)))
        }
        if !(record.fields.count == 1 && record.fields[0].isEmpty && !scanner.lastFieldWasQuoted) {
          records.append(record)
        }
      case .unterminated(let line):
        rejectedLines.append(line)
        diagnostics.append(
          .error(Catalogue.unterminatedQuote, (), at: SourceLocation(file: file, line: line)))
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
        fields.append(FormulaGuard.unguarded(String(field)))
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
