import Foundation
import KenshuModel

/// The `content/` files one page read while its context was built.
///
/// A class so that copies of the page's `ContentReader` share one list; a page's context is
/// built on one thread, so it needs no lock.
final class ReadRecorder: @unchecked Sendable {
  private(set) var files: [String] = []

  func note(_ block: MarkdownBlock?) {
    if case .file(let path)? = block?.source { files.append(path) }
  }
}

/// How page contexts reach `content/`: the shared `ContentStore`, through an accessor that
/// records every file a page reads.
///
/// The preview server's patch re-renders, after a Markdown edit, only the pages that read the
/// edited file; which pages those are comes from this record, not from a list kept by hand
/// beside the context builders, so a context cannot read a file its page is not rebuilt for.
struct ContentReader: Sendable {
  let store: ContentStore
  /// Nil outside a page render (the layout frame, packaging): nothing is recorded.
  let recorder: ReadRecorder?

  init(store: ContentStore, recorder: ReadRecorder? = nil) {
    self.store = store
    self.recorder = recorder
  }

  var contentRoot: URL { store.contentRoot }

  /// `ContentStore.render`, recorded.
  func render(
    _ block: MarkdownBlock?, root: String, placement: HeadingPlacement = HeadingPlacement(),
    diagnostics: inout [Diagnostic]
  ) -> MarkdownRendering? {
    recorder?.note(block)
    return store.render(block, root: root, placement: placement, diagnostics: &diagnostics)
  }
}
