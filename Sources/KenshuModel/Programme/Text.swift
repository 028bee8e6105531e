/// Markdown that lives either in a file under `content/` or inline in the definition.
public enum MarkdownSource: Sendable, Hashable, Codable {
  /// A path relative to the project's `content/` folder, as written in `src`.
  case file(String)
  /// Markdown written inline in the XML element.
  case inline(String)
}

/// A block of Markdown with the place it was defined (for diagnostics).
public struct MarkdownBlock: Sendable, Hashable, Codable {
  public var source: MarkdownSource
  public var location: SourceLocation?
  /// The text's own language (`xml:lang` on its element, BCP 47) when it differs from the
  /// programme's: the page shows it inside an element with that `lang`. Nil: the page's.
  public var language: String?

  public init(_ source: MarkdownSource, location: SourceLocation? = nil, language: String? = nil) {
    self.source = source
    self.location = location
    self.language = language
  }

  /// The `content/`-relative path when the block lives in a file.
  public var path: String? {
    if case .file(let path) = source { return path }
    return nil
  }
}

/// A learning objective (到達目標). Objectives with an id can be linked to the activities
/// that practise them and the quiz or survey items that assess them.
public struct Objective: Sendable, Hashable, Codable {
  public var id: String?
  public var text: String
  public var location: SourceLocation?

  public init(id: String? = nil, text: String, location: SourceLocation? = nil) {
    self.id = id
    self.text = text
    self.location = location
  }
}

/// Which edition of a programme or module this is, so a trainer can show what was delivered.
public struct Edition: Sendable, Hashable, Codable {
  public var version: String
  /// ISO date (YYYY-MM-DD).
  public var date: String?
  public var note: String?

  public init(version: String, date: String? = nil, note: String? = nil) {
    self.version = version
    self.date = date
    self.note = note
  }
}
