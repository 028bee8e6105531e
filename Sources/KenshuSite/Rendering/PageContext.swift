import KenshuModel

/// What a page template is rendered with: the page's title, its template context, and what
/// building them produced besides (search text, problems, the `content/` files read).
struct PageContext {
  var title: String
  var body: [String: Any]
  var diagnostics: [Diagnostic]
  var searchDocument: SearchDocument?
  /// The `content/` files the context builder read (`ContentReader`'s record).
  var sources: [String] = []
}

extension PageRenderer {
  /// A page's context, with the `content/` files it read.
  func recordedContext(of page: SitePage) -> PageContext {
    let recorder = ReadRecorder()
    var context = recording(into: recorder).context(of: page)
    context.sources = recorder.files
    return context
  }

  /// A hash of everything the page's HTML and search text are made of: its template, context
  /// and layout frame, the theme and the interface strings. Equal fingerprints give equal
  /// pages, so a rebuild keeps the previous file instead of rendering it again.
  ///
  /// Derived from the values the page is rendered with, not from a list of the model's fields
  /// the context builders are believed to read: whatever a builder reads reaches the page only
  /// through the context, so it reaches the fingerprint. Nil — render the page — when building
  /// the context raised problems (they must be reported again) or it holds a value
  /// `ContextFingerprint` cannot hash.
  func fingerprint(of page: SitePage, context: PageContext) -> Int? {
    guard context.diagnostics.isEmpty else { return nil }
    var hasher = Hasher()
    hasher.combine(sharedFingerprint)
    hasher.combineUTF8(page.path)
    hasher.combineUTF8(page.kind.templateName)
    hasher.combineUTF8(context.title)
    hasher.combineUTF8(canonicalURL(for: page) ?? "")
    let frame = layouts.frame(for: page, renderer: self)
    hasher.combine(frame.slots)
    for piece in frame.pieces { hasher.combineUTF8(piece) }
    if let search = context.searchDocument {
      hasher.combineUTF8(search.title)
      hasher.combineUTF8(search.path)
      hasher.combineUTF8(search.text)
      // A kept page keeps its search entry too (SiteBuilder), so all the entry is cut from
      // counts here, even what the body shows anyway.
      hasher.combine(search.headings.count)
      for heading in search.headings { hasher.combineUTF8(heading) }
      hasher.combine(search.readings.count)
      for reading in search.readings { hasher.combineUTF8(reading) }
    } else {
      hasher.combine(0)
    }
    guard ContextFingerprint.combine(context.body, into: &hasher) else { return nil }
    return hasher.finalize()
  }
}
