import Foundation
import KenshuModel

/// One part of the search index (`SearchIndex.documentsPerPart` pages): each term's postings
/// on the part's pages, and what the manifest says of each page.
///
/// A term's postings list the pages of the part holding it (numbered within the part), each
/// with its positions (`offset << 2 | region`), written as `SearchPostingCode` says. They are
/// not files of their own: a chunk of the index (`SearchIndexChunks`) holds, for each of its
/// terms, the postings of every part, so that a query loads one file per term however many
/// parts the site has. A part is cut again only when one of its pages changed; a rebuild keeps
/// the others' postings as they were.
struct SearchIndexPart: Sendable {
  /// Every term's postings, one after another; `postings` says where each term's are.
  private(set) var bytes: [UInt8] = []
  /// term → its postings in `bytes`.
  private(set) var postings: [Term: Range<Int>] = [:]
  /// Per page, three characters: its text length on a logarithmic scale (one character)
  /// and its title-head length (two), read by `search.js` for ranking.
  var meta: String = ""
  var textLengthSum = 0

  /// Cuts a part from its entries (`entries[i]` is page `i` of the part).
  init(entries: ArraySlice<SearchIndex.Entry>) {
    var byTerm: [Term: [(page: Int, positions: ArraySlice<UInt32>)]] = [:]
    for (page, entry) in entries.enumerated() {
      for (term, positions) in zip(entry.terms, entry.positions) {
        byTerm[term, default: []].append((page, positions))
      }
      meta.append(Self.lengthCode(entry.textLength))
      meta += Self.fixed(entry.titleHeadLength, digits: 2)
      textLengthSum += entry.textLength
    }
    postings.reserveCapacity(byTerm.count)
    for (term, list) in byTerm {
      let start = bytes.count
      SearchPostingCode.encode(list, into: &bytes)
      postings[term] = start..<bytes.count
    }
  }

  /// The postings of `term` on this part's pages, nil when none of them holds it.
  func posting(of term: Term) -> ArraySlice<UInt8>? { postings[term].map { bytes[$0] } }

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

  /// The manifest: `search.js` reads it first. `firstTerms`: each chunk's lowest term (the
  /// first chunk's is empty); `files`: each chunk's file number, listed (`f`) only when they
  /// are not 0, 1, 2 … (`kenshu serve` split a chunk); `meta`: each part's; `per`: pages per
  /// part.
  static func manifest(
    firstTerms: [String], files: [Int] = [], meta: [String], documents: Int, textLengthSum: Int,
    per: Int = SearchIndex.documentsPerPart
  ) -> Data {
    var out = "window.KENSHU_SEARCH_INDEX={\"n\":\(documents),\"per\":\(per)"
    let average = documents == 0 ? 1 : max(1, textLengthSum / documents)
    out += ",\"avg\":\(average),\"w\":\"\(SearchPostingCode.warmUpSample)\",\"c\":["
    out += firstTerms.map(SearchIndex.jsonString).joined(separator: ",") + "]"
    if files != Array(files.indices) {
      out += ",\"f\":[" + files.map(String.init).joined(separator: ",") + "]"
    }
    out += ",\"parts\":["
    out += meta.map { "{\"m\":\"" + $0 + "\"}" }.joined(separator: ",")
    out += "]};\n"
    return Data(out.utf8)
  }
}
