import Foundation
import KenshuModel
import KenshuXML

/// Reads typed attribute values, reporting malformed ones as located diagnostics.
/// Missing required attributes are reported once by `StructureCheck`, so these readers
/// stay quiet about absence and only judge values that are present.
struct ValueReader {
  var diagnostics: [Diagnostic] = []

  mutating func string(_ element: XMLElementView, _ name: String) -> String? {
    guard let value = element.attribute(name) else { return nil }
    let trimmed = normalizeXMLText(value)
    return trimmed.isEmpty ? nil : trimmed
  }

  mutating func identifier(_ element: XMLElementView, _ name: String = "id") -> String? {
    guard let value = element.attribute(name) else { return nil }
    if !isValidIdentifier(value) {
      diagnostics.append(
        .error(
          Catalogue.invalidID, (element.displayLabel, name, value), at: element.location(ofAttribute: name)))
    }
    return value
  }

  mutating func identifierList(_ element: XMLElementView, _ name: String) -> [String] {
    guard let value = element.attribute(name) else { return [] }
    return tokens(value, separatedBy: [","])
  }

  mutating func duration(_ element: XMLElementView, _ name: String = "duration") -> Int? {
    guard let value = element.attribute(name) else { return nil }
    if let minutes = parseISODurationMinutes(trimmedSpaces(value)) { return minutes }
    if let understood = halfWidth(element, name, value, parse: parseISODurationMinutes) { return understood }
    diagnostics.append(
      .error(
        Catalogue.invalidDuration, (element.displayLabel, value), at: element.location(ofAttribute: name)))
    return nil
  }

  mutating func clockTime(_ element: XMLElementView, _ name: String) -> ClockTime? {
    guard let value = element.attribute(name) else { return nil }
    if let time = ClockTime(parsing: trimmedSpaces(value)) { return time }
    if let understood = halfWidth(element, name, value, parse: { ClockTime(parsing: $0) }) {
      return understood
    }
    diagnostics.append(
      .error(
        Catalogue.invalidTime, (element.displayLabel, name, value), at: element.location(ofAttribute: name)))
    return nil
  }

  mutating func date(_ element: XMLElementView, _ name: String = "date") -> String? {
    guard let value = element.attribute(name) else { return nil }
    let trimmed = trimmedSpaces(value)
    if isValidISODate(trimmed) { return trimmed }
    if let understood = halfWidth(element, name, value, parse: { isValidISODate($0) ? $0 : nil }) {
      return understood
    }
    diagnostics.append(
      .error(
        Catalogue.invalidDate, (element.displayLabel, name, value), at: element.location(ofAttribute: name)))
    return nil
  }

  mutating func integer(_ element: XMLElementView, _ name: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = element.attribute(name) else { return nil }
    let inRange = { (text: String) -> Int? in Int(text).flatMap { range.contains($0) ? $0 : nil } }
    if let number = inRange(trimmedSpaces(value)) { return number }
    if let understood = halfWidth(element, name, value, parse: inRange) { return understood }
    diagnostics.append(
      .error(
        Catalogue.numberOutOfRange, (element.displayLabel, name, value, range.lowerBound, range.upperBound),
        at: element.location(ofAttribute: name)))
    return nil
  }

  mutating func decimal(_ element: XMLElementView, _ name: String) -> Double? {
    guard let value = element.attribute(name) else { return nil }
    let finite = { (text: String) -> Double? in Double(text).flatMap { $0.isFinite ? $0 : nil } }
    if let number = finite(trimmedSpaces(value)) { return number }
    if let understood = halfWidth(element, name, value, parse: finite) { return understood }
    diagnostics.append(
      .error(
        Catalogue.notANumber, (element.displayLabel, name, value), at: element.location(ofAttribute: name)))
    return nil
  }

