import ArgumentParser
import CMimalloc
import Foundation

@main
struct Kenshu: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kenshu",
    abstract: Language.say(
      ja: "在宅医療の多職種連携研修をつくり、運営するためのコマンドです。",
      en: "Build and run multidisciplinary training for home medical care (多職種連携研修)."),
    discussion: Language.say(
      ja: """
        プロジェクトのフォルダー（curricula/ と content/ があるところ）で実行します。詳しくは README.md と docs/ をご覧ください。
        メッセージは日本語か英語です: --lang ja|en（コマンドの前でも後でも指定できます）、なければ KENSHU_LANG、なければロケール（LC_ALL、LC_MESSAGES、LANG）、なければ kenshu.xml の xml:lang で決まります。
        """,
      en: """
        Run inside a project folder (curricula/, content/). See README.md and docs/.
        Messages are in Japanese or English: --lang ja|en (before or after the command), else \
        KENSHU_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else xml:lang of kenshu.xml.
        """),
    // Every command and subcommand names itself (`commandName`): otherwise ArgumentParser derives
    // the name with `String(describing:)`, whose casts scan all of the binary's protocol
    // conformances once per type, at every start-up.
    subcommands: [
      InitCommand.self, ValidateCommand.self, BuildCommand.self, ServeCommand.self, RosterCommand.self,
      GroupsCommand.self, SurveyCommand.self, EvaluateCommand.self, ReportCommand.self, FollowUpCommand.self,
      ResponsesCommand.self,
      ExportCommand.self, AttendanceCommand.self, CertificatesCommand.self, BenchCommand.self,
      DocsCommand.self,
    ]
  )

  /// Exit codes are part of the interface: 0 clean, 1 problems in the user's files,
  /// 2 bad arguments (ArgumentParser's own default for those is 64).
  static func main() async {
    // A real reference keeps libmimalloc among the executable's needed libraries even when the
    // linker drops unused ones (--as-needed); being needed is what makes its malloc the process's.
    _ = mi_version()
    do {
      let (option, arguments) = try Language.extractOption(from: Array(CommandLine.arguments.dropFirst()))
      Language.current = Language.choose(option: option)
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
