/// The links and images of a Markdown text with their positions, found the way a reader sees
/// them: inline `[text](target)` and `![alt](target)`, and reference definitions
/// `[label]: target`; nothing inside code (fenced blocks or `code spans`).
///
/// A scan for checking targets, not a Markdown parser: it does not follow nested brackets in
/// link text or links spanning lines, which Kenshu's content does not use.
enum MarkdownLinkScan {
  struct Link: Equatable {
    var isImage: Bool
    /// As written, without `<…>` and without a title.
    var target: String
    /// 1-based line and column (in characters) of the target.
    var line: Int
    var column: Int
    /// The link text or an image's alt text, as written (empty for a reference definition).
    var text: String = ""
  }

  static func links(in text: String) -> [Link] {
    // Every link and reference definition has a `[` Character, which a text without a `[` byte
    // cannot hold: most texts have none, and splitting them into Characters line by line was a
    // fifth of `validate`'s CPU on 1,001 programmes.
    guard MarkdownTextScan.holds(UInt8(ascii: "["), text) else { return [] }
    var links: [Link] = []
    var fence: Substring?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        continue
      }
      let characters = Array(withoutCodeSpans(line))
      if let definition = referenceDefinition(characters) {
        links.append(
          Link(isImage: false, target: definition.target, line: index + 1, column: definition.column))
        continue
      }
      var position = 0
      while position < characters.count {
        guard characters[position] == "]", position + 1 < characters.count, characters[position + 1] == "(",
          let opening = openingBracket(before: position, in: characters)
        else {
          position += 1
          continue
        }
        var start = position + 2
        while start < characters.count, characters[start] == " " { start += 1 }
        var end = start
        var target: String
        if start < characters.count, characters[start] == "<" {
          end = start + 1
          while end < characters.count, characters[end] != ">" { end += 1 }
          target = String(characters[(start + 1)..<min(end, characters.count)])
          start += 1
        } else {
          var depth = 0
          while end < characters.count, characters[end] != " " {
            if characters[end] == "(" { depth += 1 }
            if characters[end] == ")" {
              if depth == 0 { break }
              depth -= 1
            }
            end += 1
          }
          target = String(characters[start..<end])
        }
        let isImage = opening > 0 && characters[opening - 1] == "!"
        if !target.isEmpty {
          links.append(
            Link(
              isImage: isImage, target: target, line: index + 1, column: start + 1,
              text: String(characters[(opening + 1)..<position])))
        }
        position = end
      }
    }
    return links
  }

  /// The `[` that opens the link text closed at `close`, on the same line.
  private static func openingBracket(before close: Int, in characters: [Character]) -> Int? {
    var index = close - 1
    var depth = 0
    while index >= 0 {
      if characters[index] == "]" { depth += 1 }
      if characters[index] == "[" {
        if depth == 0 { return index }
        depth -= 1
      }
      index -= 1
    }
    return nil
  }

  /// `[label]: target` at the start of a line (up to three spaces in).
  private static func referenceDefinition(_ characters: [Character]) -> (target: String, column: Int)? {
    var index = 0
    while index < characters.count, index < 3, characters[index] == " " { index += 1 }
    guard index < characters.count, characters[index] == "[",
      let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count,
      characters[close + 1] == ":", !(characters[index + 1] == "^")
    else { return nil }
    var start = close + 2
    while start < characters.count, characters[start] == " " { start += 1 }
    var end = start
    while end < characters.count, characters[end] != " " { end += 1 }
    var target = String(characters[start..<end])
    if target.hasPrefix("<"), target.hasSuffix(">") {
      target = String(target.dropFirst().dropLast())
      start += 1
    }
    return target.isEmpty ? nil : (target, start + 1)
  }

  /// The line with the inside of each code span replaced by spaces, so that positions stay.
  private static func withoutCodeSpans(_ line: Substring) -> String {
    var result = ""
    var inCode = false
    for character in line {
      if character == "`" {
        inCode.toggle()
        result.append(" ")
      } else {
        result.append(inCode ? " " : character)
      }
    }
    return result
  }
}
