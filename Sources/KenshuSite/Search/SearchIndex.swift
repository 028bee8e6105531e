import Foundation
import KenshuModel

/// The client-side search index: the pages' text cut into terms, with where each term occurs.
///
/// Japanese has no spaces between words, so runs of kana and kanji are indexed as overlapping
/// character bigrams, plus the run's last character alone (so that every character of a run
/// starts exactly one term); other letters and digits form lower-cased words. Text is
/// NFKC-normalised first where it holds compatibility forms, so full-width ＡＢＣ, half-width
/// ｶﾅ and compatibility ideographs match their usual forms.
///
/// Each term keeps its *positions*: the character offset where it occurs, in one of four
/// regions of the page (title, headings, text, readings of ruby and glossary terms). A query
/// word is found where its terms sit side by side — for 在宅医療, 在宅 at some offset `p` and
/// 医療 at `p + 2` of the same region — so a hit is a page that contains the word itself,
/// decided from the index alone, without the page's text. That is what lets `search.js` load
/// only the few chunks of the index that hold the query's terms (see `SearchIndexPart`), and
/// the fragments of the pages it shows. `search(_:)` here is the reference for what
/// `search.js` finds.
public struct SearchIndex: Sendable {
  public struct Document: Sendable, Hashable {
    public var title: String
    /// Site-relative path of the page.
    public var path: String
    /// The page's text (lines joined by spaces), from which result snippets are cut.
    public var text: String = ""
    /// Section headings.
    public var headings: [String] = []
    /// Readings of ruby and glossary terms, joined by spaces.
    public var readings: String = ""
  }

  /// Where on a page a term occurs; the low two bits of a position.
  enum Region: UInt32, CaseIterable {
    case title = 0
    case heading = 1
    case text = 2
    case reading = 3
  }

  /// Offsets of the `k`th heading start at `k * headingStride`, so that a word is looked
  /// for within one heading (a longer heading is indexed up to this length).
  static let headingStride = 4096

  /// The longest title head (the title before ` | `) the index records for ranking an exact
  /// title match first; a longer one is never taken as equal to a query.
  static let maximumTitleHead = 4095

  public private(set) var entries: [Entry] = []
  public var documents: [Document] { entries.map(\.document) }

  /// Documents per part of the index, whose chunks are written (and kept on a rebuild)
  /// together: a rebuild rewrites only the parts holding pages that changed.
  public static let documentsPerPart = 1000

  public init() {}

  /// A page cut into terms and positions, ready to add; kept between builds so unchanged
  /// pages are not cut again.
  public struct Entry: Sendable {
    public var document: Document
    /// The page's distinct terms and, for each, its positions (`offset << 2 | region`),
    /// ascending.
    var terms: [Term]
    ///
    /// Stored flat, term after term (`starts[i]..<starts[i + 1]` are term `i`'s): entries are
    /// kept for rebuilds, and an array per term cost more memory than the positions themselves
    /// (20,000 pages × 400 terms).
    var flatPositions: [UInt32]
    var starts: [Int32]
    var positions: [ArraySlice<UInt32>] {
      terms.indices.map { flatPositions[Int(starts[$0])..<Int(starts[$0 + 1])] }
    }
    /// Characters in the normalised title before ` | ` (`maximumTitleHead + 1` when longer,
    /// or when the title starts with a space, which no query does).
    var titleHeadLength: Int
    /// Characters in the normalised text, for BM25's length normalisation.
    var textLength: Int

