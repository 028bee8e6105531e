import Foundation
import KenshuModel
import KenshuXML

/// Reads typed attribute values, reporting malformed ones as located diagnostics.
/// Missing required attributes are reported once by `StructureCheck`, so these readers
/// stay quiet about absence and only judge values that are present.
struct ValueReader {
  var diagnostics: [Diagnostic] = []

  mutating func string(_ element: XMLElement, _ name: String) -> String? {
    guard let value = element.attribute(name) else { return nil }
    let trimmed = normalizeXMLText(value)
    return trimmed.isEmpty ? nil : trimmed
  }

  mutating func identifier(_ element: XMLElement, _ name: String = "id") -> String? {
    guard let value = element.attribute(name) else { return nil }
    if !isValidIdentifier(value) {
      diagnostics.append(
        .error(
          "invalid-id", at: element.location(ofAttribute: name),
          "\(element.displayLabel): \(name) \"\(value)\" is not a valid id",
          hint: "use ASCII letters, digits, '-' and '_', starting with a letter (ids appear in URLs)"))
    }
    return value
  }

  mutating func identifierList(_ element: XMLElement, _ name: String) -> [String] {
    guard let value = element.attribute(name) else { return [] }
    return value.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
  }

  mutating func duration(_ element: XMLElement, _ name: String = "duration") -> Int? {
    guard let value = element.attribute(name) else { return nil }
    guard let minutes = parseISODurationMinutes(value.trimmingCharacters(in: .whitespaces)) else {
      diagnostics.append(
        .error(
          "invalid-duration", at: element.location(ofAttribute: name),
          "\(element.displayLabel): duration \"\(value)\" is not an ISO 8601 duration in whole minutes",
          hint: "e.g. duration=\"PT30M\", \"PT1H\" or \"PT1H30M\""))
      return nil
    }
    return minutes
  }

  mutating func clockTime(_ element: XMLElement, _ name: String) -> ClockTime? {
    guard let value = element.attribute(name) else { return nil }
    guard let time = ClockTime(parsing: value.trimmingCharacters(in: .whitespaces)) else {
      diagnostics.append(
        .error(
          "invalid-time", at: element.location(ofAttribute: name),
          "\(element.displayLabel): \(name) \"\(value)\" is not a clock time", hint: "write HH:MM, e.g. 13:30"))
      return nil
    }
    return time
  }

  mutating func date(_ element: XMLElement, _ name: String = "date") -> String? {
    guard let value = element.attribute(name) else { return nil }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard isValidISODate(trimmed) else {
      diagnostics.append(
        .error(
          "invalid-date", at: element.location(ofAttribute: name),
          "\(element.displayLabel): \(name) \"\(value)\" is not a date", hint: "write YYYY-MM-DD, e.g. 2026-10-17"))
      return nil
    }
    return trimmed
  }

  mutating func integer(_ element: XMLElement, _ name: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = element.attribute(name) else { return nil }
    guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
      diagnostics.append(
        .error(
          "invalid-number", at: element.location(ofAttribute: name),
          "\(element.displayLabel): \(name) \"\(value)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
      return nil
    }
    return number
  }

  mutating func decimal(_ element: XMLElement, _ name: String) -> Double? {
    guard let value = element.attribute(name) else { return nil }
    guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
      diagnostics.append(
        .error(
          "invalid-number", at: element.location(ofAttribute: name),
          "\(element.displayLabel): \(name) \"\(value)\" is not a number"))
      return nil
    }
    return number
  }

  /// Booleans are enumerated in the schema; anything but "true" is false.
  func flag(_ element: XMLElement, _ name: String, default defaultValue: Bool = false) -> Bool {
    element.attribute(name).map { $0 == "true" } ?? defaultValue
  }

  mutating func professions(_ element: XMLElement, _ name: String) -> [Profession] {
    guard let value = element.attribute(name) else { return [] }
    var result: [Profession] = []
    for token in value.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "、" || $0 == "・" }) {
      if let profession = Profession(parsing: String(token)) {
        if !result.contains(profession) { result.append(profession) }
      } else {
        let suggestion = closestName(String(token), among: Profession.allCases.map(\.rawValue))
        diagnostics.append(
          .error(
            "unknown-profession", at: element.location(ofAttribute: name),
            "\(element.displayLabel): unknown profession \"\(token)\"",
            hint: suggestion.map { "did you mean \($0)?" } ?? "see docs/reference/professions.md"))
      }
    }
    return result
  }

  mutating func language(_ element: XMLElement) -> String? {
    guard let value = element.attribute("xml:lang") else { return nil }
    if !isValidLanguageTag(value) {
      diagnostics.append(
        .error(
          "invalid-language", at: element.location(ofAttribute: "xml:lang"),
          "\(element.displayLabel): xml:lang \"\(value)\" is not a valid language tag",
          hint: "use \"ja\" or \"en\" (BCP 47)"))
    } else if !["ja", "en"].contains(value.lowercased().prefix(2)) {
      diagnostics.append(
        .warning(
          "unsupported-language", at: element.location(ofAttribute: "xml:lang"),
          "\(element.displayLabel): xml:lang \"\(value)\" has no translated interface; pages use Japanese labels"))
    }
    return value
  }

  /// Markdown from `src` or inline text (not both, and not neither when `required`).
  mutating func markdown(_ element: XMLElement, textOf textElement: XMLElement? = nil, required: Bool = true)
    -> MarkdownBlock?
  {
    let inline = (textElement ?? element).markdownText
    if let src = element.attribute("src") {
      if !inline.isEmpty {
        diagnostics.append(
          .error(
            "src-and-text", at: element.location(ofAttribute: "src"),
            "\(element.displayLabel) has both src and inline text", hint: "keep one of them"))
      }
      return MarkdownBlock(.file(src), location: element.location(ofAttribute: "src"))
    }
    if inline.isEmpty {
      if required {
        diagnostics.append(
          .error(
            "missing-text", at: element.location, "\(element.displayLabel) is empty",
            hint: "write Markdown inside it or give src=\"file.md\" under content/"))
      }
      return nil
    }
    return MarkdownBlock(.inline(inline), location: element.location)
  }
}

extension XMLElement {
  /// Inline Markdown: the element's own text with the common indentation removed, so that
  /// Markdown written indented inside XML keeps its structure.
  var markdownText: String {
    let raw = content.compactMap { item -> String? in
      if case .text(let text) = item { return text }
      return nil
    }.joined()
    var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    let indent =
      lines.filter { !$0.allSatisfy(\.isWhitespace) }
      .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
    return lines.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }
      .joined(separator: "\n")
  }

  /// The element's own text (not its children's), normalised.
  var ownText: String {
    normalizeXMLText(
      content.compactMap { item -> String? in
        if case .text(let text) = item { return text }
        return nil
      }.joined())
  }
}

/// ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.
func isValidIdentifier(_ text: String) -> Bool {
  guard let first = text.unicodeScalars.first, first.isASCII,
    CharacterSet.alphanumerics.contains(first), text.count <= 100
  else { return false }
  return text.unicodeScalars.allSatisfy {
    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
  }
}

func isValidISODate(_ text: String) -> Bool {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
    let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
  else { return false }
  let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]
}

/// A structural check of BCP 47: a 2–3 letter language, then subtags of 1–8 letters/digits.
func isValidLanguageTag(_ text: String) -> Bool {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard let language = parts.first, (2...3).contains(language.count),
    language.allSatisfy({ $0.isASCII && $0.isLetter })
  else { return false }
  return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
}
