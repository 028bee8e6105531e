import CLibXML2
import Foundation
import KenshuModel

/// A libxml2 error in plain language: its stable code, the wording in both languages, and, when
/// the source shows a better place than libxml2's, the column of the mistake itself.
struct RewrittenError {
  var code: String
  var text: Bilingual
  var column: Int?

  init<Arguments>(_ template: MessageTemplate<Arguments>, _ arguments: Arguments, column: Int? = nil) {
    code = template.code
    text = template(arguments)
    self.column = column
  }

  init(code: String, text: Bilingual) {
    self.code = code
    self.text = text
  }
}

/// Plain-language versions of libxml2's syntax errors, keyed on its error codes (the messages
/// differ between libxml2 versions; the codes do not). The source text tells apart what one
/// code covers: `xmlParseEntityRef: no name` and `StartTag: invalid element name` are both
/// `XML_ERR_NAME_REQUIRED`, for a bare `&` and a bare `<`.
enum SyntaxErrorRewriting {
  static func rewrite(_ raw: XMLRawError, locator: SourceLocator?) -> RewrittenError? {
    let m = raw.message
    // Limits first: libxml2 reports them under whatever code the parser was in.
    if isNodeSizeLimit(m) { return RewrittenError(Catalogue.nodeTooLarge, ()) }
    if m.hasPrefix("Excessive depth") { return RewrittenError(Catalogue.tooDeep, ()) }
    if raw.domain == Int32(XML_FROM_I18N.rawValue) || m.hasPrefix("input conversion failed")
      || m.hasPrefix("encoder error")
    {
      return RewrittenError(Catalogue.notDeclaredEncoding, ())
    }
    let line = locator?.text(ofLine: raw.line)
    switch xmlParserErrors(rawValue: UInt32(raw.code)) {
    case XML_ERR_NAME_REQUIRED, XML_ERR_ENTITYREF_SEMICOL_MISSING:
      if let line, let stray = strayAmpersand(in: line) {
        return RewrittenError(Catalogue.bareAmpersand, stray.excerpt, column: stray.column)
      }
      if let line, let stray = strayLessThan(in: line) {
        return RewrittenError(Catalogue.bareLessThan, stray.excerpt, column: stray.column)
      }
      return nil
    case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
      return RewrittenError(Catalogue.undefinedEntity, raw.str1 ?? "?")
    case XML_ERR_ENTITY_LOOP:
      return RewrittenError(Catalogue.entityLoop, ())
    case XML_ERR_LT_IN_ATTRIBUTE:
      return RewrittenError(Catalogue.lessThanInAttribute, ())
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      let name = line.flatMap(unquotedAttributeName) ?? "…"
      return RewrittenError(Catalogue.unquotedAttribute, name)
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      return RewrittenError(Catalogue.attributeWithoutValue, raw.str1 ?? "…")
    case XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_STRING_NOT_CLOSED:
      return RewrittenError(Catalogue.unclosedAttributeValue, ())
    case XML_ERR_ATTRIBUTE_REDEFINED, XML_NS_ERR_ATTRIBUTE_REDEFINED:
      let element = locator.flatMap { lastStartTagName(before: raw.line, in: $0) } ?? "?"
      return RewrittenError(Catalogue.duplicateAttribute, (element, raw.str1 ?? "?"))
    case XML_ERR_TAG_NAME_MISMATCH:
      return RewrittenError(
        Catalogue.mismatchedEndTag, (raw.str1 ?? "?", raw.int1, raw.str2 ?? "?"))
    case XML_ERR_TAG_NOT_FINISHED:
      return RewrittenError(Catalogue.unclosedElement, (raw.str1 ?? "?", raw.int1))
    case XML_ERR_GT_REQUIRED:
      return RewrittenError(Catalogue.unfinishedStartTag, raw.str1 ?? "…")
    case XML_ERR_LTSLASH_REQUIRED, XML_ERR_DOCUMENT_START:
      return RewrittenError(Catalogue.truncated, ())
    case XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT:
      let root = locator.flatMap { lastEndTagName(before: raw.line, in: $0) } ?? "…"
      return RewrittenError(Catalogue.contentAfterRoot, root)
    case XML_ERR_DOCUMENT_EMPTY:
      return RewrittenError(Catalogue.noXMLContent, ())
    case XML_ERR_COMMENT_NOT_FINISHED:
      return RewrittenError(Catalogue.unclosedComment, ())
    case XML_ERR_RESERVED_XML_NAME:
      return RewrittenError(Catalogue.declarationNotFirst, ())
    case XML_ERR_LT_REQUIRED:
      return RewrittenError(Catalogue.noStartTag, ())
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return RewrittenError(Catalogue.undefinedPrefix, (raw.str1 ?? "?", raw.str2 ?? "?"))
    case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_ENCODING:
      if m.contains("UTF-8") || raw.code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
        return RewrittenError(Catalogue.notUTF8, ())
      }
      let shown = raw.int1 > 0 ? "U+" + String(raw.int1, radix: 16, uppercase: true).leftPadded(to: 4) : "?"
      return RewrittenError(Catalogue.invalidCharacter, shown)
    default:
      if m.hasPrefix("Input is not proper UTF-8") || m.contains("Invalid bytes in character encoding") {
        return RewrittenError(Catalogue.notUTF8, ())
      }
      return nil
    }
  }

  /// The first `&` on `line` that does not start `&name;`, `&#123;` or `&#x1F;`, with its
  /// 1-based column and the text around it.
  static func strayAmpersand(in line: String) -> (column: Int, excerpt: String)? {
    let characters = Array(line)
    for (index, character) in characters.enumerated() where character == "&" {
      var end = index + 1
      while end < characters.count,
        characters[end].isLetter || characters[end].isNumber
          || "#_.-:".contains(characters[end])
      {
        end += 1
      }
      let isReference = end > index + 1 && end < characters.count && characters[end] == ";"
      if !isReference { return (index + 1, excerpt(characters, around: index)) }
    }
    return nil
  }

  /// The first `<` on `line` that cannot start a tag, comment or declaration (`< 140`, `<3`).
  static func strayLessThan(in line: String) -> (column: Int, excerpt: String)? {
    let characters = Array(line)
    for (index, character) in characters.enumerated() where character == "<" {
      let next = index + 1 < characters.count ? characters[index + 1] : " "
      if !(next.isLetter || next == "_" || next == "/" || next == "!" || next == "?") {
        return (index + 1, excerpt(characters, around: index))
      }
    }
    return nil
  }

  /// The text between the tags around `index`, trimmed and shortened, for quoting.
  private static func excerpt(_ characters: [Character], around index: Int) -> String {
    var start = index
    while start > 0, characters[start - 1] != ">", index - start < 20 { start -= 1 }
    var end = index + 1
    while end < characters.count, characters[end] != "<", end - index < 20 { end += 1 }
    return String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
  }

  /// The name in the last `name=` followed by a value without quotes on `line`.
  static func unquotedAttributeName(in line: String) -> String? {
    let pattern = #/([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*[^"'\s]/#
    return line.matches(of: pattern).last.map { String($0.1) }
  }

  /// The element of the last start tag on or before `line` (up to 20 lines back).
  private static func lastStartTagName(before line: Int, in locator: SourceLocator) -> String? {
    for number in stride(from: line, through: max(1, line - 20), by: -1) {
      if let text = locator.text(ofLine: number),
        let match = text.matches(of: #/<([A-Za-z_][A-Za-z0-9_.:-]*)/#).last
      {
        return String(match.1)
      }
    }
    return nil
  }

  /// The element of the last end tag on or before `line` (up to 200 lines back).
  private static func lastEndTagName(before line: Int, in locator: SourceLocator) -> String? {
    for number in stride(from: line, through: max(1, line - 200), by: -1) {
      if let text = locator.text(ofLine: number),
        let match = text.matches(of: #/<\/([A-Za-z_][A-Za-z0-9_.:-]*)\s*>/#).last
      {
        return String(match.1)
      }
    }
    return nil
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
