import Foundation

/// The keywords of each distinct free-text answer (`JapaneseKeywords.compounds` of its folded
/// text, each once), shared by the free-text items of one report, which run in parallel: the
/// same answers (特になし, なし, a course's stock phrases) recur across items, and MeCab's
/// segmentation of them was most of an item's cost. A text's keywords depend on the text alone
/// (String equality is canonical equivalence, which the NFKC folding maps to one text), so a
/// cached entry is what segmenting it again would give.
final class KeywordCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: [String]] = [:]
  /// Texts one caller is segmenting; another skips them first and takes them from `entries`
  /// once published (or segments them itself if they are still missing).
  private var claimed: Set<String> = []

  /// Texts are segmented in batches of this many (one MeCab tagger and lattice per batch).
  static let batch = 256

  /// The keywords of each text, in the texts' order.
  func keywords(of texts: [String], tagger: MeCabTagger) -> [[String]] {
    var result = [[String]?](repeating: nil, count: texts.count)
    var deferred: [Int] = []
    var start = 0
    while start < texts.count {
      let range = start..<min(start + Self.batch, texts.count)
      start = range.upperBound
      var mine: [Int] = []
      lock.withLock {
        for index in range {
          if let known = entries[texts[index]] {
            result[index] = known
          } else if claimed.insert(texts[index]).inserted {
            mine.append(index)
          } else {
            deferred.append(index)
          }
        }
      }
      guard !mine.isEmpty else { continue }
      let found = segment(mine.map { texts[$0] }, tagger: tagger)
      lock.withLock {
        for (index, keywords) in zip(mine, found) {
          result[index] = keywords
          entries[texts[index]] = keywords
          claimed.remove(texts[index])
        }
      }
    }
    if !deferred.isEmpty {
      var missing: [Int] = []
      lock.withLock {
        for index in deferred {
          if let known = entries[texts[index]] { result[index] = known } else { missing.append(index) }
        }
      }
      for (index, keywords) in zip(missing, segment(missing.map { texts[$0] }, tagger: tagger)) {
        result[index] = keywords
      }
    }
    return result.map { $0 ?? [] }
  }

  private func segment(_ texts: [String], tagger: MeCabTagger) -> [[String]] {
    guard !texts.isEmpty else { return [] }
    return tagger.tokens(of: texts.map(JapaneseKeywords.folded)).map {
      Array(Set(JapaneseKeywords.compounds($0)))
    }
  }
}
