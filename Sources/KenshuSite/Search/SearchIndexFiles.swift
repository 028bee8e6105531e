import Foundation
import KenshuModel

/// What the search index's files hold, kept between builds: a rebuild cuts again only the
/// parts holding pages that changed, and writes only the fragments of those pages and the
/// chunks whose terms' postings changed.
struct SearchIndexRecord: Sendable {
  struct Part: Sendable {
    /// The pages of the part, in order.
    var paths: [String]
    /// The part's fragments: path → size.
    var fragments: [String: Int]
    var cut: SearchIndexPart
  }

  /// Part number → the part.
  var parts: [Int: Part] = [:]
  var chunks: [SearchIndexChunk] = []
  /// Chunk path → size.
  var chunkSizes: [String: Int] = [:]

  /// The index's files (the manifest not counted), in bytes.
  var bytes: Int {
    chunkSizes.values.reduce(0, +) + parts.values.reduce(0) { $0 + $1.fragments.values.reduce(0, +) }
  }
}

extension SiteBuilder {
  /// Writes the search index: per part of `SearchIndex.documentsPerPart` pages its pages'
  /// fragments, the chunks over all parts (`SearchIndexChunks`), then the manifest. A part
  /// whose pages were all kept from the previous build is kept whole; in a changed part only
  /// the fragments of pages rendered again are made again. After a previous build the
  /// chunks keep their boundaries (but for one grown past twice its budget, which is cut
  /// again), and only those holding a term whose postings changed are made again. Returns
  /// what the index holds and its total size.
  func writeSearchIndex(
    _ outcome: PageOutcome, parts: Int, previous: BuildState.Previous, writer: SiteWriteSession,
    into files: inout [String: Data]
  ) -> (SearchIndexRecord, Int) {
    let size = SearchIndex.documentsPerPart
    let entries = outcome.searchEntries
    let old = previous.searchIndex
    // Parts are independent: they are cut on all cores (this ran alone after the pages).
    let results = IndexedResults<(SearchIndexRecord.Part, [String: Data], cut: Bool, changed: Set<Term>?)>(
      count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = min(part * size, entries.count)..<min((part + 1) * size, entries.count)
      let oldPart = old.parts[part]
      let same = oldPart?.paths.elementsEqual(entries[range].lazy.map(\.document.path)) ?? false
      // A patch's writer carries the previous files over, and the record's fragments are among
      // them (each was written or kept by the build that recorded it): asking the writer about
      // each of them, 10,000 look-ups per edition, was a fourteenth of a serve rebuild's CPU
      // samples (perf, issue 18).
      if same, let oldPart, !outcome.freshEntries[range].contains(true),
        writer.carriesOver || oldPart.fragments.keys.allSatisfy(writer.keep)
      {
        results[part] = (oldPart, [:], false, nil)
        return
      }
      let paths = entries[range].map(\.document.path)
      var made: [String: Data] = [:]
      var sizes: [String: Int] = [:]
      for id in range {
        let path = SiteLayout.searchDocument(id)
        if same, !outcome.freshEntries[id], let kept = oldPart?.fragments[path], writer.keep(path) {
          sizes[path] = kept
          continue
        }
        let fragment = SearchIndexPart.fragment(entries[id].document, id: id)
        made[path] = fragment
        sizes[path] = fragment.count
      }
      // A part with fewer pages than before leaves fragments that nothing names.
      for stale in (oldPart?.fragments ?? [:]).keys where sizes[stale] == nil { writer.retire(stale) }
      // A few pages re-rendered in a part of the same pages (a serve rebuild): only their
      // terms' postings are cut again.
      if same, let oldPart,
        let (cut, changed) = Self.patchedPart(
          oldPart.cut, range: range, entries: entries, fresh: outcome.freshEntries,
          previous: {
            outcome.replacedEntries[$0]
              ?? (previous.searchEntries.indices.contains($0) ? previous.searchEntries[$0] : nil)
          })
      {
        results[part] = (
          SearchIndexRecord.Part(paths: paths, fragments: sizes, cut: cut), made, true, changed
        )
        return
      }
      results[part] = (
        SearchIndexRecord.Part(paths: paths, fragments: sizes, cut: SearchIndexPart(entries: entries[range])),
        made,
        true,
        nil
      )
    }
    var record = SearchIndexRecord()
    var changed: Set<Term> = []
    for (part, result) in results.slots.enumerated() {
      guard let (kept, made, cut, patched) = result else { continue }
      record.parts[part] = kept
      files.merge(made) { _, new in new }
      guard cut else { continue }
      if let patched {
        changed.formUnion(patched)
        continue
      }
      // The terms whose postings in this part are not what they were.
      let before = old.parts[part]?.cut
      for term in kept.cut.postings.keys where before?.posting(of: term) != kept.cut.posting(of: term) {
        changed.insert(term)
      }
      if let before {
        for term in before.postings.keys where kept.cut.postings[term] == nil { changed.insert(term) }
      }
    }
    // Parts no longer there (pages removed): their terms changed too.
    for (part, gone) in old.parts where part >= parts {
      changed.formUnion(gone.cut.postings.keys)
      for stale in gone.fragments.keys { writer.retire(stale) }
    }
    let cuts = (0..<parts).map { record.parts[$0]?.cut ?? SearchIndexPart(entries: []) }
    let update: (chunks: [SearchIndexChunk], touched: Set<String>)
    if old.chunks.isEmpty {
      let cut = SearchIndexChunks.cut(cuts)
      update = (cut, Set(cut.map(\.path)))
    } else {
      update = SearchIndexChunks.update(old.chunks, changed: changed, parts: cuts)
    }
    record.chunks = update.chunks
    for chunk in record.chunks {
      if !update.touched.contains(chunk.path), let kept = old.chunkSizes[chunk.path], writer.keep(chunk.path)
      {
        record.chunkSizes[chunk.path] = kept
        continue
      }
      let script = SearchIndexChunks.script(chunk, parts: cuts)
      files[chunk.path] = script
      record.chunkSizes[chunk.path] = script.count
    }
    let manifest = SearchIndexPart.manifest(
      firstTerms: record.chunks.map(\.firstTerm), files: record.chunks.map(\.number), meta: cuts.map(\.meta),
      documents: entries.count,
      textLengthSum: cuts.reduce(0) { $0 + $1.textLengthSum })
    files[SiteRoutes.searchManifest] = manifest
    return (record, record.bytes + manifest.count)
  }

  /// Pages re-rendered in one part beyond which the part is cut whole rather than patched.
  static let searchPagesPatched = 32

  /// The part `cut` with the entries of its re-rendered pages replaced, and the terms whose
  /// postings changed (`SearchIndexPart.replacing`); nil when it should be cut whole: more
  /// than `searchPagesPatched` pages changed, or a page's previous entry (`previous`, by its
  /// position) is not known or not at its place.
  static func patchedPart(
    _ cut: SearchIndexPart, range: Range<Int>, entries: [SearchIndex.Entry], fresh: [Bool],
    previous: (Int) -> SearchIndex.Entry?
  ) -> (part: SearchIndexPart, changed: Set<Term>)? {
    var changes: [(page: Int, old: SearchIndex.Entry, new: SearchIndex.Entry)] = []
    for id in range where fresh[id] {
      guard changes.count < searchPagesPatched, let old = previous(id),
        old.document.path == entries[id].document.path
      else { return nil }
      changes.append((id - range.lowerBound, old, entries[id]))
    }
    return cut.replacing(changes)
  }
}
