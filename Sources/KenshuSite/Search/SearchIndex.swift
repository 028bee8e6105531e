import Foundation
import KenshuModel

/// The client-side search index: documents and an inverted index of terms.
///
/// Japanese has no spaces between words, so runs of kana and kanji are indexed as overlapping
/// character bigrams (a one-character run as itself); other letters and digits form
/// lower-cased words. A query is cut the same way and a document is a candidate when it holds
/// every term. Text is NFKC-normalised first so full-width ＡＢＣ and half-width ｶﾅ match.
///
/// Each document carries its text, headings and ruby/glossary readings, so that `search.js`
/// keeps only pages that contain the query itself (bigrams alone also match their parts in
/// any order), ranks them (title, then headings, then BM25 over the bigrams) and shows a
/// snippet from where the query occurs, with the match highlighted.
public struct SearchIndex: Sendable {
  public struct Document: Sendable, Hashable {
    public var title: String
    /// Site-relative path of the page.
    public var path: String
    /// The start of the page's text, shown under the title in results.
    public var snippet: String
    /// The page's text (lines joined by spaces), where matches are checked and snippets cut.
    public var text: String = ""
    /// Section headings.
    public var headings: [String] = []
    /// Readings of ruby and glossary terms, joined by spaces.
    public var readings: String = ""
  }

  public private(set) var documents: [Document] = []
  /// term → ids (positions in `documents`), ascending, without repeats.
  public var postings: [String: [Int]] {
    Dictionary(uniqueKeysWithValues: termPostings.map { ($0.key.text, $0.value) })
  }
  private var termPostings: [Term: [Int]] = [:]

  /// Documents per file of the index (see `SiteRoutes.searchIndex(part:)`).
  public static let documentsPerPart = 1000

  public init() {}

  /// A page cut into terms, ready to add; kept between builds so unchanged pages are not cut
  /// again.
  struct Entry: Sendable {
    var document: Document
    var terms: [String]

    init(title: String, path: String, text: String, headings: [String] = [], readings: [String] = []) {
      let joinedReadings = readings.joined(separator: " ")
      document = Document(
        title: title, path: path, snippet: SearchIndex.snippet(of: text), text: SearchIndex.flattened(text),
        headings: headings, readings: joinedReadings)
      terms = SearchIndex.uniqueTerms(
        title + "\n" + text + "\n" + headings.joined(separator: "\n") + "\n" + joinedReadings)
    }
  }

  /// The text's first 120 characters with its lines joined by spaces (blank lines dropped).
  /// Reads only as many lines as that needs: splitting whole pages into characters was a
  /// visible cost of big builds.
  static func snippet(of text: String, length: Int = 120) -> String {
    var joined = ""
    var rest = Substring(text)
    while let start = rest.firstIndex(where: { !$0.isNewline }) {
      rest = rest[start...]
      let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
      if !joined.isEmpty { joined += " " }
      joined += rest[..<end]
      rest = rest[end...]
      // One character more than needed: the last one could still join what follows.
      if joined.count > length { break }
    }
    return String(joined.prefix(length))
  }

  /// The text on one line: line breaks and runs of spaces become one space (snippets are cut
  /// from it and matches are looked for in it).
  static func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  public mutating func add(
    title: String, path: String, text: String, headings: [String] = [], readings: [String] = []
  ) {
    add(Entry(title: title, path: path, text: text, headings: headings, readings: readings))
  }

  mutating func add(_ entry: Entry) {
    let id = documents.count
    documents.append(entry.document)
    for term in entry.terms { termPostings[Term(term), default: []].append(id) }
  }

  /// Document ids holding every term of `query`.
  public func search(_ query: String) -> [Int] {
    let terms = Self.terms(query)
    guard !terms.isEmpty else { return [] }
    var hits: Set<Int>?
    for term in terms {
      let posting = Set(termPostings[Term(term)] ?? [])
      hits = hits.map { $0.intersection(posting) } ?? posting
    }
    return (hits ?? []).sorted()
  }

  /// Cuts text into search terms: CJK bigrams and ASCII/Latin words, in order, with repeats.
  public static func terms(_ text: String) -> [String] {
    var terms: [String] = []
    cut(text) { terms.append($0) }
    return terms
  }

  /// The distinct terms of a text, in order of first appearance (what `terms` gives, without
  /// repeats). Runs once per page over kilobytes of Japanese: a bigram is checked for a repeat
  /// as a packed scalar pair and becomes a `String` only the first time (most bigrams of a page
  /// are repeats).
  static func uniqueTerms(_ text: String) -> [String] {
    var seenPairs: Set<UInt64> = []
    var seenWords: Set<String> = []
    var terms: [String] = []
    scan(text) { first, second in
      let key = UInt64(first.value) << 32 | UInt64(second?.value ?? 0)
      if seenPairs.insert(key).inserted { terms.append(pairText(first, second)) }
    } word: { word in
      if seenWords.insert(word).inserted { terms.append(word) }
    }
    return terms
  }

  /// Letters and digits, which form words; ASCII answered without the Unicode property tables.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// Every term of a text, in order, repeats included.
  private static func cut(_ text: String, _ emit: (String) -> Void) {
    scan(text) {
      emit(pairText($0, $1))
    } word: {
      emit($0)
    }
  }

