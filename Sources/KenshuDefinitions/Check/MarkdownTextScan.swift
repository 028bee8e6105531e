import Foundation

/// What a Markdown text holds besides links: HTML tags written in it and its first heading,
/// with their positions, outside code (fenced blocks and `code spans`).
///
/// Like `MarkdownLinkScan`, a scan for checks, not a parser: the renderer (cmark-gfm) decides
/// what the page shows; this finds what an author most likely meant as markup.
enum MarkdownTextScan {
  struct Found: Equatable {
    var text: String
    /// 1-based line and column (in characters).
    var line: Int
    var column: Int
  }

  /// Whether `text`'s UTF-8 holds `byte`, searched in the String's own storage (`memchr`):
  /// `Sequence.contains` on `String.UTF8View` steps index by index, 1 % of a cold site build
  /// for the few bytes these scans ask about.
  static func holds(_ byte: UInt8, _ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    } ?? text.utf8.contains(byte)
  }

  /// The lines outside fenced code, with code spans blanked (positions kept).
  ///
  /// `stop` is asked after each line is added, and ends the scan when it says so: the leading
  /// heading needs two lines, and making every line of every text an array of Characters was
  /// most of `validate`'s CPU on 1,001 programmes.
  static func proseLines(
    of text: String, stop: ((number: Int, characters: [Character])) -> Bool = { _ in false }
  ) -> [(number: Int, characters: [Character])] {
    var lines: [(number: Int, characters: [Character])] = []
    var fence: Substring?
    // The lines of `text.split(separator: "\n", omittingEmptySubsequences: false)`, one by one.
    var start = text.startIndex
    var index = 0
    while true {
      let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
      defer {
        index += 1
        if end < text.endIndex { start = text.index(after: end) }
      }
      let rawLine = text[start..<end]
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
      } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
      } else {
        var blanked: [Character] = []
        var inCode = false
        for character in line {
          if character == "`" { inCode.toggle() }
          blanked.append(inCode || character == "`" ? " " : character)
        }
        lines.append((index + 1, blanked))
        if stop(lines[lines.count - 1]) { break }
      }
      if end == text.endIndex { break }
    }
    return lines
  }

  /// The first HTML tag or comment of each line (`<br>`, `</div>`, `<span class="x">`,
  /// `<!--`). Autolinks (`<https://example.org>`, `<a@example.org>`) and text such as `<5` or
  /// `a < b` are not tags.
  static func htmlTags(in text: String) -> [Found] {
    // Every tag starts with a `<` Character, which a text without a `<` byte cannot hold.
    guard holds(UInt8(ascii: "<"), text) else { return [] }
    var found: [Found] = []
    for (number, characters) in proseLines(of: text) {
      var index = 0
      while index < characters.count {
        defer { index += 1 }
        // `](<path with spaces>)` is a link destination, not a tag.
        guard characters[index] == "<", index + 1 < characters.count,
          index == 0 || characters[index - 1] != "("
        else { continue }
        if characters[index + 1] == "!", characters[(index + 1)...].starts(with: "!--") {
          found.append(Found(text: "<!--", line: number, column: index + 1))
          break
        }
        var name = index + 1
        if characters[name] == "/" { name += 1 }
        guard name < characters.count, characters[name].isASCII, characters[name].isLetter else { continue }
        var end = name
        while end < characters.count, characters[end].isASCII,
          characters[end].isLetter || characters[end].isNumber || characters[end] == "-"
        {
          end += 1
        }
        guard end < characters.count,
          [" ", ">", "\t"].contains(characters[end])
            || characters[end] == "/" && end + 1 < characters.count && characters[end + 1] == ">"
        else { continue }
        guard let close = characters[end...].firstIndex(of: ">") else { continue }
        let tag = String(characters[index...close])
        if !tag.contains(" "), tag.contains(":") || tag.contains("@") { continue }
        found.append(
          Found(text: tag.count > 40 ? String(tag.prefix(39)) + "…" : tag, line: number, column: index + 1))
        break
      }
    }
    return found
  }

  /// The text of the first heading when it is the text's first block (`# 研修の目的`, or a line
  /// underlined with `===` / `---`), at its line.
  static func leadingHeading(in text: String) -> Found? {
    // A heading starts with `#` or is underlined with `=` or `-`: a text with none of these
    // bytes (most case bodies, notes and answer keys) has none.
    guard holds(UInt8(ascii: "#"), text) || holds(UInt8(ascii: "="), text) || holds(UInt8(ascii: "-"), text)
    else { return nil }
    // Only the first line with text and the one after it matter.
    var sawText = false
    let lines = proseLines(of: text) { line in
      if sawText { return true }
      sawText = !String(line.characters).allSatisfy(\.isWhitespace)
      return false
    }
    return leadingHeading(lines)
  }

  /// `leadingHeading` from every prose line of the text: the reference it is tested against.
  static func referenceLeadingHeading(in text: String) -> Found? {
    leadingHeading(proseLines(of: text))
  }

  private static func leadingHeading(_ lines: [(number: Int, characters: [Character])]) -> Found? {
    guard let first = lines.firstIndex(where: { !String($0.characters).allSatisfy(\.isWhitespace) }) else {
      return nil
    }
    let (number, characters) = lines[first]
    let line = String(characters)
    let indent = line.prefix { $0 == " " }.count
    let rest = line.dropFirst(indent)
    if indent <= 3, rest.hasPrefix("#") {
      let hashes = rest.prefix { $0 == "#" }.count
      let after = rest.dropFirst(hashes)
      guard hashes <= 6, after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
      var title = after.trimmingCharacters(in: .whitespaces)
      // A closing sequence of #s is not part of the heading.
      // (Only a title with a `#` can have one: the expression is compiled at every call.)
      if title.utf8.contains(UInt8(ascii: "#")),
        let closing = title.range(of: #"\s+#+$"#, options: .regularExpression)
      {
        title.removeSubrange(closing)
      } else if title.allSatisfy({ $0 == "#" }) {
        title = ""
      }
      return title.isEmpty ? nil : Found(text: title, line: number, column: indent + 1)
    }
    if first + 1 < lines.count, lines[first + 1].number == number + 1 {
      let underline = String(lines[first + 1].characters).trimmingCharacters(in: .whitespaces)
      if !underline.isEmpty, underline.allSatisfy({ $0 == "=" }) || underline.allSatisfy({ $0 == "-" }) {
        return Found(text: line.trimmingCharacters(in: .whitespaces), line: number, column: indent + 1)
      }
    }
    return nil
  }
}
