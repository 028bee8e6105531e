import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel

/// The language every message of this run is printed in, chosen once at start-up from
/// `--lang`, `KENSHU_LANG`, the locale and the project's `kenshu.xml` (`MessageLanguage.choose`).
enum Language {
  /// Set by `Kenshu.main` before any command runs, and never again.
  nonisolated(unsafe) static var current: MessageLanguage = .ja

  /// `text` in the current language; both are required, so no message is written in one only.
  static func say(ja: String, en: String) -> String {
    current == .ja ? ja : en
  }

  /// Takes `--lang X` / `--lang=X` out of the arguments (it is accepted before or after the
  /// subcommand, like a global option) and returns the value given, if any.
  static func extractOption(from arguments: [String]) throws -> (value: String?, rest: [String]) {
    var rest: [String] = []
    var value: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        rest += arguments[index...]
        break
      }
      if argument == "--lang" {
        guard index + 1 < arguments.count else { throw ValidationError("--lang takes ja or en") }
        value = arguments[index + 1]
        index += 2
        continue
      }
      if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
        index += 1
        continue
      }
      rest.append(argument)
      index += 1
    }
    if let value, MessageLanguage(rawValue: value.lowercased()) == nil {
      throw ValidationError("--lang takes ja or en, not \"\(value)\" / --lang には ja か en を指定してください")
    }
    return (value, rest)
  }

  /// Chooses the language for this run (see `MessageLanguage.choose`); the project's language
  /// is read from `kenshu.xml` in the current folder only when nothing before it decides.
  static func choose(option: String?) -> MessageLanguage {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return MessageLanguage.choose(
      option: option, environment: ProcessInfo.processInfo.environment,
      projectLanguage: { ProjectLoader.declaredLanguage(in: root) })
  }
}
