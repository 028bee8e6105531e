import ArgumentParser
import Foundation
import KenshuModel

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints diagnostics the way every command does: text on stderr; JSON on stdout; GitHub
/// annotations on stdout plus text on stderr.
struct DiagnosticPrinter {
  var format: DiagnosticFormat

  /// The language of the messages and hints (codes, locations and formats never change).
  var language: MessageLanguage = Language.current

  func print(_ diagnostics: [Diagnostic]) {
    switch format {
    case .text:
      for diagnostic in diagnostics { Console.error(diagnostic.formatted(in: language)) }
    case .json:
      Console.output(diagnostics.jsonText(in: language))
    case .github:
      for diagnostic in diagnostics { Console.error(diagnostic.formatted(in: language)) }
      for line in diagnostics.githubAnnotations(in: language) { Console.output(line) }
    }
  }
}

/// Line-oriented output on stdout and stderr.
enum Console {
  static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
  static func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

  /// A message for the user on stderr, in the language of this run.
  static func error(ja: String, en: String) { error(Language.say(ja: ja, en: en)) }

  /// A message for the user on stdout, in the language of this run.
  static func output(ja: String, en: String) { output(Language.say(ja: ja, en: en)) }
}

/// A refusal of the arguments (exit status 2), in the language of this run.
func argumentError(ja: String, en: String) -> ValidationError {
  ValidationError(Language.say(ja: ja, en: en))
}
