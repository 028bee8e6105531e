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
  /// Postings written again by `replacing`, one after another. A patch appends here rather
  /// than to `bytes`, which the previous build's record shares: appending to `bytes` copied a
  /// part's whole postings (and faulted in the new pages) on every serve rebuild, 4 % of its
  /// CPU samples and most of its page faults (perf, issue 18).
  private var patched: [UInt8] = []
  /// Where in `postings` a range is one of `patched`'s: its offset there plus this.
  private static let patchedBase = 1 << 48
  /// term → where its postings are: a range of `bytes`, or of `patched` moved up by
  /// `patchedBase` (`slice`); either way its count is the postings' size.
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

  /// This part with the entries of some of its pages replaced (`page`: the page's number in
  /// the part), cutting again only the postings of the terms those pages hold before or after
  /// the change: the same postings and meta as a part cut from the new entries
  /// (`SearchIndexPartTests` pins it). Also returns the terms whose postings are not what they
  /// were. A serve rebuild after one edit spent about a quarter of its time cutting the edited
  /// page's whole part of 1,000 pages again (issue 18). Nil when a page number is outside
  /// the part or a kept posting list does not decode (the caller cuts the part whole).
  func replacing(
    _ changes: [(page: Int, old: SearchIndex.Entry, new: SearchIndex.Entry)]
  ) -> (part: SearchIndexPart, changed: Set<Term>)? {
    let pages = meta.utf8.count / 3
    var replaced: [Int: [Term: ArraySlice<UInt32>]] = [:]
    var affected: Set<Term> = []
    for change in changes {
      guard (0..<pages).contains(change.page) else { return nil }
      let new = Dictionary(zip(change.new.terms, change.new.positions), uniquingKeysWith: { a, _ in a })
      // A term at the same positions as before keeps its postings: an edit touches the terms
      // after it (their offsets move) and those it adds or removes.
      for (term, positions) in zip(change.old.terms, change.old.positions) where new[term] != positions {
        affected.insert(term)
      }
      let old = Set(change.old.terms)
      for term in change.new.terms where !old.contains(term) { affected.insert(term) }
      replaced[change.page] = new
    }
    let order = replaced.keys.sorted()
    var part = self
    var changed: Set<Term> = []
    var encoded: [UInt8] = []
    for term in affected {
      var list: [(page: Int, positions: ArraySlice<UInt32>)] = []
      if let range = postings[term] {
        guard let decoded = SearchPostingCode.decode(bytes: slice(range)) else { return nil }
        list.reserveCapacity(decoded.count + order.count)
        for (page, positions) in decoded where replaced[page] == nil { list.append((page, positions[...])) }
      }
      for page in order {
        guard let positions = replaced[page]?[term] else { continue }
        let at = list.firstIndex { $0.page > page } ?? list.endIndex
        list.insert((page, positions), at: at)
      }
      encoded.removeAll(keepingCapacity: true)
      if !list.isEmpty { SearchPostingCode.encode(list, into: &encoded) }
      let before = postings[term].map(slice)
      if let before, before.elementsEqual(encoded) { continue }
      changed.insert(term)
      if let old = postings[term] { part.unused += old.count }
      if list.isEmpty {
        part.postings[term] = nil
      } else {
        let start = Self.patchedBase + part.patched.count
        part.patched += encoded
        part.postings[term] = start..<(Self.patchedBase + part.patched.count)
      }
    }
    // Lists written again go to `patched`; once most of the bytes are old lists, or `patched`
    // has grown to an eighth of `bytes` (each patch copies it), copy the live ones together.
    if part.unused > (part.bytes.count + part.patched.count) / 2 || part.patched.count > part.bytes.count / 8
    {
      part.compact()
    }
    var metaCharacters = Array(meta.utf8)
    for change in changes {
      let at = change.page * 3
      metaCharacters[at] = Self.lengthCode(change.new.textLength).asciiValue ?? UInt8(ascii: "A")
      let head = Self.fixed(change.new.titleHeadLength, digits: 2).utf8
      metaCharacters.replaceSubrange(at + 1..<at + 3, with: head)
      part.textLengthSum += change.new.textLength - change.old.textLength
    }
    part.meta = String(decoding: metaCharacters, as: UTF8.self)
    return (part, changed)
  }

  /// Bytes of `bytes` that no posting names any more (lists replaced by `replacing`).
  private var unused = 0

  private mutating func compact() {
    var packed: [UInt8] = []
    packed.reserveCapacity(bytes.count + patched.count - unused)
    for (term, range) in postings {
      let start = packed.count
      packed += slice(range)
      postings[term] = start..<packed.count
    }
    bytes = packed
    patched = []
    unused = 0
  }

  /// The postings of `term` on this part's pages, nil when none of them holds it.
  func posting(of term: Term) -> ArraySlice<UInt8>? { postings[term].map(slice) }

  /// The bytes a range of `postings` names.
  private func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
    guard range.lowerBound >= Self.patchedBase else { return bytes[range] }
    return patched[(range.lowerBound - Self.patchedBase)..<(range.upperBound - Self.patchedBase)]
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
