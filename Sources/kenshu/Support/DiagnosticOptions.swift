import ArgumentParser
import KenshuModel

/// `--format` of the commands that report diagnostics (`validate`, `build`): declared once,
/// with one help text.
struct DiagnosticOptions: ParsableArguments {
  @Option(
    help: .say(
      ja: "診断メッセージの出力形式: text（標準エラー）、json（標準出力に配列）、github（注釈）。",
      en: "Diagnostics output: text (stderr), json (array on stdout) or github (annotations)."))
  var format: DiagnosticFormat = .text

  /// Prints diagnostics in this format, in the run's language.
  var printer: DiagnosticPrinter { DiagnosticPrinter(format: format) }
}