  private static func pairText(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> String {
    var pair = String.UnicodeScalarView()
    pair.append(first)
    if let second { pair.append(second) }
    return String(pair)
  }

  /// Walks Unicode scalars (not grapheme clusters, which are slow to form) and reports each
  /// CJK bigram (a CJK character standing alone as `(character, nil)`) and each lower-cased
  /// word of letters and digits, in order.
  private static func scan(
    _ text: String, pair: (Unicode.Scalar, Unicode.Scalar?) -> Void, word emitWord: (String) -> Void
  ) {
    // NFKC only when the text has full- or half-width forms, so that ＡＢＣ and ｶﾅ match.
    let needsFolding = text.unicodeScalars.contains { (0xFF00...0xFFEF).contains($0.value) }
    let source = needsFolding ? text.precomposedStringWithCompatibilityMapping : text
    var word = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    var runLength = 0
    func flushWord() {
      if !word.isEmpty { emitWord(String(word)) }
      word = String.UnicodeScalarView()
    }
    func flushRun() {
      if runLength == 1, let previous { pair(previous, nil) }
      runLength = 0
      previous = nil
    }
    for scalar in source.unicodeScalars {
      if isCJK(scalar) {
        flushWord()
        if let previous { pair(previous, scalar) }
        previous = scalar
        runLength += 1
      } else if isWordScalar(scalar) {
        flushRun()
        if scalar.isASCII {
          let v = scalar.value
          word.append((65...90).contains(v) ? Unicode.Scalar(v + 32)! : scalar)
        } else {
          word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      } else {
        flushWord()
        flushRun()
      }
    }
    flushWord()
    flushRun()
  }

  /// Kana, kanji and the prolonged sound mark; must match `isCJK` in `search.js`.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: return true
    default: return false
    }
  }

  /// The index as a script that adds itself to `window.KENSHU_SEARCH_PARTS`: pages opened from
  /// `file://` cannot fetch JSON, but they can load scripts. `offset` is the id of this part's
  /// first document in the whole site. Written by hand (sorted terms, so equal indexes give
  /// equal bytes) because it is large on big sites.
  public func javaScript(offset: Int = 0) -> String {
    var out =
      "(window.KENSHU_SEARCH_PARTS = window.KENSHU_SEARCH_PARTS || []).push({\"offset\":\(offset),\"docs\":["
    for (i, doc) in documents.enumerated() {
      if i > 0 { out += "," }
      out +=
        "{\"t\":" + Self.jsonString(doc.title) + ",\"u\":" + Self.jsonString(doc.path) + ",\"s\":"
        + Self.jsonString(doc.snippet) + ",\"x\":" + Self.jsonString(doc.text) + ",\"h\":["
        + doc.headings.map(Self.jsonString).joined(separator: ",") + "],\"r\":"
        + Self.jsonString(doc.readings)
        + "}"
    }
    out += "],\"terms\":{"
    for (i, (term, ids)) in termPostings.sorted(by: { $0.key < $1.key }).enumerated() {
      if i > 0 { out += "," }
      out += Self.jsonString(term.text) + ":["
      out += ids.map(String.init).joined(separator: ",")
      out += "]"
    }
    out += "}});\n"
    return out
  }

  /// A JSON string literal that is also safe inside a script (`JSONString.quotedForScript`).
  static func jsonString(_ text: String) -> String { JSONString.quotedForScript(text) }
}

/// A search term as a dictionary key and sort key, equal, hashed and ordered exactly as its
/// `String` would be, without Unicode normalisation for the common case.
///
/// `String` compares by canonical equivalence, normalising non-ASCII text for every hash and
/// comparison: that was most of the cost of building an index over Japanese. Terms made only of
/// ASCII, kana (without the combining sound marks) and unified kanji are already in the
/// normal form, so their UTF-8 bytes can be hashed and compared directly (UTF-8 byte order is
/// code-point order, which is `String`'s order for normalised text). Any other term takes
/// `String`'s own path, and hashes its canonical form so that equal terms hash equally.
struct Term: Hashable, Comparable {
  let text: String
  let isPlain: Bool

  init(_ text: String) {
    self.text = text
    isPlain = text.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0..<0x80, 0x3040...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
      default: false
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    hasher.combineUTF8(isPlain ? text : text.precomposedStringWithCanonicalMapping)
  }

  static func == (a: Term, b: Term) -> Bool {
    if a.isPlain && b.isPlain { return compareBytes(a.text, b.text) == 0 }
    return a.text == b.text
  }

  static func < (a: Term, b: Term) -> Bool {
    if a.isPlain && b.isPlain { return compareBytes(a.text, b.text) < 0 }
    return a.text < b.text
  }

  private static func compareBytes(_ a: String, _ b: String) -> Int {
    var x = a
    var y = b
    return x.withUTF8 { p in
      y.withUTF8 { q in
        let common = min(p.count, q.count)
        if common > 0, let pa = p.baseAddress, let qa = q.baseAddress {
          let order = memcmp(pa, qa, common)
          if order != 0 { return Int(order) }
        }
        return p.count - q.count
      }
    }
  }
}
