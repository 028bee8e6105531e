import ArgumentParser

/// `--sheet` of every command that reads a table (rosters, responses, attendance, follow-up):
/// declared once, so the help and the meaning cannot drift between eight commands.
struct SheetOption: ParsableArguments {
  @Option(
    help: .say(
      ja: ".xlsx/.ods ファイルのシート名か番号（省略時: 最初に表示されているシート）。",
      en: "Sheet of an .xlsx/.ods file: its name or number (default: the first visible sheet)."))
  var sheet: String?
}
