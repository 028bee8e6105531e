import Foundation
import Testing

@testable import KenshuSite

/// The index `search.js` reads: what the chunks hold decodes to the positions the index was
/// made from, the chunks partition the terms in JavaScript's order, and a word found from
/// positions is exactly a word the page contains (issue 18).
@Suite struct SearchIndexPartTests {
  /// A small alphabet, so that random texts share many bigrams and queries hit often.
  static let alphabet = Array("在宅医療看護支援退院介護ケアマネジャーのをとが、。 ab1")

  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func text(_ length: Int) -> String {
      String(
        (0..<length).map { _ in SearchIndexPartTests.alphabet[next(SearchIndexPartTests.alphabet.count)] })
    }
  }

  static func corpus(seed: UInt64, pages: Int) -> SearchIndex {
    var random = Random(state: seed)
    var index = SearchIndex()
    for page in 0..<pages {
      index.add(
        title: random.text(1 + random.next(12)), path: "p\(page).html", text: random.text(random.next(300)),
        headings: (0..<random.next(3)).map { _ in random.text(1 + random.next(10)) },
        readings: (0..<random.next(2)).map { _ in random.text(1 + random.next(6)) })
    }
    return index
  }

  /// The terms of one chunk script, as `search.js` receives them.
  static func terms(of chunk: SearchIndexPart.Chunk) throws -> [String: String] {
    var text = String(decoding: chunk.script, as: UTF8.self)
    let prefix = "KENSHU_SEARCH_CHUNK(\"\(chunk.path)\","
    #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
    text = String(text.dropFirst(prefix.count).dropLast(3))
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
  }

  @Test func chunks_decodeToThePositionsOfEveryPage_andPartitionTheTerms() throws {
    let index = Self.corpus(seed: 7, pages: 300)
    let part = SearchIndexPart(part: 0, entries: index.entries[...])
    #expect(part.chunks.count > 3, "a part this size is cut into several chunks")
    var seen: [String: [Int: [UInt32]]] = [:]
    for (k, chunk) in part.chunks.enumerated() {
      #expect(chunk.path == "search/p0-\(k).js")
      for (term, posting) in try Self.terms(of: chunk) {
        // Every term of a chunk sorts (as JavaScript compares strings) from the chunk's first
        // term up to the next chunk's, so a binary search over the first terms finds it.
        #expect(!term.utf16.lexicographicallyPrecedes(chunk.firstTerm.utf16), "\(term)")
        if k + 1 < part.chunks.count {
          #expect(term.utf16.lexicographicallyPrecedes(part.chunks[k + 1].firstTerm.utf16), "\(term)")
        }
        for (page, positions) in SearchIndexPart.decode(posting) {
          seen[term, default: [:]][page] = positions
        }
      }
    }
    var expected: [String: [Int: [UInt32]]] = [:]
    for (page, entry) in index.entries.enumerated() {
      for (term, positions) in zip(entry.terms, entry.positions) {
        expected[term.text, default: [:]][page] = Array(positions)
      }
    }
    #expect(seen == expected)
    #expect(part.meta.count == 3 * index.entries.count)
  }

  @Test func numbers_roundTripThroughTheBase64urlDigits() {
    var out: [UInt8] = []
    let values = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 1 << 30, (1 << 32) - 1]
    SearchIndexPart.encode([(page: 0, positions: values.map { UInt32($0) }[...])], into: &out)
    let decoded = SearchIndexPart.decode(String(decoding: out, as: UTF8.self))
    #expect(decoded.count == 1)
    #expect(decoded.first?.positions.map(Int.init) == values)
  }

  /// The reference: a page is found for a query exactly when one of its fields (title, a
  /// heading, the text, the readings), normalised, contains every word of the query.
  @Test func wordsFoundFromPositions_areExactlyTheWordsThePagesContain() {
    let index = Self.corpus(seed: 11, pages: 120)
    var random = Random(state: 3)
    let fields: [[String]] = index.entries.map { entry in
      let d = entry.document
      return ([d.title, d.text, d.readings] + d.headings).map {
        String(String.UnicodeScalarView(SearchIndex.normalizedScalars($0)))
      }
    }
    let cjk = Array("在宅医療看護支援退院介護ケアマネジャーのをとが")
    var queries: [String] = []
    for _ in 0..<400 {
      // Taken from a page (found at least there) or made up (found where it happens to be).
      let length = 1 + random.next(5)
      if random.next(2) == 0 {
        let text = Array(index.entries[random.next(index.entries.count)].document.text)
        guard text.count > length else { continue }
        let start = random.next(text.count - length)
        queries.append(String(text[start..<start + length]))
      } else {
        queries.append(String((0..<length).map { _ in cjk[random.next(cjk.count)] }))
      }
    }
    queries += ["在宅 医療", "看護、支援", "ab1", "マネジャー"]
    for query in queries {
      let words = SearchQuery.words(query).map(\.text)
      // Only words of kana and kanji: the index keeps Latin words whole, where `contains`
      // would also find their parts.
      guard !words.isEmpty, words.allSatisfy({ $0.unicodeScalars.allSatisfy(SearchIndex.isCJK) }) else {
        continue
      }
      let expected = fields.indices.filter { page in
        words.allSatisfy { word in fields[page].contains { $0.contains(word) } }
      }
      #expect(index.search(query) == expected, "\(query)")
    }
  }
}
