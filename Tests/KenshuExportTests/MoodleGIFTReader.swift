import Foundation

/// What Moodle's GIFT importer (qformat_gift) would make of a file, for round-trip tests.
///
/// Written from Moodle's documented grammar and its reader's order of operations: questions are
/// separated by blank lines; lines starting with `//` are comments; `\\` `\:` `\#` `\=` `\{` `\}`
/// `\~` `\n` are escapes, replaced by placeholders *before* parsing and restored only in question
/// names, texts, answers and feedback (not in the `$CATEGORY:` line); `::name::`; the answer
/// section between the first `{` and the first `}`; general feedback after the last `####`;
/// `[format]` prefixes; multiple choice split at `~` (with `=` marking a 100% single answer and
/// `%N%` a weight, read once); true/false with `#wrong#right` feedback. Texts are trimmed as PHP's
/// `trim` does.
enum MoodleGIFTReader {
  struct Answer: Equatable {
    var text: String
    /// Percent, as written (`%50%` is 50; `=` is 100).
    var percent: Double
    var feedback: String
  }

  enum Item: Equatable {
    case category(String)
    case multichoice(name: String, text: String, single: Bool, answers: [Answer], generalFeedback: String)
    case trueFalse(
      name: String, text: String, answer: Bool, feedbackTrue: String, feedbackFalse: String,
      generalFeedback: String)
  }

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func read(_ file: String) throws -> [Item] {
    var items: [Item] = []
    var block: [String] = []
    for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = phpTrim(String(line))
      if trimmed.isEmpty {
        if !block.isEmpty { items += try readQuestion(block) }
        block = []
      } else {
        block.append(trimmed)
      }
    }
    if !block.isEmpty { items += try readQuestion(block) }
    return items
  }

  // Placeholders from the Unicode private-use area stand for escaped characters while parsing.
  private static let escapes: [(escaped: String, character: String, placeholder: String)] = [
    ("\\:", ":", "\u{E001}"), ("\\#", "#", "\u{E002}"), ("\\=", "=", "\u{E003}"),
    ("\\{", "{", "\u{E004}"), ("\\}", "}", "\u{E005}"), ("\\~", "~", "\u{E006}"),
    ("\\n", "\n", "\u{E007}"),
  ]
  private static let backslashPlaceholder = "\u{E000}"

  static func escapedCharPre(_ text: String) -> String {
    var text = text.replacingOccurrences(of: #"\\"#, with: backslashPlaceholder)
    for escape in escapes { text = text.replacingOccurrences(of: escape.escaped, with: escape.placeholder) }
    return text.replacingOccurrences(of: backslashPlaceholder, with: "\\")
  }

  static func escapedCharPost(_ text: String) -> String {
    var text = text
    for escape in escapes { text = text.replacingOccurrences(of: escape.placeholder, with: escape.character) }
    return text
  }

  /// PHP's `trim`: space, tab, newline, carriage return, NUL and vertical tab only.
  static func phpTrim<S: StringProtocol>(_ text: S) -> String {
    let set: Set<Character> = [" ", "\t", "\n", "\r", "\0", "\u{0B}"]
    return String(text.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }

  /// A text with an optional `[format]` prefix, placeholders restored and trimmed.
  static func textWithFormat(_ text: String) -> String {
    var text = text
    if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
      let name = text[text.index(after: text.startIndex)..<end]
      if ["moodle", "html", "plain", "markdown"].contains(name) {
        text = String(text[text.index(after: end)...])
      }
    }
    return phpTrim(escapedCharPost(text))
  }

  private static func readQuestion(_ lines: [String]) throws -> [Item] {
    let lines = lines.map { $0.hasPrefix("//") ? " " : $0 }
    var text = phpTrim(lines.joined(separator: "\n"))
    if text.isEmpty { return [] }
    text = escapedCharPre(text)
    if text.hasPrefix("$CATEGORY:") { return [.category(phpTrim(text.dropFirst(10)))] }

    var name = ""
    if text.hasPrefix("::") {
      text.removeFirst(2)
      guard let finish = text.range(of: "::") else { throw Failure(description: "unterminated name") }
      name = phpTrim(escapedCharPost(String(text[..<finish.lowerBound])))
      text = phpTrim(text[finish.upperBound...])
    }
    guard let start = text.firstIndex(of: "{"), let finish = text.firstIndex(of: "}"), start < finish else {
      throw Failure(description: "no answer section in \(text)")
    }
    var answerText = phpTrim(text[text.index(after: start)..<finish])
    let questionText =
      text.hasSuffix("}")
      ? String(text[..<start]) + String(text[text.index(after: finish)...])
      : String(text[..<start]) + "_____" + String(text[text.index(after: finish)...])
    var general = ""
    if let separator = answerText.range(of: "####", options: .backwards) {
      general = String(answerText[separator.upperBound...])
      answerText = phpTrim(answerText[..<separator.lowerBound])
    }
    let questionPlain = textWithFormat(questionText)
    let generalPlain = textWithFormat(general)

    if answerText.contains("~") {
      let single = answerText.contains("=")
      var parts = answerText.replacingOccurrences(of: "=", with: "~=").components(separatedBy: "~")
      if let first = parts.first, phpTrim(first).isEmpty { parts.removeFirst() }
      let answers = try parts.map { part -> Answer in
        var answer = phpTrim(part)
        var percent = 0.0
        if answer.hasPrefix("=") {
          percent = 100
          answer.removeFirst()
        } else if answer.range(of: #"^%-*[0-9]{1,2}\.?[0-9]*%"#, options: .regularExpression) != nil {
          answer.removeFirst()
          let end = answer.firstIndex(of: "%")!
          guard let value = Double(answer[..<end]) else { throw Failure(description: "weight \(answer)") }
          percent = value
          answer = String(answer[answer.index(after: end)...])
        }
        let bits = answer.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return Answer(
          text: textWithFormat(phpTrim(bits[0])), percent: percent,
          feedback: bits.count > 1 ? textWithFormat(phpTrim(bits[1])) : "")
      }
      return [
        .multichoice(
          name: name, text: questionPlain, single: single, answers: answers, generalFeedback: generalPlain)
      ]
    }
    let bits = answerText.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false).map(
      String.init)
    let value = textWithFormat(phpTrim(bits[0]))
    guard ["T", "TRUE", "F", "FALSE"].contains(value) else {
      throw Failure(description: "not a multiple-choice or true/false answer: \(answerText)")
    }
    let wrong = bits.count > 1 ? textWithFormat(phpTrim(bits[1])) : ""
    let right = bits.count > 2 ? textWithFormat(phpTrim(bits[2])) : ""
    let isTrue = value.hasPrefix("T")
    return [
      .trueFalse(
        name: name, text: questionPlain, answer: isTrue, feedbackTrue: isTrue ? right : wrong,
        feedbackFalse: isTrue ? wrong : right, generalFeedback: generalPlain)
    ]
  }

  /// Moodle's split of a category path: at every `/` that is not part of `//`, then `//` → `/`,
  /// each name trimmed.
  static func splitCategoryPath(_ path: String) -> [String] {
    var names: [String] = []
    var current = ""
    let characters = Array(path)
    for (index, character) in characters.enumerated() {
      let previousIsSlash = index > 0 && characters[index - 1] == "/"
      let nextIsSlash = index + 1 < characters.count && characters[index + 1] == "/"
      if character == "/" && !previousIsSlash && !nextIsSlash {
        names.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    names.append(current)
    return names.map { phpTrim($0.replacingOccurrences(of: "//", with: "/")) }
  }
}
