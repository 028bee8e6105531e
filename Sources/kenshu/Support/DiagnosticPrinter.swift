import ArgumentParser
import Foundation
import KenshuModel

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints diagnostics the way every command does: text on stderr; JSON on stdout; GitHub
/// annotations on stdout plus text on stderr.
struct DiagnosticPrinter {
  var format: DiagnosticFormat
  /// Prints nothing (benchmarks drive commands' code without output).
  var silent = false

  func print(_ diagnostics: [Diagnostic]) {
    if silent { return }
    switch format {
    case .text:
      for diagnostic in diagnostics { Console.error(diagnostic.formatted) }
    case .json:
      Console.output(diagnostics.jsonText())
    case .github:
      for diagnostic in diagnostics { Console.error(diagnostic.formatted) }
      for line in diagnostics.githubAnnotations() { Console.output(line) }
    }
  }
}

/// Line-oriented output on stdout and stderr.
enum Console {
  static func output(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
  static func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