  /// A value typed with full-width digits, letters or colons (`１１：２０`, `ＰＴ６０Ｍ`, common with a
  /// Japanese input method), read in its half-width form (Unicode NFKC) when that form is valid;
  /// a warning says what was understood. Nil when the half-width form is no better.
  private mutating func halfWidth<Value>(
    _ element: XMLElementView, _ name: String, _ value: String, parse: (String) -> Value?
  ) -> Value? {
    let normalized = trimmedSpaces(value.precomposedStringWithCompatibilityMapping)
    guard normalized != trimmedSpaces(value), let parsed = parse(normalized) else { return nil }
    diagnostics.append(
      .warning(
        Catalogue.fullWidthValue, (element.displayLabel, name, value, normalized),
        at: element.location(ofAttribute: name)))
    return parsed
  }

  /// Booleans are enumerated in the schema; anything but "true" is false.
  func flag(_ element: XMLElementView, _ name: String, default defaultValue: Bool = false) -> Bool {
    element.attribute(name).map { $0 == "true" } ?? defaultValue
  }

  mutating func professions(_ element: XMLElementView, _ name: String) -> [Profession] {
    guard let value = element.attribute(name) else { return [] }
    var result: [Profession] = []
    for token in tokens(value, separatedBy: [",", "、", "・"]) {
      // Only a three-letter token can lower-case to "all"; 全職種 has no case.
      if token == "全職種" || (token.utf8.count == 3 && token.lowercased() == "all") {
        result = Profession.allCases
        continue
      }
      if let profession = exactProfessions[String(token)] ?? Profession(parsing: String(token)) {
        if !result.contains(profession) { result.append(profession) }
      } else {
        let suggestion = closestName(String(token), among: Profession.allCases.map(\.rawValue))
        diagnostics.append(
          .error(
            Catalogue.unknownProfession, (element.displayLabel, String(token), suggestion),
            at: element.location(ofAttribute: name)))
      }
    }
    return result
  }

  mutating func language(_ element: XMLElementView) -> String? {
    guard let value = element.attribute("xml:lang") else { return nil }
    if !isValidLanguageTag(value) {
      diagnostics.append(
        .error(
          Catalogue.invalidLanguage, (element.displayLabel, value),
          at: element.location(ofAttribute: "xml:lang")))
    } else if !["ja", "en"].contains(value.lowercased().prefix(2)) {
      diagnostics.append(
        .warning(
          Catalogue.unsupportedLanguage, (element.displayLabel, value),
          at: element.location(ofAttribute: "xml:lang")))
    }
    return value
  }

  /// Markdown from `src` or inline text (not both, and not neither when `required`).
  mutating func markdown(
    _ element: XMLElementView, textOf textElement: XMLElementView? = nil, required: Bool = true
  )
    -> MarkdownBlock?
  {
    let (inline, inlineLocation) = (textElement ?? element).inlineMarkdown
    // Only elements whose schema allows xml:lang (<content>) can carry one.
    let textLanguage = element.attribute("xml:lang") != nil ? language(element) : nil
    if let src = element.attribute("src") {
      if !inline.isEmpty {
        diagnostics.append(
          .error(Catalogue.srcAndText, element.displayLabel, at: element.location(ofAttribute: "src")))
      }
      return MarkdownBlock(.file(src), location: element.location(ofAttribute: "src"), language: textLanguage)
    }
    if inline.isEmpty {
      if required {
        diagnostics.append(.error(Catalogue.emptyText, element.displayLabel, at: element.location))
      }
      return nil
    }
    return MarkdownBlock(.inline(inline), location: inlineLocation, language: textLanguage)
  }
}

extension XMLElementView {
  /// Inline Markdown: the element's own text with the common indentation removed, so that
  /// Markdown written indented inside XML keeps its structure; and where it begins in the file
  /// (see `inlineMarkdown(_:elementLocation:)`).
  var inlineMarkdown: (text: String, location: SourceLocation) {
    KenshuDefinitions.inlineMarkdown(directText, elementLocation: location)
  }

  /// The element's own text (not its children's), normalised.
  var ownText: String { normalizeXMLText(directText) }
}