    init(title: String, path: String, text: String, headings: [String] = [], readings: [String] = []) {
      let joinedReadings = readings.joined(separator: " ")
      let flat = SearchIndex.flattened(text)
      document = Document(title: title, path: path, text: flat, headings: headings, readings: joinedReadings)
      var collector = PositionCollector()
      let normalizedTitle = SearchIndex.normalizedScalars(title)
      collector.add(normalizedTitle[...], region: .title, base: 0)
      for (k, heading) in headings.enumerated() {
        let scalars = SearchIndex.normalizedScalars(heading)
        collector.add(
          scalars.prefix(SearchIndex.headingStride - 1), region: .heading, base: k * SearchIndex.headingStride
        )
      }
      let normalizedText = SearchIndex.normalizedScalars(flat)
      collector.add(normalizedText[...], region: .text, base: 0)
      collector.add(SearchIndex.normalizedScalars(joinedReadings)[...], region: .reading, base: 0)
      (terms, flatPositions, starts) = collector.finish()
      titleHeadLength = SearchIndex.titleHeadLength(normalizedTitle)
      textLength = normalizedText.count
    }
  }

  /// The text on one line: line breaks and runs of spaces become one space (snippets are cut
  /// from it). Equal to `referenceFlattened`, which splits at whitespace `Character`s.
  ///
  /// Splitting by `Character` cut every page into grapheme clusters and looked each one's
  /// whitespace property up: 8 % of a cold 10,000-page build. This walks scalars instead and
  /// answers ASCII and CJK without the property tables. A scalar and a `Character` only differ
  /// where a space joins a neighbour into one cluster (a combining mark or joiner after it, a
  /// prepended mark before it); when a space has any neighbour that could, the reference runs.
  static func flattened(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var previous: Unicode.Scalar?
    var previousWasJoinableSpace = false
    for scalar in text.unicodeScalars {
      if isWhitespaceScalar(scalar) {
        let joinable = !isControlWhitespace(scalar)
        if joinable, let previous, !isClusterSafe(previous) { return referenceFlattened(text) }
        previousWasJoinableSpace = joinable
        pendingSpace = true
      } else {
        if previousWasJoinableSpace, !isClusterSafe(scalar) { return referenceFlattened(text) }
        previousWasJoinableSpace = false
        if pendingSpace, !out.isEmpty { out.append(UInt8(ascii: " ")) }
        pendingSpace = false
        UTF8.encode(scalar) { out.append($0) }
      }
      previous = scalar
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The plain definition `flattened` must equal (kept for the differential test and for the
  /// rare text where scalars and characters part ways).
  static func referenceFlattened(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Unicode White_Space, as `Character.isWhitespace` asks of a cluster's first scalar.
  private static func isWhitespaceScalar(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
    if (0x3001...0x9FFF).contains(v) { return false }
    return scalar.properties.isWhitespace
  }

  /// Whitespace that is a control for grapheme breaking (tab, line breaks, NEL, the line and
  /// paragraph separators): it always stands alone as a cluster.
  private static func isControlWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Scalars that never join a neighbouring space into one cluster: Latin before the combining
  /// marks (U+0300), general punctuation (dashes, quotes) without the joiners and format
  /// controls, and the CJK punctuation, kana, kanji and full-width forms of Japanese text, less
  /// the combining sound marks (U+3099, U+309A), the ideographic tone marks (U+302A–U+302F) and
  /// the half-width sound marks (U+FF9E, U+FF9F), which extend the cluster before them.
  private static func isClusterSafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF,
      0xFF01...0xFF9D:
      return true
    default: return false
    }
  }

  /// Length of the title before ` | ` with trailing spaces trimmed, as `search.js` compares
  /// it with the query.
  static func titleHeadLength(_ title: [Unicode.Scalar]) -> Int {
    let tooLong = maximumTitleHead + 1
    guard let first = title.first else { return 0 }
    if first.properties.isWhitespace { return tooLong }
    var end = title.count
    for i in 0..<max(0, title.count - 2) where title[i] == " " && title[i + 1] == "|" && title[i + 2] == " " {
      end = i
      break
    }
    while end > 0, title[end - 1].properties.isWhitespace { end -= 1 }
    return min(end, tooLong)
  }

  public mutating func add(
    title: String, path: String, text: String, headings: [String] = [], readings: [String] = []
  ) {
    add(Entry(title: title, path: path, text: text, headings: headings, readings: readings))
  }

  mutating func add(_ entry: Entry) { entries.append(entry) }

  /// term → ids (positions in `documents`) of the pages holding it, ascending.
  public var postings: [String: [Int]] {
    var result: [String: [Int]] = [:]
    for (id, entry) in entries.enumerated() {
      for term in entry.terms { result[term.text, default: []].append(id) }
    }
    return result
  }

  /// Ids of the pages that contain every word of `query` (words are split at spaces and
  /// punctuation, as `search.js` splits them) in their title, headings, text or readings.
  public func search(_ query: String) -> [Int] {
    let words = SearchQuery.words(query)
    guard !words.isEmpty else { return [] }
    return entries.indices.filter { id in
      words.allSatisfy { !SearchQuery.occurrences(of: $0, in: entries[id]).isEmpty }
    }
  }

  /// Cuts text into search terms as a query is cut: CJK bigrams (a lone CJK character as
  /// itself) and lower-cased words of letters and digits, in order, with repeats.
  public static func terms(_ text: String) -> [String] {
    var terms: [String] = []
    let scalars = normalizedScalars(text)
    scan(scalars[...], runFinals: false) { first, second, _ in
      terms.append(pairText(first, second))
    } word: { word, _ in
      terms.append(word)
    }
    return terms
  }

  /// The text as `search.js` sees it after `normalize("NFKC").toLowerCase()`: compatibility
  /// forms folded (only when the text has any, as folding costs), letters lower-cased.
  /// Positions are offsets into this.
  static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
    let source =
      text.unicodeScalars.contains(where: needsCompatibilityFolding)
      ? text.precomposedStringWithCompatibilityMapping : text
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(source.utf8.count)
    for scalar in source.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        out.append((65...90).contains(v) ? Unicode.Scalar(v + 32)! : scalar)
      } else if (0x3000...0x9FFF).contains(v) || !scalar.properties.changesWhenLowercased {
        // CJK punctuation, kana and kanji (most of a Japanese page) have no case: no lookup.
        out.append(scalar)
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return out
  }

  /// Scalars whose NFKC form differs and that Japanese pages commonly hold: full- and
  /// half-width forms, combining sound marks and accents, compatibility ideographs, circled
  /// and squared forms (①, ㈱, ㎡). Other text is left as written (folding is not free).
  static func needsCompatibilityFolding(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0300...0x036F, 0x2100...0x218F, 0x2460...0x24FF, 0x3099...0x309C, 0x3200...0x33FF,
      0xF900...0xFAFF, 0xFF00...0xFFEF, 0x2F800...0x2FA1F:
      return true
    default: return false
    }
  }

