/// How a query is matched against the index: the reference for `search.js`, which does the
/// same over the chunks it loads.
///
/// The query is normalised like page text and split into words at spaces and punctuation. A
/// word is cut into terms at their offsets within it; it occurs on a page where all its terms
/// occur at those offsets from one start, in one region. A lone CJK character stands for every
/// term starting with it (each character of a run starts exactly one term of the index).
enum SearchQuery {
  struct Word: Equatable {
    var text: String
    var items: [Item]
  }

  /// A term of a word and its offset in the word; `prefix`: any CJK term starting with it.
  struct Item: Equatable {
    var term: String
    var prefix: Bool
    var offset: Int
  }

  /// Where the query is split, as `search.js` splits it (after NFKC, which turns full-width
  /// punctuation into these).
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isWhitespace { return true }
    return "、。・,.;:!?「」『』()".unicodeScalars.contains(scalar)
  }

  static func words(_ query: String) -> [Word] {
    let scalars = SearchIndex.normalizedScalars(query)
    return scalars.split(whereSeparator: isSeparator).compactMap { slice in
      var items: [Item] = []
      SearchIndex.scan(slice[...], runFinals: false) { first, second, offset in
        items.append(Item(term: SearchIndex.pairText(first, second), prefix: second == nil, offset: offset))
      } word: { word, offset in
        items.append(Item(term: word, prefix: false, offset: offset))
      }
      guard !items.isEmpty else { return nil }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: slice)
      return Word(text: String(text), items: items)
    }
  }

  /// Where `word` occurs on the page: `(region, start offset)` pairs, in position order.
  static func occurrences(of word: Word, in entry: SearchIndex.Entry) -> [(SearchIndex.Region, Int)] {
    let all = entry.positions
    func positions(_ item: Item) -> [UInt32] {
      if !item.prefix {
        guard let i = entry.terms.firstIndex(of: Term(item.term)) else { return [] }
        return Array(all[i])
      }
      let first = item.term.unicodeScalars.first!
      var found: [UInt32] = []
      for (i, term) in entry.terms.enumerated() where term.text.unicodeScalars.first == first {
        found += all[i]
      }
      return found.sorted()
    }
    let lists = word.items.map { Set(positions($0)) }
    guard let anchor = word.items.first else { return [] }
    var found: [(SearchIndex.Region, Int)] = []
    for value in positions(anchor) {
      let region = value & 3
      let start = Int(value >> 2) - anchor.offset
      guard start >= 0 else { continue }
      let all = zip(word.items, lists).allSatisfy { item, list in
        list.contains(UInt32(start + item.offset) << 2 | region)
      }
      if all { found.append((SearchIndex.Region(rawValue: region)!, start)) }
    }
    return found
  }
}