extension XMLElement {
  /// `inlineMarkdown(_:elementLocation:)` of the element's own text, as for `XMLElementView`.
  var inlineMarkdown: (text: String, location: SourceLocation) {
    var raw = ""
    for case .text(let text) in content { raw += text }
    return KenshuDefinitions.inlineMarkdown(raw, elementLocation: location)
  }
}

/// Inline Markdown from an element's own text `raw`: the common indentation removed, and where
/// the text begins in the file (the line of its first non-blank line and the column its removed
/// indentation ends at; column 0 when the text starts on the start tag's own line, at
/// `elementLocation`). Lines are handled as byte ranges of one buffer: indentation is ASCII, and
/// walking Characters (later, arrays of line slices) was the loader's hot spot.
func inlineMarkdown(_ raw: String, elementLocation location: SourceLocation) -> (
  text: String, location: SourceLocation
) {
  var raw = raw
  let sameLine = SourceLocation(file: location.file, line: location.line, column: 0)
  // One line (titles, notes, answer keys): no line table, and usually no copy at all.
  let oneLine = raw.withUTF8 { bytes -> (blank: Bool, indent: Int)? in
    guard !bytes.contains(0x0A) else { return nil }
    return (isBlank(bytes, 0..<bytes.count), bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count)
  }
  if let oneLine {
    if oneLine.blank { return ("", sameLine) }
    return (oneLine.indent == 0 ? raw : String(Substring(raw.utf8.dropFirst(oneLine.indent))), sameLine)
  }
  let (text, leadingBlank, indent, isEmpty) = raw.withUTF8 { bytes in
    // Lines as ranges, split at LF (XML has turned CRLF into LF).
    var lines: [Range<Int>] = []
    var lineStart = 0
    for index in 0..<bytes.count where bytes[index] == 0x0A {
      lines.append(lineStart..<index)
      lineStart = index + 1
    }
    lines.append(lineStart..<bytes.count)
    let blank = lines.map { isBlank(bytes, $0) }
    let leadingBlank = blank.prefix { $0 }.count
    var last = lines.count
    while last > leadingBlank, blank[last - 1] { last -= 1 }
    var indent = Int.max
    for line in leadingBlank..<last where !blank[line] {
      var width = 0
      while width < lines[line].count,
        bytes[lines[line].lowerBound + width] == 0x20 || bytes[lines[line].lowerBound + width] == 0x09
      {
        width += 1
      }
      indent = min(indent, width)
    }
    if indent == Int.max { indent = 0 }
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count)
    for line in leadingBlank..<last {
      if line > leadingBlank { text.append(0x0A) }
      if !blank[line] {
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lines[line].dropFirst(indent)]))
      }
    }
    return (String(decoding: text, as: UTF8.self), leadingBlank, indent, leadingBlank == last)
  }
  let start =
    leadingBlank > 0 && !isEmpty
    ? SourceLocation(file: location.file, line: location.line + leadingBlank, column: indent + 1)
    : SourceLocation(file: location.file, line: location.line, column: 0)
  return (text, start)
}

/// ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.
func isValidIdentifier(_ text: String) -> Bool {
  // Bytes, not Foundation's CharacterSet: for ASCII, `alphanumerics` is exactly [A-Za-z0-9],
  // and looking the set up per scalar was a visible cost of reading every id. Every accepted
  // byte is one character, so the byte count is the character count.
  let bytes = text.utf8
  guard let first = bytes.first, isASCIIAlphanumeric(first), bytes.count <= 100 else { return false }
  return bytes.allSatisfy { isASCIIAlphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
}

private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
  (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
}

func isValidISODate(_ text: String) -> Bool {
  var text = text
  guard
    let (y, m, d) = text.withUTF8({ bytes -> (Int, Int, Int)? in
      // Three parts split at `-`, of 4, 2 and 2 characters, each read as `Int` reads it (an
      // optional `+`, then digits), on the bytes: splitting and converting Substrings cost
      // thousands of instructions per date.
      var values = (0, 0, 0)
      var part = 0
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "-") {
        guard part < 3, let value = isoDatePart(bytes, start..<index, length: part == 0 ? 4 : 2) else {
          return nil
        }
        switch part {
        case 0: values.0 = value
        case 1: values.1 = value
        default: values.2 = value
        }
        part += 1
        start = index + 1
      }
      return part == 3 ? values : nil
    }),
    (1...12).contains(m), d >= 1
  else { return false }
  let days = [
    31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
  ]
  return d <= days[m - 1]
}

