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
    /// A query of 1–5 characters: taken from a page of `index` (found at least there) or made
    /// of `alphabet` (found where it happens to be); nil when the page drawn is too short.
    mutating func query(in index: SearchIndex, alphabet: [Character]) -> String? {
      let length = 1 + next(5)
      if next(2) == 0 {
        let text = Array(index.entries[next(index.entries.count)].document.text)
        guard text.count > length else { return nil }
        let start = next(text.count - length)
        return String(text[start..<start + length])
      }
      return String((0..<length).map { _ in alphabet[next(alphabet.count)] })
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

  /// The terms of one chunk script, as `search.js` receives them: term → `[part, postings, …]`.
  static func terms(of script: Data, path: String) throws -> [String: [Any]] {
    var text = String(decoding: script, as: UTF8.self)
    let prefix = "KENSHU_SEARCH_CHUNK(\"\(path)\","
    #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
    text = String(text.dropFirst(prefix.count).dropLast(3))
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [Any]])
  }

  /// Every term's postings as the chunks' scripts hold them: term → page (numbered over the
  /// site, `per` pages a part) → positions.
  static func decoded(
    _ chunks: [SearchIndexChunk], parts: [SearchIndexPart], per: Int
  ) throws -> [String: [Int: [UInt32]]] {
    var seen: [String: [Int: [UInt32]]] = [:]
    for chunk in chunks {
      for (term, entry) in try terms(of: SearchIndexChunks.script(chunk, parts: parts), path: chunk.path) {
        #expect(entry.count % 2 == 0 && !entry.isEmpty, "\(term)")
        var previousPart = -1
        for pair in stride(from: 0, to: entry.count - 1, by: 2) {
          let part = try #require(entry[pair] as? Int)
          #expect(part > previousPart, "parts in order, each once")
          previousPart = part
          let posting = try #require(entry[pair + 1] as? String)
          for (page, positions) in try #require(SearchPostingCode.decode(posting)) {
            #expect(seen[term]?[part * per + page] == nil)
            seen[term, default: [:]][part * per + page] = positions
          }
        }
      }
    }
    return seen
  }

  /// term → page → positions, from the entries themselves.
  static func expected(_ entries: [SearchIndex.Entry]) -> [String: [Int: [UInt32]]] {
    var expected: [String: [Int: [UInt32]]] = [:]
    for (page, entry) in entries.enumerated() {
      for (term, positions) in zip(entry.terms, entry.positions) {
        expected[term.text, default: [:]][page] = Array(positions)
      }
    }
    return expected
  }

  static func parts(_ entries: [SearchIndex.Entry], per: Int) -> [SearchIndexPart] {
    stride(from: 0, to: entries.count, by: per).map {
      SearchIndexPart(entries: entries[$0..<min($0 + per, entries.count)])
    }
  }

  /// Random pages and, on every other page, a common sentence several times.
  static func commonCorpus(seed: UInt64, pages: Int) -> SearchIndex {
    var index = corpus(seed: seed, pages: pages / 2)
    for page in 0..<(pages - pages / 2) {
      index.add(
        title: "頁\(page)", path: "c\(page).html",
        text: String(repeating: "訪問看護の記録を、みんなで確かめる。", count: 1 + page % 9))
    }
    return index
  }

  @Test func chunks_holdEveryPartsPostings_andPartitionTheTermsOfTheSite() throws {
    let index = Self.commonCorpus(seed: 7, pages: 900)
    let per = 250
    let parts = Self.parts(index.entries, per: per)
    #expect(parts.count == 4)
    let chunks = SearchIndexChunks.cut(parts)
    #expect(chunks.count > 3, "an index this size is cut into several chunks")
    #expect(chunks.first?.firstTerm == "", "every term sorts into some chunk")
    var alone = 0
    for (k, chunk) in chunks.enumerated() {
      #expect(chunk.path == "search/t\(k).js")
      let terms = try Self.terms(of: SearchIndexChunks.script(chunk, parts: parts), path: chunk.path)
      // A common term's chunk holds that term only.
      let bytes = chunk.terms.map { term in parts.reduce(0) { $0 + ($1.posting(of: term)?.count ?? 0) } }
      if bytes.contains(where: { $0 >= SearchIndexChunks.chunkBytes / 2 }) {
        #expect(terms.count == 1, "\(terms.keys.sorted())")
        alone += 1
      }
      for term in terms.keys {
        // Every term of a chunk sorts (as JavaScript compares strings) from the chunk's first
        // term up to the next chunk's, so a binary search over the first terms finds it.
        #expect(!term.utf16.lexicographicallyPrecedes(chunk.firstTerm.utf16), "\(term)")
        if k + 1 < chunks.count {
          #expect(term.utf16.lexicographicallyPrecedes(chunks[k + 1].firstTerm.utf16), "\(term)")
        }
        #expect(SearchIndexChunks.index(of: Term(term), in: chunks) == k)
      }
    }
    #expect(try Self.decoded(chunks, parts: parts, per: per) == Self.expected(index.entries))
    #expect(alone > 0, "the corpus has common terms")
    #expect(parts.map(\.meta.count) == [750, 750, 750, 450])
  }

  /// A rebuild keeps the chunk boundaries and makes again only the chunks holding a term whose
  /// postings changed: every other chunk's script is byte for byte what it was, so keeping
  /// its file is right, and the chunks together hold exactly the new pages' postings.
  @Test func updatedChunks_holdTheNewPostings_andOnlyTouchedChunksChange() throws {
    var entries = Self.commonCorpus(seed: 13, pages: 700).entries
    entries[250] = SearchIndex.Entry(title: "固有", path: "p250.html", text: "ここだけの語ゐゐ")
    let per = 200
    let before = Self.parts(entries, per: per)
    let chunks = SearchIndexChunks.cut(before)
    // Edits: a page of part 1 gets new text (with terms no page had, and without the one only
    // it had), a page of part 3 loses its text, and a page is added to the last part.
    entries[250] = SearchIndex.Entry(title: "改訂", path: "p250.html", text: "在宅医療の新語ゑゑ、ab1 zz9")
    entries[610] = SearchIndex.Entry(title: "空", path: "p610.html", text: "")
    entries.append(SearchIndex.Entry(title: "追加", path: "new.html", text: "訪問看護の記録を追記。"))
    var index = SearchIndex()
    for entry in entries { index.add(entry) }
    let after = Self.parts(index.entries, per: per)
    var changed: Set<Term> = []
    for (k, part) in after.enumerated() {
      let old = before[k]
      for term in Set(part.postings.keys).union(old.postings.keys)
      where part.posting(of: term) != old.posting(of: term) {
        changed.insert(term)
      }
    }
    #expect(changed.isSuperset(of: [Term("ゑゑ"), Term("zz9"), Term("ゐゐ")]))
    let (updated, touched) = SearchIndexChunks.update(chunks, changed: changed, parts: after)
    #expect(updated.map(\.firstTerm) == chunks.map(\.firstTerm), "no boundary moves")
    #expect(updated.map(\.path) == chunks.map(\.path))
    // The small alphabet puts most terms on every page: three edited pages touch most chunks.
    #expect(touched.count < chunks.count, "\(touched.count) of \(chunks.count) chunks touched")
    for k in chunks.indices where !touched.contains(chunks[k].path) {
      #expect(
        SearchIndexChunks.script(updated[k], parts: after)
          == SearchIndexChunks.script(chunks[k], parts: before))
    }
    #expect(try Self.decoded(updated, parts: after, per: per) == Self.expected(index.entries))
    #expect(
      !updated.contains { $0.terms.contains(Term("ゐゐ")) }, "a term no page has any more leaves its chunk")
  }

  /// The terms whose postings differ between two cuts of a site's parts.
  static func changedTerms(from before: [SearchIndexPart], to after: [SearchIndexPart]) -> Set<Term> {
    var changed: Set<Term> = []
    for k in 0..<max(before.count, after.count) {
      let old = k < before.count ? before[k] : nil
      let new = k < after.count ? after[k] : nil
      for term in Set(old?.postings.keys ?? [:].keys).union(new?.postings.keys ?? [:].keys)
      where old?.posting(of: term) != new?.posting(of: term) {
        changed.insert(term)
      }
    }
    return changed
  }

  /// The chunks of `entries` as `kenshu serve` leaves them when the site grew from its first
  /// page, `step` pages a rebuild, each rebuild updating the last one's chunks; `check` sees
  /// each rebuild's chunks before and after, with their parts.
  static func grown(
    _ entries: [SearchIndex.Entry], per: Int, step: Int,
    check: (
      _ before: [SearchIndexChunk], _ beforeParts: [SearchIndexPart], _ after: [SearchIndexChunk],
      _ afterParts: [SearchIndexPart], _ touched: Set<String>
    ) throws -> Void = { _, _, _, _, _ in }
  ) rethrows -> (chunks: [SearchIndexChunk], parts: [SearchIndexPart]) {
    var parts = Self.parts(Array(entries.prefix(1)), per: per)
    var chunks = SearchIndexChunks.cut(parts)
    for end in stride(from: 1 + step, through: entries.count + step - 1, by: step) {
      let after = Self.parts(Array(entries.prefix(end)), per: per)
      let (updated, touched) = SearchIndexChunks.update(
        chunks, changed: changedTerms(from: parts, to: after), parts: after)
      try check(chunks, parts, updated, after, touched)
      chunks = updated
      parts = after
    }
    return (chunks, parts)
  }

  /// Within one `kenshu serve` process chunk boundaries do not move, so a site started with
  /// one page would put every later term into `t0.js`. A rebuild cuts a chunk again once it
  /// holds more than twice `chunkBytes` of postings and more than one term: grown page by
  /// page, every such chunk stays within the bound, the files nothing changed in stay byte
  /// for byte what they were, the chunks partition the terms, and they hold what a fresh cut
  /// of the same pages holds (so a search finds the same).
  @Test func chunksOfASiteGrownFromOnePage_staySmall_andHoldWhatAFreshCutHolds() throws {
    let entries = Self.commonCorpus(seed: 31, pages: 500).entries
    let per = 120
    var splits = 0
    var largest = 0
    let (chunks, parts) = try Self.grown(entries, per: per, step: 9) {
      before, beforeParts, after, parts, touched in
      let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0) })
      for chunk in after where !touched.contains(chunk.path) {
        let kept = try #require(old[chunk.path], "a chunk not written again was there before")
        #expect(
          SearchIndexChunks.script(chunk, parts: parts) == SearchIndexChunks.script(kept, parts: beforeParts))
      }
      if after.count > before.count { splits += 1 }
      #expect(Set(after.map(\.number)).count == after.count, "every chunk has a file of its own")
      #expect(after.first?.firstTerm == "")
      var terms: Set<Term> = []
      for (k, chunk) in after.enumerated() {
        let bytes = chunk.terms.reduce(0) { $0 + SearchIndexChunks.size(of: $1, in: parts) }
        if chunk.terms.count > 1 {
          #expect(bytes <= 2 * SearchIndexChunks.chunkBytes, "\(chunk.path): \(bytes) bytes")
          largest = max(largest, bytes)
        }
        for term in chunk.terms {
          #expect(SearchIndexChunks.index(of: term, in: after) == k, "\(term.text)")
          #expect(terms.insert(term).inserted, "\(term.text) in one chunk only")
        }
      }
      #expect(terms == Set(parts.flatMap(\.postings.keys)), "the chunks hold every term of the site")
    }
    #expect(splits >= 5, "\(splits) rebuilds split a chunk")
    #expect(chunks.count > 10 && largest > SearchIndexChunks.chunkBytes)
    #expect(
      chunks.map(\.number) != Array(chunks.indices), "split chunks are numbered after the last, out of order")
    let fresh = SearchIndexChunks.cut(parts)
    #expect(try Self.decoded(chunks, parts: parts, per: per) == Self.decoded(fresh, parts: parts, per: per))
    #expect(try Self.decoded(chunks, parts: parts, per: per) == Self.expected(entries))
  }

  /// A term with more postings than the bound has a chunk of its own, which no rebuild cuts
  /// again however big it grows; the chunks of several terms stay within the bound.
  @Test func aCommonTermGrowsInAChunkOfItsOwn() throws {
    let text = String(repeating: "在宅", count: 200)
    let entries = (0..<300).map { SearchIndex.Entry(title: "頁\($0 % 10)", path: "p\($0).html", text: text) }
    let (chunks, parts) = try Self.grown(entries, per: 100, step: 30)
    for term in [Term("在宅"), Term("宅在")] {
      #expect(chunks.contains { $0.terms == [term] }, "\(term.text) alone")
      #expect(SearchIndexChunks.size(of: term, in: parts) > 2 * SearchIndexChunks.chunkBytes)
    }
    for chunk in chunks where chunk.terms.count > 1 {
      #expect(
        chunk.terms.reduce(0) { $0 + SearchIndexChunks.size(of: $1, in: parts) } <= 2
          * SearchIndexChunks.chunkBytes)
    }
  }

  /// A part patched page by page (`replacing`, what a serve rebuild does) holds what a part cut
  /// from the new entries holds, after each of many seeded rounds of edits (new terms, lost
  /// ones, pages emptied and refilled, appended to or unchanged, several pages at once,
  /// enough rounds to compact), and names exactly the terms whose postings changed.
  @Test func aPatchedPart_equalsAPartCutFromTheNewEntries_roundAfterRound() throws {
    var random = Random(state: 29)
    var entries = Array(Self.commonCorpus(seed: 31, pages: 160).entries)
    var part = SearchIndexPart(entries: entries[...])
    for round in 0..<60 {
      var changes: [(page: Int, old: SearchIndex.Entry, new: SearchIndex.Entry)] = []
      var pages: Set<Int> = []
      for _ in 0..<(1 + random.next(round % 7 == 0 ? 12 : 2)) { pages.insert(random.next(entries.count)) }
      for page in pages.sorted() {
        let path = entries[page].document.path
        let text: String
        switch random.next(7) {
        case 0: text = ""
        // Appended to (most terms keep their positions) or the same again (nothing changes).
        case 5: text = entries[page].document.text + " 追記：サーバーで確認。" + random.text(random.next(20))
        case 6: text = entries[page].document.text
        case 1: text = "新語\(round)ゑ\(page) " + random.text(random.next(40))
        case 2: text = String(repeating: "訪問看護の記録を、みんなで確かめる。", count: 1 + random.next(4))
        default: text = random.text(random.next(300))
        }
        let kind = random.next(3)
        let title = kind == 0 ? entries[page].document.title : random.text(1 + random.next(30))
        let new = SearchIndex.Entry(title: title, path: path, text: text)
        changes.append((page, entries[page], new))
        entries[page] = new
      }
      let (patched, changed) = try #require(part.replacing(changes))
      let fresh = SearchIndexPart(entries: entries[...])
      let terms = Set(fresh.postings.keys).union(part.postings.keys).union(patched.postings.keys)
      for term in terms {
        #expect(patched.posting(of: term) == fresh.posting(of: term), "round \(round): \(term.text)")
      }
      #expect(Set(patched.postings.keys) == Set(fresh.postings.keys), "round \(round)")
      #expect(patched.meta == fresh.meta && patched.textLengthSum == fresh.textLengthSum, "round \(round)")
      let expectedChanged = Set(terms.filter { part.posting(of: $0) != fresh.posting(of: $0) })
      #expect(changed == expectedChanged, "round \(round)")
      part = patched
    }
    #expect(part.replacing([(page: 160, old: entries[0], new: entries[0])]) == nil, "a page outside the part")
  }

  /// A posting list read back with the word reader is the list written, for lists ending at
  /// every bit of a character and codes of every length up to the reader's limit.
  @Test func theBitReader_readsEveryCodeTheWriterWrites() throws {
    var random = Random(state: 41)
    for _ in 0..<2_000 {
      var writer = SearchPostingCode.BitWriter()
      var written: [(value: UInt64, order: Int)] = []
      for _ in 0..<(1 + random.next(40)) {
        let order = random.next(16)
        let bits = random.next(random.next(2) == 0 ? 8 : 46)
        let value =
          bits == 0 ? 0 : (UInt64(random.next(1 << 30)) << 16 | UInt64(random.next(1 << 16))) >> (46 - bits)
        writer.expGolomb(value, order: order)
        written.append((value, order))
      }
      var out: [UInt8] = []
      writer.flush(into: &out)
      var reader = SearchPostingCode.BitReader(bytes: out[...])
      for (value, order) in written {
        #expect(reader.expGolomb(order: order) == value)
      }
      #expect(reader.restIsZero)
    }
    var reader = SearchPostingCode.BitReader("A*A")
    #expect(reader.read(bits: 6) == 0 && reader.read(bits: 1) == nil, "a character that is not a digit")
  }

  /// Seeded posting lists: pages with one region or several, offsets near and far apart,
  /// the largest a heading can have, and one page only.
  static func postings(seed: UInt64, lists: Int) -> [[(page: Int, positions: [UInt32])]] {
    var random = Random(state: seed)
    // The largest numbers the code can meet: pages far apart, offsets near 2^30.
    let extreme: [(page: Int, positions: [UInt32])] = [
      (page: 0, positions: [2]), (page: 999, positions: [1, UInt32.max >> 1, UInt32.max - 1]),
      (page: 1_000_000, positions: [(UInt32.max >> 2) << 2 | 2]),
    ]
    // Order 0: offset 0 on consecutive pages.
    let zero = (0..<50).map { (page: $0, positions: [UInt32(2)]) }
    return [extreme, zero]
      + (0..<lists).map { list in
        var page = random.next(3)
        return (0..<(list == 0 ? 1 : 1 + random.next(40))).map { _ in
          defer { page += 1 + random.next(list % 2 == 0 ? 2 : 300) }
          let regions = random.next(3) == 0 ? [0, 1, 2, 3] : [random.next(4)]
          var set: Set<UInt32> = []
          for _ in 0..<(1 + random.next(12)) {
            // Drawn per list, so that lists have every order of code (k = 0 … 15), not only
            // the large ones a far position in each list makes.
            let scale = [2, 8, 40, 200, 1000, 5000, 4096 * 64][list % 7]
            set.insert(UInt32(random.next(scale)) << 2 | UInt32(regions[random.next(regions.count)]))
          }
          return (page, set.sorted())
        }
      }
  }

  @Test func postings_roundTripThroughTheBitStream() throws {
    for postings in Self.postings(seed: 5, lists: 400) {
      var out: [UInt8] = []
      SearchPostingCode.encode(postings.map { ($0.page, $0.positions[...]) }, into: &out)
      #expect(out.allSatisfy { SearchPostingCode.digits.contains($0) })
      let decoded = try #require(SearchPostingCode.decode(String(decoding: out, as: UTF8.self)))
      #expect(decoded.map(\.page) == postings.map(\.page))
      #expect(decoded.map(\.positions) == postings.map(\.positions))
    }
    // The extremes: offset 0 only, and the largest position a heading can have.
    for positions: [UInt32] in [
      [2], [0], [UInt32(4096 * 64 + 4095) << 2 | 1, UInt32(4096 * 64 + 4095) << 2 | 3],
    ] {
      var out: [UInt8] = []
      SearchPostingCode.encode([(page: 999, positions: positions[...])], into: &out)
      let decoded = SearchPostingCode.decode(String(decoding: out, as: UTF8.self))
      #expect(decoded?.first?.page == 999 && decoded?.first?.positions == positions && decoded?.count == 1)
    }
    #expect(SearchPostingCode.decode("A*") == nil, "not a posting list")
  }

  /// The manifest's warm-up sample is a posting list like a common term's: `search.js`
  /// decodes it when the page opens, and a list it could not decode would warm nothing.
  @Test func theWarmUpSample_isACommonTermsPostingList_inTheManifest() throws {
    let decoded = try #require(SearchPostingCode.decode(SearchPostingCode.warmUpSample))
    #expect(decoded.count == 200 && decoded.allSatisfy { $0.positions.count == 6 })
    #expect(decoded.contains { Set($0.positions.map { $0 & 3 }).count == 2 }, "some pages in two regions")
    let manifest = String(
      decoding: SearchIndexPart.manifest(firstTerms: [], meta: [], documents: 0, textLengthSum: 0),
      as: UTF8.self)
    #expect(manifest.contains("\"w\":\"\(SearchPostingCode.warmUpSample)\""))
    // Tests/browser/search-decode.test.js ranks it with search.js's warm-up.
    let pages = decoded.map { [$0.page, $0.positions.map(Int.init)] as [Any] }
    let data =
      try JSONSerialization.data(
        withJSONObject: ["w": SearchPostingCode.warmUpSample, "pages": pages] as [String: Any],
        options: [.sortedKeys])
      + Data("\n".utf8)
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../browser/fixtures/search-warm-up.json").standardized
    if ProcessInfo.processInfo.environment["KENSHU_WRITE_FIXTURES"] == "1" { try data.write(to: file) }
    #expect(try Data(contentsOf: file) == data, "run with KENSHU_WRITE_FIXTURES=1 to rewrite \(file.path)")
  }

  /// A term's common positions take fewer characters than one variable-length number each
  /// (the code before): 10 positions ~80 characters apart on each of 1,000 pages.
  @Test func commonTermsPositions_takeAboutOneAndAHalfCharactersEach() {
    var postings: [(page: Int, positions: ArraySlice<UInt32>)] = []
    for page in 0..<1000 {
      let offsets: [Int] = (0..<10).map { 40 + 80 * $0 + page % 7 }
      postings.append((page, offsets.map { UInt32($0) << 2 | 2 }[...]))
    }
    var out: [UInt8] = []
    SearchPostingCode.encode(postings, into: &out)
    #expect(out.count < 1000 * (2 + 10 * 3 / 2), "\(out.count) characters")
  }

  /// `Tests/browser/search-decode.test.js` decodes these lists with `search.js`'s decoder;
  /// this test keeps the file what the encoder writes now. `KENSHU_WRITE_FIXTURES=1` rewrites it.
  @Test func theBrowserDecodersFixture_isWhatTheEncoderWritesNow() throws {
    var cases: [[String: Any]] = []
    for postings in Self.postings(seed: 9, lists: 24) {
      var out: [UInt8] = []
      SearchPostingCode.encode(postings.map { ($0.page, $0.positions[...]) }, into: &out)
      cases.append([
        "text": String(decoding: out, as: UTF8.self),
        "pages": postings.map { [$0.page, $0.positions.map(Int.init)] as [Any] },
      ])
    }
    let data = try JSONSerialization.data(withJSONObject: cases, options: [.sortedKeys]) + Data("\n".utf8)
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../browser/fixtures/search-postings.json").standardized
    if ProcessInfo.processInfo.environment["KENSHU_WRITE_FIXTURES"] == "1" { try data.write(to: file) }
    #expect(try Data(contentsOf: file) == data, "run with KENSHU_WRITE_FIXTURES=1 to rewrite \(file.path)")
  }

  /// The differential test of what the files hold: a seeded site in parts of 40 pages, its
  /// manifest and chunks as written (and as a site grown to the same pages a few at a time
  /// leaves them, `grown`), and for each of many queries the pages the reference
  /// (`SearchIndex.search`) finds. `Tests/browser/search-decode.test.js` runs `search.js`'s own
  /// choice of chunks, decoding and matching over these files and must find exactly those
  /// pages; this test keeps the fixture what the index writes now (`KENSHU_WRITE_FIXTURES=1`
  /// rewrites it).
  @Test func theBrowserQueryFixture_isWhatTheIndexWritesNow() throws {
    let index = Self.commonCorpus(seed: 21, pages: 150)
    let per = 40
    let parts = Self.parts(index.entries, per: per)
    let chunks = SearchIndexChunks.cut(parts)
    #expect(parts.count == 4 && chunks.count > 2)
    let manifest = SearchIndexPart.manifest(
      firstTerms: chunks.map(\.firstTerm), meta: parts.map(\.meta), documents: index.entries.count,
      textLengthSum: parts.reduce(0) { $0 + $1.textLengthSum }, per: per)
    var scripts: [String: String] = [:]
    for chunk in chunks {
      scripts[chunk.path] = String(decoding: SearchIndexChunks.script(chunk, parts: parts), as: UTF8.self)
    }
    // The same pages added a few at a time, as `kenshu serve` rebuilds: chunks split as they
    // grew, numbered out of order, which the manifest then lists.
    let grown = try Self.grown(index.entries, per: per, step: 3).chunks
    #expect(grown.map(\.number) != Array(grown.indices))
    let grownManifest = SearchIndexPart.manifest(
      firstTerms: grown.map(\.firstTerm), files: grown.map(\.number), meta: parts.map(\.meta),
      documents: index.entries.count, textLengthSum: parts.reduce(0) { $0 + $1.textLengthSum }, per: per)
    #expect(String(decoding: grownManifest, as: UTF8.self).contains("\"f\":["))
    var grownScripts: [String: String] = [:]
    for chunk in grown {
      grownScripts[chunk.path] = String(
        decoding: SearchIndexChunks.script(chunk, parts: parts), as: UTF8.self)
    }
    var random = Random(state: 17)
    let cjk = Array("在宅医療看護支援退院介護ケアマネジャーのをとが記録")
    var queries = ["在宅 医療", "看護、支援", "ab1", "マネジャー", "訪問看護", "記録を", "の", "看", "ゑ", "頁1"]
    for _ in 0..<150 {
      if let query = random.query(in: index, alphabet: cjk) { queries.append(query) }
    }
    let cases: [[String: Any]] = queries.map { ["q": $0, "hits": index.search($0)] }
    #expect(queries.filter { !index.search($0).isEmpty }.count > 100, "most queries find pages")
    let data =
      try JSONSerialization.data(
        withJSONObject: [
          "manifest": String(decoding: manifest, as: UTF8.self), "chunks": scripts, "queries": cases,
          "grown": ["manifest": String(decoding: grownManifest, as: UTF8.self), "chunks": grownScripts],
        ]
          as [String: Any], options: [.sortedKeys])
      + Data("\n".utf8)
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../browser/fixtures/search-queries.json").standardized
    if ProcessInfo.processInfo.environment["KENSHU_WRITE_FIXTURES"] == "1" { try data.write(to: file) }
    #expect(try Data(contentsOf: file) == data, "run with KENSHU_WRITE_FIXTURES=1 to rewrite \(file.path)")
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
      if let query = random.query(in: index, alphabet: cjk) { queries.append(query) }
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
