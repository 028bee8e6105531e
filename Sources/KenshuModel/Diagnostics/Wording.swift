/// A diagnostic's message and hint in one language.
public struct Wording: Sendable, Hashable, Codable {
  /// What is wrong, in plain language.
  public var message: String
  /// How to fix it, when there is something to say.
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// The message with its hint after it in parentheses, as one line: `message (hint)` in
  /// English, `message（hint）` with full-width parentheses in Japanese.
  public func joined(in language: MessageLanguage) -> String {
    guard let hint, !hint.isEmpty else { return message }
    switch language {
    case .ja: return "\(message)（\(hint)）"
    case .en: return "\(message) (\(hint))"
    }
  }
}

/// A message in both of Kenshu's languages. Both are required, so no message can be written in
/// one language only.
public struct Bilingual: Sendable, Hashable, Codable {
  public var ja: Wording
  public var en: Wording

  public init(ja: Wording, en: Wording) {
    self.ja = ja
    self.en = en
  }

  /// Plain text (no hint) in both languages.
  public init(ja: String, en: String) {
    self.init(ja: Wording(ja), en: Wording(en))
  }

  public subscript(language: MessageLanguage) -> Wording {
    switch language {
    case .ja: ja
    case .en: en
    }
  }
}
