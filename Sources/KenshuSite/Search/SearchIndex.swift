import Foundation

/// The client-side search index: documents and an inverted index of terms.
///
/// Japanese has no spaces between words, so runs of kana and kanji are indexed as overlapping
/// character bigrams (a one-character run as itself); other letters and digits form
/// lower-cased words. A query is cut the same way and a document matches when it holds every
/// term. Text is NFKC-normalised first so full-width ＡＢＣ and half-width ｶﾅ match.
public struct SearchIndex: Sendable {
  public struct Document: Sendable, Hashable {
    public var title: String
    /// Site-relative path of the page.
    public var path: String
    /// The start of the page's text, shown under the title in results.
    public var snippet: String
  }

  public private(set) var documents: [Document] = []
  /// term → ids (positions in `documents`), ascending, without repeats.
  public private(set) var postings: [String: [Int]] = [:]

  public init() {}

  /// A page cut into terms, ready to add; kept between builds so unchanged pages are not cut
  /// again.
  struct Entry: Sendable {
    var document: Document
    var terms: [String]

    init(title: String, path: String, text: String) {
      let snippet = String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(120))
      document = Document(title: title, path: path, snippet: snippet)
      terms = Array(Set(SearchIndex.terms(title + "\n" + text)))
    }
  }

  public mutating func add(title: String, path: String, text: String) {
    add(Entry(title: title, path: path, text: text))
  }

  mutating func add(_ entry: Entry) {
    let id = documents.count
    documents.append(entry.document)
    for term in entry.terms { postings[term, default: []].append(id) }
  }

  /// Document ids holding every term of `query`.
  public func search(_ query: String) -> [Int] {
    let terms = Self.terms(query)
    guard !terms.isEmpty else { return [] }
    var hits: Set<Int>?
    for term in terms {
      let posting = Set(postings[term] ?? [])
      hits = hits.map { $0.intersection(posting) } ?? posting
    }
    return (hits ?? []).sorted()
  }

  /// Cuts text into search terms: CJK bigrams and ASCII/Latin words.
  public static func terms(_ text: String) -> [String] {
    var terms: [String] = []
    var word = ""
    var run: [Character] = []
    func flushWord() {
      if !word.isEmpty { terms.append(word) }
      word = ""
    }
    func flushRun() {
      if run.count == 1 { terms.append(String(run)) }
      if run.count > 1 {
        for i in 0..<(run.count - 1) { terms.append(String(run[i...i + 1])) }
      }
      run.removeAll(keepingCapacity: true)
    }
    for ch in text.precomposedStringWithCompatibilityMapping.lowercased() {
      if isCJK(ch) {
        flushWord()
        run.append(ch)
      } else if ch.isLetter || ch.isNumber {
        flushRun()
        word.append(ch)
      } else {
        flushWord()
        flushRun()
      }
    }
    flushWord()
    flushRun()
    return terms
  }

  /// Kana, kanji and the prolonged sound mark; must match `isCJK` in `search.js`.
  static func isCJK(_ ch: Character) -> Bool {
    guard let scalar = ch.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: return true
    default: return false
    }
  }

  /// The index as a script that sets `window.KENSHU_SEARCH_INDEX`: pages opened from `file://`
  /// cannot fetch JSON, but they can load a script. Written by hand (sorted terms, so equal
  /// indexes give equal bytes) because it is large on big sites.
  public func javaScript() -> String {
    var out = "window.KENSHU_SEARCH_INDEX = {\"docs\":["
    for (i, doc) in documents.enumerated() {
      if i > 0 { out += "," }
      out +=
        "{\"t\":" + Self.jsonString(doc.title) + ",\"u\":" + Self.jsonString(doc.path) + ",\"s\":"
        + Self.jsonString(doc.snippet) + "}"
    }
    out += "],\"terms\":{"
    for (i, term) in postings.keys.sorted().enumerated() {
      if i > 0 { out += "," }
      out += Self.jsonString(term) + ":["
      out += (postings[term] ?? []).map(String.init).joined(separator: ",")
      out += "]"
    }
    out += "}};\n"
    return out
  }

  /// A JSON string literal that is also safe inside a script: `<`, U+2028 and U+2029 escaped.
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<": out += "\\u003c"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
