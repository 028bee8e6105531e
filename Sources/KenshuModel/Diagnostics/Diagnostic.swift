/// How serious a problem is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  /// The word printed before a message: `error` / `エラー`.
  public func label(in language: MessageLanguage) -> String {
    switch (self, language) {
    case (_, .en): rawValue
    case (.error, .ja): "エラー"
    case (.warning, .ja): "警告"
    case (.note, .ja): "注記"
    }
  }
}

/// A place in a source file. Lines and columns are 1-based; 0 means "unknown".
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  /// `file:line:column`, leaving out the parts that are unknown, as compilers print it; for a
  /// sheet of a spreadsheet (file `book.xlsx [Sheet1]`) the cell as Excel names it,
  /// `book.xlsx [Sheet1!C12]` (or the row, `book.xlsx [Sheet1!12:12]`).
  public var description: String {
    if line > 0, file.hasSuffix("]"), let open = file.range(of: " [", options: .backwards) {
      let sheet = file[open.upperBound..<file.index(before: file.endIndex)]
      if !sheet.contains("!") {
        let cell = column > 0 ? "\(Self.columnLetters(column))\(line)" : "\(line):\(line)"
        return "\(file[..<open.upperBound])\(sheet)!\(cell)]"
      }
    }
    var text = file
    if line > 0 {
      text += ":\(line)"
      if column > 0 { text += ":\(column)" }
    }
    return text
  }

  /// Spreadsheet column letters for a 1-based column (`1` → `A`, `28` → `AB`).
  static func columnLetters(_ column: Int) -> String {
    var number = column
    var letters: [Character] = []
    while number > 0 {
      letters.append(Character(Unicode.Scalar(UInt8(65 + (number - 1) % 26))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }
}

/// One problem found in a user's files: errors are data, collected rather than thrown.
///
/// `code` is a stable, documented identifier (see `docs/diagnostics.md`) so that tools and
/// tests can match on it; `message` is plain language and may change. `message` and `hint` are
/// the English wording; `japanese` the Japanese one, which every diagnostic made from the
/// catalogue (`MessageTemplate`) has. Printing picks one with `wording(in:)`.
public struct Diagnostic: Sendable, Hashable, Codable {
  public var severity: Severity
  public var code: String
  public var location: SourceLocation
  public var message: String
  /// A suggestion for how to fix the problem, when there is one.
  public var hint: String?
  /// The message and hint in Japanese.
  public var japanese: Wording?

  public init(
    _ severity: Severity, code: String, at location: SourceLocation, _ message: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// A diagnostic worded in both languages.
  public init(_ severity: Severity, code: String, at location: SourceLocation, _ text: Bilingual) {
    self.init(severity, code: code, at: location, text.en.message, hint: text.en.hint)
    japanese = text.ja
  }

  /// A diagnostic from the catalogue: `template`'s code, worded from `arguments` in both languages.
  public init<Arguments>(
    _ severity: Severity, _ template: MessageTemplate<Arguments>, _ arguments: Arguments,
    at location: SourceLocation
  ) {
    self.init(severity, code: template.code, at: location, template(arguments))
  }

  public static func error<Arguments>(
    _ template: MessageTemplate<Arguments>, _ arguments: Arguments, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(.error, template, arguments, at: location)
  }

  public static func warning<Arguments>(
    _ template: MessageTemplate<Arguments>, _ arguments: Arguments, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(.warning, template, arguments, at: location)
  }

  public static func note<Arguments>(
    _ template: MessageTemplate<Arguments>, _ arguments: Arguments, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(.note, template, arguments, at: location)
  }

  /// The message and hint in `language` (English where a diagnostic has no Japanese wording).
  public func wording(in language: MessageLanguage) -> Wording {
    if language == .ja, let japanese { return japanese }
    return Wording(message, hint: hint)
  }

  /// Both wordings, for carrying a diagnostic's text into another one.
  public var bilingual: Bilingual {
    Bilingual(ja: wording(in: .ja), en: wording(in: .en))
  }

  public static func error(
    _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code: code, at: location, message, hint: hint)
  }

  public static func warning(
    _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code: code, at: location, message, hint: hint)
  }

  /// The one-line, compiler-style rendering: `file:line:col: error: message (hint)`.
  public var formatted: String { formatted(in: .en) }

  /// The one-line, compiler-style rendering in `language`: `file:line:col: error: message (hint)`,
  /// `file:line:col: エラー: message（hint）`. The location and code stay as they are.
  public func formatted(in language: MessageLanguage) -> String {
    "\(location.description): \(severity.label(in: language)): \(wording(in: language).joined(in: language))"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by file, line and column, keeping the original order for ties.
  ///
  /// Sorts small keys (the file's rank among the distinct file names, line, column, position)
  /// instead of the diagnostics themselves, whose every move retained and released their
  /// strings and whose every comparison compared file names: `referenceSortedByLocation` is
  /// what this replaces, and a test compares the two.
  public func sortedByLocation() -> [Diagnostic] {
    // Names are ranked by `String`'s own order and equality (so names that are canonically
    // equivalent share a rank, as they compare equal). Neighbours nearly always share a file:
    // the previous name is tried before the dictionary.
    var firstSeen: [String: Int] = [:]
    var names: [String] = []
    var keys: [(file: Int, line: Int, column: Int, index: Int)] = []
    keys.reserveCapacity(count)
    var previous: (name: String, rank: Int)?
    for (index, diagnostic) in enumerated() {
      let location = diagnostic.location
      let rank: Int
      if let previous, previous.name == location.file {
        rank = previous.rank
      } else if let known = firstSeen[location.file] {
        rank = known
      } else {
        rank = names.count
        firstSeen[location.file] = rank
        names.append(location.file)
      }
      previous = (location.file, rank)
      keys.append((rank, location.line, location.column, index))
    }
    // Insertion ranks → ranks in name order.
    var order = [Int](repeating: 0, count: names.count)
    for (position, rank) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() {
      order[rank] = position
    }
    for position in keys.indices { keys[position].file = order[keys[position].file] }
    keys.sort { a, b in (a.file, a.line, a.column, a.index) < (b.file, b.line, b.column, b.index) }
    return keys.map { self[$0.index] }
  }

  /// `sortedByLocation` as first written: the reference it is tested against.
  func referenceSortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      a.element.location == b.element.location
        ? a.offset < b.offset : a.element.location < b.element.location
    }.map(\.element)
  }
}
