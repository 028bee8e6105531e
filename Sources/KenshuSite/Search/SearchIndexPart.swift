import Foundation
import KenshuModel

/// One part of the search index (`SearchIndex.documentsPerPart` pages) as the files
/// `search.js` loads on demand.
///
/// The part's terms, sorted as JavaScript sorts strings, are cut into chunks of about
/// `chunkBytes`; the manifest lists each chunk's first term, so a query loads, per part, the
/// one chunk that can hold each of its terms. A chunk maps each term to its postings, written
/// compactly as base64url variable-length numbers (five bits a character, the sixth saying
/// "more follows"): for each page holding the term, the page's number in the part (as the
/// difference from the previous one), how many positions follow, then the positions
/// (`offset << 2 | region`) as differences. Each page's title, path and text are a fragment
/// of their own, loaded only when the page is shown as a result.
struct SearchIndexPart {
  /// Bytes of postings after which a chunk is closed; a term's postings are never split, so
  /// a common term's chunk can be bigger. Small enough that a query's chunks stay well
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
    for term in sorted {
      if first == nil {
        first = term.text
      } else {
        body.append(UInt8(ascii: ","))
      }
      body += Array(SearchIndex.jsonString(term.text).utf8)
      body += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
      Self.encode(byTerm[term]!, into: &body)
      body.append(UInt8(ascii: "\""))
      if body.count >= Self.chunkBytes { close() }
    }
    close()
  }

  static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// One posting list as variable-length numbers (see the type's documentation).
  static func encode(_ postings: [(page: Int, positions: ArraySlice<UInt32>)], into out: inout [UInt8]) {
    var previousPage = 0
    for (page, positions) in postings {
      number(page - previousPage, into: &out)
      previousPage = page
      number(positions.count, into: &out)
      var previous: UInt32 = 0
      for position in positions {
        number(Int(position - previous), into: &out)
        previous = position
      }
    }
  }

  static func number(_ value: Int, into out: inout [UInt8]) {
    var rest = value
    repeat {
      let low = rest & 31
      rest >>= 5
      out.append(digits[rest > 0 ? low | 32 : low])
    } while rest > 0
  }

  /// Decodes `encode`'s output (for tests and the reference of `search.js`'s decoder).
  static func decode(_ text: String) -> [(page: Int, positions: [UInt32])] {
    var values: [Int] = []
    var value = 0
    var shift = 0
    for byte in text.utf8 {
      guard let digit = digits.firstIndex(of: byte) else { return [] }
      value |= (digit & 31) << shift
      if digit & 32 != 0 {
        shift += 5
      } else {
        values.append(value)
        value = 0
        shift = 0
      }
    }
    var result: [(page: Int, positions: [UInt32])] = []
    var i = 0
    var page = 0
    while i + 1 < values.count {
      page += values[i]
      let count = values[i + 1]
      i += 2
      var position = 0
      var positions: [UInt32] = []
      for _ in 0..<count where i < values.count {
        position += values[i]
        positions.append(UInt32(position))
        i += 1
      }
      result.append((page, positions))
    }
    return result
  }

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
    out += ",\"avg\":\(average),\"parts\":["
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
