import Foundation
import KenshuModel

/// One part of the search index (`SearchIndex.documentsPerPart` pages) as the files
/// `search.js` loads on demand.
///
/// The part's terms, sorted as JavaScript sorts strings, are cut into chunks of about
/// `chunkBytes`; the manifest lists each chunk's first term, so a query loads, per part, the
/// one chunk that can hold each of its terms. A chunk maps each term to its postings: the
/// pages of the part holding it, each with its positions (`offset << 2 | region`), written as
/// `SearchPostingCode` says. Each page's title, path and text are a fragment of their own,
/// loaded only when the page is shown as a result.
struct SearchIndexPart {
  /// Bytes of postings after which a chunk is closed; a term's postings are never split, and
  /// a term with half as many or more has a chunk of its own. Small enough that a query's chunks stay well
  /// within Pagefind's ~300 KB per search on 10,000 pages; large enough not to make
  /// thousands of files.
  static let chunkBytes = 6 * 1024

  struct Chunk {
    var firstTerm: String
    var path: String
    var script: Data
  }

  var chunks: [Chunk] = []
  /// Per page, three characters: its text length on a logarithmic scale (one character)
  /// and its title-head length (two), read by `search.js` for ranking.
  var meta: String = ""
  var textLengthSum = 0

  /// Cuts the part numbered `part` from its entries (`entries[i]` is page `i` of the part).
  init(part: Int, entries: ArraySlice<SearchIndex.Entry>) {
    var byTerm: [Term: [(page: Int, positions: ArraySlice<UInt32>)]] = [:]
    for (page, entry) in entries.enumerated() {
      for (term, positions) in zip(entry.terms, entry.positions) {
        byTerm[term, default: []].append((page, positions))
      }
      meta.append(Self.lengthCode(entry.textLength))
      meta += Self.fixed(entry.titleHeadLength, digits: 2)
      textLengthSum += entry.textLength
    }
    let sorted = byTerm.keys.sorted(by: Term.precedesInUTF16)
    var body: [UInt8] = []
    var first: String?
    func close() {
      guard let firstTerm = first else { return }
      let path = SiteLayout.searchChunk(part: part, chunk: chunks.count)
      var script = Array("KENSHU_SEARCH_CHUNK(\(SearchIndex.jsonString(path)),{".utf8)
      script += body
      script += Array("});\n".utf8)
      chunks.append(Chunk(firstTerm: firstTerm, path: path, script: Data(script)))
      body = []
      first = nil
    }
    var posting: [UInt8] = []
    for term in sorted {
      posting.removeAll(keepingCapacity: true)
      SearchPostingCode.encode(byTerm[term]!, into: &posting)
      // A common term's postings get a chunk of their own: a query for it then loads no
      // other term's (measured: 在宅's chunks were half other terms, 50 of 104 KB).
      let alone = posting.count >= Self.chunkBytes / 2
      if alone { close() }
      if first == nil {
        first = term.text
      } else {
        body.append(UInt8(ascii: ","))
      }
      body += Array(SearchIndex.jsonString(term.text).utf8)
      body += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
      body += posting
      body.append(UInt8(ascii: "\""))
      if alone || body.count >= Self.chunkBytes { close() }
    }
    close()
  }

  static let digits = SearchPostingCode.digits

  /// A text length as one digit: the nearest power of 1.15 (up to about 6,600 characters),
  /// enough for BM25's length normalisation.
  static func lengthCode(_ length: Int) -> Character {
    let code = length <= 1 ? 0 : min(63, Int((log(Double(length)) / log(1.15)).rounded()))
    return Character(Unicode.Scalar(digits[code]))
  }

  static func fixed(_ value: Int, digits count: Int) -> String {
    var out = ""
    for k in (0..<count).reversed() { out.append(Character(Unicode.Scalar(digits[(value >> (6 * k)) & 63]))) }
    return out
  }

  /// The fragment of page `id` (global): what a result shows.
  static func fragment(_ document: SearchIndex.Document, id: Int) -> Data {
    Data(
      ("KENSHU_SEARCH_DOC(\(id),{\"t\":" + SearchIndex.jsonString(document.title) + ",\"u\":"
        + SearchIndex.jsonString(document.path) + ",\"x\":" + SearchIndex.jsonString(document.text) + "});\n")
        .utf8)
  }

  /// The manifest over all parts: `search.js` reads it first.
  static func manifest(parts: [(firstTerms: [String], meta: String)], documents: Int, textLengthSum: Int)
    -> Data
  {
    var out = "window.KENSHU_SEARCH_INDEX={\"n\":\(documents),\"per\":\(SearchIndex.documentsPerPart)"
    let average = documents == 0 ? 1 : max(1, textLengthSum / documents)
    out += ",\"avg\":\(average),\"w\":\"\(SearchPostingCode.warmUpSample)\",\"parts\":["
    for (i, part) in parts.enumerated() {
      if i > 0 { out += "," }
      out +=
        "{\"c\":[" + part.firstTerms.map(SearchIndex.jsonString).joined(separator: ",") + "],\"m\":\""
        + part.meta + "\"}"
    }
    out += "]};\n"
    return Data(out.utf8)
  }
}
