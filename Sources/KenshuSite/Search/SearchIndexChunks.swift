import Foundation
import KenshuModel

/// One file of the index's terms: a run of terms in JavaScript's string order, each with its
/// postings in every part of the index.
struct SearchIndexChunk: Sendable, Equatable {
  /// The lowest term the chunk holds or may be given; empty for the first chunk, which takes
  /// every term sorting before the second's. The manifest lists these, and `search.js` finds
  /// a term's chunk by a binary search over them.
  var firstTerm: String
  /// Its terms, ascending as JavaScript compares strings.
  var terms: [Term]
  /// The number of its file (`search/t<number>.js`): its place in the list after a fresh cut;
  /// a chunk split on a rebuild keeps its number, and the new ones are numbered after the last.
  var number: Int

  var path: String { SiteLayout.searchChunk(number) }
}

/// How the terms of all parts are cut into chunks, and what a chunk's script holds.
///
/// Chunks are cut over the whole site, not per part: a query loads one chunk per term (a lone
/// character, the few chunks of the terms starting with it) however many parts the site has.
/// On the 10,000-session bench site a query for 退院支援 loaded 22 files, one per part for
/// each of its two terms: 37 ms as 22 scripts, 6 ms as one with the same bytes (headless
/// Chromium, `file://`), so the number of files was most of a query's time (issue 18).
enum SearchIndexChunks {
  /// Bytes of postings after which a chunk is closed; a term's postings are never split, and
  /// a term with half as many or more has a chunk of its own (a query for it then loads no
  /// other term's: 在宅's chunks were once half other terms, 50 of 104 KB). Small enough that
  /// a query's chunks stay well within Pagefind's ~300 KB per search on 10,000 pages; large
  /// enough not to make thousands of files.
  static let chunkBytes = 6 * 1024

  /// Cuts every term of `parts` (indexed by part number) into chunks, afresh.
  static func cut(_ parts: [SearchIndexPart]) -> [SearchIndexChunk] {
    var sizes: [Term: Int] = [:]
    for part in parts {
      for (term, range) in part.postings { sizes[term, default: 0] += range.count + 4 }
    }
    let runs = runs(of: sizes.keys.sorted(by: Term.precedesInUTF16)) { sizes[$0]! }
    return runs.enumerated().map { k, terms in
      SearchIndexChunk(firstTerm: k == 0 ? "" : terms[0].text, terms: terms, number: k)
    }
  }

  /// `terms` (ascending) cut into the runs of one chunk each: a run is closed once its
  /// postings reach `chunkBytes`, and a term of half as many or more is a run of its own.
  static func runs(of terms: [Term], size: (Term) -> Int) -> [[Term]] {
    var runs: [[Term]] = []
    var open: [Term] = []
    var openBytes = 0
    func close() {
      guard !open.isEmpty else { return }
      runs.append(open)
      open = []
      openBytes = 0
    }
    for term in terms {
      let size = size(term)
      let alone = size >= chunkBytes / 2
      if alone { close() }
      open.append(term)
      openBytes += size
      if alone || openBytes >= chunkBytes { close() }
    }
    close()
    return runs
  }

  /// The bytes of `term`'s postings in all `parts`, as `cut` counts them.
  static func size(of term: Term, in parts: [SearchIndexPart]) -> Int {
    parts.reduce(0) { $0 + ($1.postings[term].map { $0.count + 4 } ?? 0) }
  }

  /// The chunks after the postings of `changed` terms changed (a rebuild): each such term
  /// stays in, joins or leaves the chunk whose range holds it, so every other chunk's file
  /// stays as it is. A chunk that grew past twice `chunkBytes` with more than one term is cut
  /// again as `cut` would (the first piece keeps its number, the others are numbered after the
  /// last chunk): else boundaries never move, and a project started with one page would put
  /// every term it ever gets into `t0.js`. Returns the chunks, in term order, and the paths
  /// of those whose files must be written again. `chunks` must not be empty.
  static func update(
    _ chunks: [SearchIndexChunk], changed: some Sequence<Term>, parts: [SearchIndexPart]
  ) -> (chunks: [SearchIndexChunk], touched: Set<String>) {
    var chunks = chunks
    var touched: Set<Int> = []
    for term in changed {
      let k = index(of: term, in: chunks)
      let present = parts.contains { $0.postings[term] != nil }
      let at = insertionIndex(of: term, in: chunks[k].terms)
      let there = at < chunks[k].terms.endIndex && chunks[k].terms[at] == term
      if present, !there {
        chunks[k].terms.insert(term, at: at)
      } else if !present, there {
        chunks[k].terms.remove(at: at)
      }
      touched.insert(k)
    }
    var next = (chunks.map(\.number).max() ?? -1) + 1
    var result: [SearchIndexChunk] = []
    var paths: Set<String> = []
    for (k, chunk) in chunks.enumerated() {
      guard touched.contains(k) else {
        result.append(chunk)
        continue
      }
      var sizes: [Int] = []
      if chunk.terms.count > 1 { sizes = chunk.terms.map { size(of: $0, in: parts) } }
      guard sizes.reduce(0, +) > 2 * chunkBytes else {
        result.append(chunk)
        paths.insert(chunk.path)
        continue
      }
      let bytes = Dictionary(uniqueKeysWithValues: zip(chunk.terms, sizes))
      for (j, run) in runs(of: chunk.terms, size: { bytes[$0]! }).enumerated() {
        let piece = SearchIndexChunk(
          firstTerm: j == 0 ? chunk.firstTerm : run[0].text, terms: run, number: j == 0 ? chunk.number : next)
        if j > 0 { next += 1 }
        result.append(piece)
        paths.insert(piece.path)
      }
    }
    return (result, paths)
  }

  /// Where `term` is or would be inserted in `terms` (ascending): the first index whose term
  /// does not sort before it.
  static func insertionIndex(of term: Term, in terms: [Term]) -> Int {
    var low = 0
    var high = terms.count
    while low < high {
      let middle = (low + high) / 2
      if Term.precedesInUTF16(terms[middle], term) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The chunk whose range holds `term`: the last whose first term does not sort after it.
  static func index(of term: Term, in chunks: [SearchIndexChunk]) -> Int {
    var low = 0
    var high = chunks.count - 1
    var found = 0
    while low <= high {
      let middle = (low + high) / 2
      if Term.precedesInUTF16(term, Term(chunks[middle].firstTerm)) {
        high = middle - 1
      } else {
        found = middle
        low = middle + 1
      }
    }
    return found
  }

  /// The script of `chunk`: `KENSHU_SEARCH_CHUNK(path, {term: [part, "postings", …], …})`,
  /// each term with its postings in each part holding it, in part order.
  static func script(_ chunk: SearchIndexChunk, parts: [SearchIndexPart]) -> Data {
    var out = Array("KENSHU_SEARCH_CHUNK(\(SearchIndex.jsonString(chunk.path)),{".utf8)
    var firstTerm = true
    for term in chunk.terms {
      var firstPart = true
      for (number, part) in parts.enumerated() {
        guard let posting = part.posting(of: term) else { continue }
        if firstPart {
          if !firstTerm { out.append(UInt8(ascii: ",")) }
          out += Array(SearchIndex.jsonString(term.text).utf8)
          out += Array(":[".utf8)
          firstTerm = false
          firstPart = false
        } else {
          out.append(UInt8(ascii: ","))
        }
        out += Array("\(number),\"".utf8)
        out += posting
        out.append(UInt8(ascii: "\""))
      }
      if !firstPart { out.append(UInt8(ascii: "]")) }
    }
    out += Array("});\n".utf8)
    return Data(out)
  }
}
