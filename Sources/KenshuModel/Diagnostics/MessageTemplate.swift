/// One entry of the diagnostic catalogue: a stable code and its wording in Japanese and English,
/// each made from the same typed arguments.
///
/// Templates live in `Diagnostics/Catalogue/`, one file per part of docs/diagnostics.md, and are
/// listed in `DiagnosticCatalogue.entries`, which a test checks against every code the sources
/// emit and docs/diagnostics.md documents. A template cannot be made without both languages;
/// `sample` is a typical set of arguments, rendered by that test (and shown in the docs).
///
/// ```swift
/// static let missingAttribute = MessageTemplate<(subject: String, attribute: String)>(
///   "missing-attribute", sample: ("<session> \"gw1\"", "duration"),
///   ja: { Wording("\($0.subject) に \($0.attribute) がありません") },
///   en: { Wording("\($0.subject) needs \($0.attribute)") })
/// ```
public struct MessageTemplate<Arguments>: Sendable {
  /// The stable code (docs/diagnostics.md).
  public let code: String
  private let sample: @Sendable () -> Arguments
  private let japanese: @Sendable (Arguments) -> Wording
  private let english: @Sendable (Arguments) -> Wording

  public init(
    _ code: String, sample: @autoclosure @escaping @Sendable () -> Arguments,
    ja: @escaping @Sendable (Arguments) -> Wording, en: @escaping @Sendable (Arguments) -> Wording
  ) {
    self.code = code
    self.sample = sample
    self.japanese = ja
    self.english = en
  }

  /// The wording for `arguments` in both languages.
  public func callAsFunction(_ arguments: Arguments) -> Bilingual {
    Bilingual(ja: japanese(arguments), en: english(arguments))
  }

  /// The template with its sample arguments, for the catalogue's listing.
  public var entry: CatalogueEntry { CatalogueEntry(code: code, sample: self(sample())) }
}

/// A template's code and its sample rendering in both languages, without its argument type.
public struct CatalogueEntry: Sendable, Hashable {
  public var code: String
  public var sample: Bilingual
}