/// One part of a date: exactly `length` bytes, an optional `+` and at least one ASCII digit.
private func isoDatePart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, length: Int) -> Int? {
  guard range.count == length else { return nil }
  var index = range.lowerBound
  if bytes[index] == UInt8(ascii: "+") { index += 1 }
  guard index < range.upperBound else { return nil }
  var value = 0
  while index < range.upperBound {
    let digit = bytes[index] &- 0x30
    guard digit < 10 else { return nil }
    value = value * 10 + Int(digit)
    index += 1
  }
  return value
}

/// A structural check of BCP 47: a 2–3 letter language, then subtags of 1–8 letters/digits.
func isValidLanguageTag(_ text: String) -> Bool {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard let language = parts.first, (2...3).contains(language.count),
    language.allSatisfy({ $0.isASCII && $0.isLetter })
  else { return false }
  return parts.dropFirst().allSatisfy {
    (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }
}

/// A line holding only white space (ASCII, or any Unicode white space such as 全角スペース).
private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
  for index in line {
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D { continue }
    // A visible ASCII character, or the first byte of a non-ASCII one: look at scalars only then.
    if byte < 0x80 { return false }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self).unicodeScalars
      .allSatisfy {
        $0.isASCII ? $0 == " " || $0 == "\t" || $0 == "\r" : $0.properties.isWhitespace
      }
  }
  return true
}

/// Ids, labels and aliases exactly as written → profession. Tried before `Profession(parsing:)`,
/// whose Unicode normalisation is costly and only needed for variant spellings (全角, case).
private let exactProfessions: [String: Profession] = {
  var table: [String: Profession] = [:]
  for profession in Profession.allCases {
    for name in [profession.rawValue, profession.japaneseLabel, profession.englishLabel] + profession.aliases
    where table[name] == nil && Profession(parsing: name) == profession {
      table[name] = profession
    }
  }
  return table
}()

/// `text` without leading and trailing white space (as `trimmingCharacters(in: .whitespaces)`),
/// skipping Foundation when both ends are visible ASCII, which is nearly always: Foundation's
/// trimming was a hot spot of the loader.
func trimmedSpaces(_ text: String) -> String {
  let isVisibleASCII: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
  if let first = text.utf8.first, let last = text.utf8.last, isVisibleASCII(first), isVisibleASCII(last) {
    return text
  }
  return text.trimmingCharacters(in: .whitespaces)
}

/// The words of a list-valued attribute, split at white space and at `separators`. Works on
/// Unicode scalars: splitting Characters was a hot spot of the loader.
func tokens(_ value: String, separatedBy separators: [Unicode.Scalar]) -> [String] {
  // ASCII values (ids, profession ids), nearly all of them: bytes are scalars, so the words
  // are the runs of bytes between separators, made into strings straight from the buffer.
  var value = value
  let ascii = value.withUTF8 { bytes -> [String]? in
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    var words: [String] = []
    var start = 0
    for index in 0...bytes.count {
      let atEnd = index == bytes.count
      if atEnd || isASCIISpace(bytes[index]) || separators.contains(Unicode.Scalar(bytes[index])) {
        if index > start {
          words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
        start = index + 1
      }
    }
    return words
  }
  if let ascii { return ascii }
  return value.unicodeScalars.split {
    ($0.isASCII ? $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" : $0.properties.isWhitespace)
      || separators.contains($0)
  }.map { String(String.UnicodeScalarView($0)) }
}

private func isASCIISpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
