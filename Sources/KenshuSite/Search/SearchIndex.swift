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

  public mutating func add(title: String, path: String, text: String) {
    let id = documents.count
    let snippet = String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(120))
    documents.append(Document(title: title, path: path, snippet: snippet))
    for term in Set(Self.terms(title + "\n" + text)) {
      postings[term, default: []].append(id)
    }
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
  /// cannot fetch JSON, but they can load a script.
  public func javaScript() -> String {
    struct Payload: Encodable {
      struct Doc: Encodable {
        var t: String
        var u: String
        var s: String
      }
      var docs: [Doc]
      var terms: [String: [Int]]
    }
    let payload = Payload(
      docs: documents.map { Payload.Doc(t: $0.title, u: $0.path, s: $0.snippet) }, terms: postings)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var json = (try? encoder.encode(payload)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    // `</script>` or U+2028 in page text must not end or break the script.
    json = json.replacingOccurrences(of: "<", with: "\\u003c")
      .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(
        of: "\u{2029}", with: "\\u2029")
    return "window.KENSHU_SEARCH_INDEX = " + json + ";\n"
  }
}
