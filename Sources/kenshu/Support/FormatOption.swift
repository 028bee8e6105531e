import ArgumentParser

/// The formats a command can write, for its `--format` (`FormatOption`).
protocol CommandOutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {
  /// The format without `--format`.
  static var standard: Self { get }
  /// What the help says after the list of formats (where a format is written, say), in the run's
  /// language; nil: nothing.
  static var note: String? { get }
}

extension CommandOutputFormat {
  static var note: String? { nil }
}

/// `--format` of every command that writes more than one format: declared once. The help lists
/// the values and the default from the format type itself (argument-parser does for a
/// `CaseIterable` value), so it cannot name a value the command refuses or leave out one it
/// takes, as seven hand-written declarations could. The diagnostics' `--format` of `validate`
/// and `build` is `DiagnosticOptions`.
struct FormatOption<Format: CommandOutputFormat>: ParsableArguments {
  @Option(help: ArgumentHelp(FormatOption.help)) var format: Format = .standard

  /// "Output format." and the format's note, in the run's language.
  static var help: String {
    Language.say(
      ja: "出力の形式。" + (Format.note ?? ""), en: "Output format." + (Format.note.map { " \($0)" } ?? ""))
  }
}
