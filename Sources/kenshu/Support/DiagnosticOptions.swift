import ArgumentParser
import KenshuModel

/// `--format` of the commands that report diagnostics (`validate`, `build`): declared once,
/// with one help text.
struct DiagnosticOptions: ParsableArguments {
  @Option(help: "Diagnostics output: text (stderr), json (array on stdout) or github (annotations).")
  var format: DiagnosticFormat = .text

  /// Prints diagnostics in this format, in the run's language.
  var printer: DiagnosticPrinter { DiagnosticPrinter(format: format) }
}
