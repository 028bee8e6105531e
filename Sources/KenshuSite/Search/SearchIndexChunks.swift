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
  var path: String
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
    var chunks: [SearchIndexChunk] = []
    var open: [Term] = []
    var openBytes = 0
    func close() {
      guard let first = open.first else { return }
      chunks.append(
        SearchIndexChunk(
          firstTerm: chunks.isEmpty ? "" : first.text, terms: open, path: SiteLayout.searchChunk(chunks.count)
        ))
      open = []
      openBytes = 0
    }
    for term in sizes.keys.sorted(by: Term.precedesInUTF16) {
      let size = sizes[term]!
      let alone = size >= chunkBytes / 2
      if alone { close() }
      open.append(term)
      openBytes += size
      if alone || openBytes >= chunkBytes { close() }
    }
    close()
    return chunks
  }

  /// The chunks after the postings of `changed` terms changed (a rebuild): each such term
  /// stays in, joins or leaves the chunk whose range holds it, and no chunk boundary moves,
  /// so every other chunk's file stays as it is. Returns the chunks and the indices of those
  /// whose files must be written again. `chunks` must not be empty.
  static func update(
    _ chunks: [SearchIndexChunk], changed: some Sequence<Term>, parts: [SearchIndexPart]
  ) -> (chunks: [SearchIndexChunk], touched: Set<Int>) {
    var chunks = chunks
    var touched: Set<Int> = []
    for term in changed {
      let k = index(of: term, in: chunks)
      let present = parts.contains { $0.postings[term] != nil }
      let at = chunks[k].terms.firstIndex(of: term)
      if present, at == nil {
        let insertion =
          chunks[k].terms.firstIndex { Term.precedesInUTF16(term, $0) } ?? chunks[k].terms.endIndex
        chunks[k].terms.insert(term, at: insertion)
      } else if !present, let at {
        chunks[k].terms.remove(at: at)
      }
      touched.insert(k)
    }
    return (chunks, touched)
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
