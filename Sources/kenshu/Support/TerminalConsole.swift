import KenshuBuild

extension BuildConsole {
  /// The terminal: lines on stderr in the run's language, diagnostics through `printer`.
  static func terminal(diagnostics printer: DiagnosticPrinter) -> BuildConsole {
    BuildConsole(
      say: { line in Console.error(ja: line.ja.message, en: line.en.message) },
      diagnostics: { diagnostics in printer.print(diagnostics) })
  }

  /// The terminal with text diagnostics (`serve`).
  static var terminal: BuildConsole { terminal(diagnostics: DiagnosticPrinter(format: .text)) }
}