  /// Letters and digits, which form words; ASCII answered without the Unicode property tables.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  static func pairText(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> String {
    var pair = String.UnicodeScalarView()
    pair.append(first)
    if let second { pair.append(second) }
    return String(pair)
  }

  /// Walks normalised scalars and reports each CJK bigram at its offset (a CJK character
  /// standing alone, and with `runFinals` the last character of every run, as
  /// `(character, nil)`) and each word of letters and digits at the offset of its start.
  static func scan(
    _ scalars: ArraySlice<Unicode.Scalar>, runFinals: Bool,
    pair: (Unicode.Scalar, Unicode.Scalar?, Int) -> Void, word emitWord: (String, Int) -> Void
  ) {
    var word = String.UnicodeScalarView()
    var wordStart = 0
    var previous: Unicode.Scalar?
    var runLength = 0
    var offset = 0
    func flushWord() {
      if !word.isEmpty { emitWord(String(word), wordStart) }
      word = String.UnicodeScalarView()
    }
    func flushRun() {
      if let previous, runLength == 1 || runFinals { pair(previous, nil, offset - 1) }
      runLength = 0
      previous = nil
    }
    for scalar in scalars {
      if isCJK(scalar) {
        flushWord()
        if let previous { pair(previous, scalar, offset - 1) }
        previous = scalar
        runLength += 1
      } else if isWordScalar(scalar) {
        flushRun()
        if word.isEmpty { wordStart = offset }
        word.append(scalar)
      } else {
        flushWord()
        flushRun()
      }
      offset += 1
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

  /// A JSON string literal that is also safe inside a script (`JSONString.quotedForScript`).
  static func jsonString(_ text: String) -> String { JSONString.quotedForScript(text) }
}

/// Gathers a page's terms and their positions, region by region.
struct PositionCollector {
  /// CJK pairs keyed by their two scalars (most terms of a Japanese page, and most of them
  /// repeats: packed, a repeat costs no `String`); words by their text.
  private var pairSlots: [UInt64: Int] = [:]
  private var wordSlots: [String: Int] = [:]
  private var terms: [String] = []
  private var positions: [[UInt32]] = []

  mutating func add(_ scalars: ArraySlice<Unicode.Scalar>, region: SearchIndex.Region, base: Int) {
    func position(_ offset: Int) -> UInt32 { UInt32(base + offset) << 2 | region.rawValue }
    SearchIndex.scan(scalars, runFinals: true) { first, second, offset in
      let key = UInt64(first.value) << 32 | UInt64(second?.value ?? 0)
      var slot = pairSlots[key] ?? -1
      if slot < 0 {
        slot = newSlot(SearchIndex.pairText(first, second))
        pairSlots[key] = slot
      }
      positions[slot].append(position(offset))
    } word: { word, offset in
      var slot = wordSlots[word] ?? -1
      if slot < 0 {
        slot = newSlot(word)
        wordSlots[word] = slot
      }
      positions[slot].append(position(offset))
    }
  }

  /// A term seen for the first time on this page: its slot, with no positions yet.
  private mutating func newSlot(_ text: String) -> Int {
    terms.append(text)
    positions.append([])
    return terms.count - 1
  }

  /// The terms and their positions, ascending. Terms that differ as scalars but are equal as
  /// `String`s (a compatibility ideograph the text was not folded for) share one list.
  func finish() -> ([Term], [UInt32], [Int32]) {
    let made = terms.map(Term.init)
    var outTerms = made
    var outPositions = positions
    // Distinct scalars make distinct plain terms: only other terms can be equal as `String`s
    // (hashing them is what costs here, so the common case skips it).
    if !made.allSatisfy(\.isPlain) {
      var slots: [Term: Int] = [:]
      outTerms = []
      outPositions = []
      for (term, list) in zip(made, positions) {
        if let slot = slots[term] {
          outPositions[slot] += list
        } else {
          slots[term] = outTerms.count
          outTerms.append(term)
          outPositions.append(list)
        }
      }
    }
    // Positions come region by region, each region in order; only a term in several regions
    // needs sorting.
    var flat: [UInt32] = []
    flat.reserveCapacity(outPositions.reduce(0) { $0 + $1.count })
    var starts: [Int32] = [0]
    starts.reserveCapacity(outPositions.count + 1)
    for list in outPositions {
      flat += Self.isAscending(list) ? list : list.sorted()
      starts.append(Int32(flat.count))
    }
    return (outTerms, flat, starts)
  }

  private static func isAscending(_ list: [UInt32]) -> Bool {
    var previous: UInt32 = 0
    for value in list {
      if value < previous { return false }
      previous = value
    }
    return true
  }
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
struct Term: Hashable, Comparable, Sendable {
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

  /// The order of JavaScript's `<` on strings (UTF-16 code units), in which the chunks of the
  /// index are cut and searched. For plain terms (all in the Basic Multilingual Plane) it is
  /// their byte order.
  static func precedesInUTF16(_ a: Term, _ b: Term) -> Bool {
    if a.isPlain && b.isPlain { return compareBytes(a.text, b.text) < 0 }
    return a.text.utf16.lexicographicallyPrecedes(b.text.utf16)
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
