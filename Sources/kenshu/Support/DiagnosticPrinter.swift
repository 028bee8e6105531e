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
      Console.error(lines: diagnostics.lazy.map { $0.formatted(in: language) })
    case .json:
      Console.output(diagnostics.jsonText(in: language))
    case .github:
      Console.error(lines: diagnostics.lazy.map { $0.formatted(in: language) })
      Console.output(lines: diagnostics.githubAnnotations(in: language))
    }
  }
}

/// Line-oriented output on stdout and stderr.
enum Console {
  static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
  static func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

  /// Lines on stderr, written in blocks of about 64 KB: one system call per line was a tenth of
  /// `validate`'s time with 160,000 diagnostics.
  static func error(lines: some Sequence<String>) { write(lines, to: .standardError) }

  /// Lines on stdout, written in blocks of about 64 KB.
  static func output(lines: some Sequence<String>) { write(lines, to: .standardOutput) }

  private static func write(_ lines: some Sequence<String>, to handle: FileHandle) {
    let block = 1 << 16
    var buffer: [UInt8] = []
    buffer.reserveCapacity(block + 1024)
    for line in lines {
      buffer.append(contentsOf: line.utf8)
      buffer.append(UInt8(ascii: "\n"))
      if buffer.count >= block {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { handle.write(Data(buffer)) }
  }

  /// A message for the user on stderr, in the language of this run.
  static func error(ja: String, en: String) { error(Language.say(ja: ja, en: en)) }

  /// A message for the user on stdout, in the language of this run.
  static func output(ja: String, en: String) { output(Language.say(ja: ja, en: en)) }
}

/// A refusal of the arguments (exit status 2), in the language of this run.
func argumentError(ja: String, en: String) -> ValidationError {
  ValidationError(Language.say(ja: ja, en: en))
}
