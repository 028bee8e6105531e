import ArgumentParser

/// Help in the run's language, like every other line the command line prints: each command's
/// abstract and discussion (`Language.say(ja:en:)`) and each argument's and option's help
/// (`.say(ja:en:)`) are written in both. Configurations and property wrappers are evaluated when
/// argument-parser first reads them, after `Kenshu.main` has chosen the language; its own
/// headings (USAGE, OPTIONS, `--help`) stay in English.
extension ArgumentHelp {
  /// `ja` in Japanese runs, `en` in English ones; both are required.
  static func say(ja: String, en: String) -> ArgumentHelp {
    ArgumentHelp(Language.say(ja: ja, en: en))
  }
}
