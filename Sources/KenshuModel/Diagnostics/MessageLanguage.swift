import Foundation

/// The languages Kenshu speaks to its users in: every diagnostic and every message of the
/// command line exists in both.
public enum MessageLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case ja
  case en

  /// The language of a BCP 47 tag or POSIX locale name (`ja`, `ja-JP`, `ja_JP.UTF-8`,
  /// `en_GB@euro`), or nil for one Kenshu has no messages in and for the locales that name no
  /// language (`C`, `C.UTF-8`, `POSIX`, empty).
  public init?(tag: String) {
    let primary = tag.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }.lowercased()
    guard let language = MessageLanguage(rawValue: primary) else { return nil }
    self = language
  }

  /// Whether a locale name is one of those that name no language: `C`, `C.UTF-8`, `POSIX`.
  static func namesNoLanguage(_ locale: String) -> Bool {
    let primary = locale.prefix { $0.isLetter }.lowercased()
    return primary == "c" || primary == "posix"
  }

  /// The language to speak in, in this order: the `--lang` option, the `KENSHU_LANG`
  /// environment variable, the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; `C`,
  /// `C.UTF-8` and `POSIX` count as not set), the project's `xml:lang` (`kenshu.xml`), else Japanese, the language of the
  /// people Kenshu is written for.
  ///
  /// A value that names neither Japanese nor English (`fr_FR.UTF-8`) is passed over, so the
  /// next source decides. `projectLanguage` is asked only when nothing before it decides (it
  /// reads a file).
  public static func choose(
    option: String? = nil, environment: [String: String], projectLanguage: () -> String? = { nil }
  ) -> MessageLanguage {
    if let option, let language = MessageLanguage(tag: option) { return language }
    if let value = environment["KENSHU_LANG"], let language = MessageLanguage(tag: value) {
      return language
    }
    // POSIX order; a variable that is empty or names no language (`C.UTF-8`, the default of
    // many containers) counts as unset, so the next one is read. One that names a language
    // Kenshu has no messages in ends the locale's say: the project decides.
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty, !Self.namesNoLanguage(value) else { continue }
      if let language = MessageLanguage(tag: value) { return language }
      break
    }
    if let project = projectLanguage(), let language = MessageLanguage(tag: project) { return language }
    return .ja
  }
}
