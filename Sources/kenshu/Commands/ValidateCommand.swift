import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: Language.say(
      ja: "研修の定義を確認し、見つかった問題をすべて表示します。", en: "Check course definitions and print every problem found."),
    discussion: Language.say(
      ja: """
        パスを指定しないと、今いるフォルダーのプロジェクト（kenshu.xml、curricula/、rosters/）を確認します。
        終了コード: エラーがなければ 0、エラーがあれば（--strict なら警告でも）1、引数の誤りは 2。
        """,
      en: """
        With no paths, checks the project in the current folder (kenshu.xml, curricula/, rosters/).
        Exit status: 0 when there are no errors, 1 when there are errors (or warnings with \
        --strict), 2 for bad arguments.
        """)
  )

  @Argument(
    help: .say(
      ja: "確認する定義ファイルかフォルダー（省略時: 今いるフォルダーのプロジェクト）。",
      en: "Definition files or folders to check (default: the project in the current folder)."))
  var paths: [String] = []

  @OptionGroup var diagnostics: DiagnosticOptions

  @Flag(help: .say(ja: "警告もエラーとして扱います。", en: "Treat warnings as errors."))
  var strict = false

  func validate() throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw argumentError(ja: "ファイルもフォルダーもありません: \(path)", en: "no such file or folder: \(path)")
    }
  }

  func run() throws {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let loader = ProjectLoader(root: root)
    let result: LoadResult
    if paths.isEmpty {
      result = loader.load()
      if result.files.isEmpty {
        Console.error(
          ja: "エラー: ここには定義がありません（kenshu.xml か curricula/*.xml が必要です）。kenshu init で作れます",
          en: "error: no definitions found here (expected kenshu.xml or curricula/*.xml); run kenshu init")
        throw ExitCode(2)
      }
    } else {
      result = loader.load(files: paths.flatMap(Self.expand))
    }
    diagnostics.printer.print(result.diagnostics)
    let failed =
      result.diagnostics.hasErrors || (strict && result.diagnostics.contains { $0.severity == .warning })
    if diagnostics.format != .json {
      let count = result.files.count
      Console.error(
        ja: "\(count) ファイルを確認しました: \(result.diagnostics.summaryLine(in: .ja))",
        en: "checked \(count) file\(count == 1 ? "" : "s"): \(result.diagnostics.summaryLine(in: .en))")
    }
    // Exit with `result` still alive (Swift would otherwise free it after its last use): nothing
    // needs the loaded project any more, and freeing it (hundreds of thousands of allocations for
    // 1,000 files) was a serial tail of the run. Output is written unbuffered, so none is lost.
    withExtendedLifetime(result) { Foundation.exit(failed ? 1 : 0) }
  }

  /// A folder holding a project expands to the project's definitions; other folders to their
  /// `.xml` files.
  static func expand(_ path: String) -> [URL] {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      return [url]
    }
    let settings = url.appendingPathComponent("kenshu.xml")
    let curricula = url.appendingPathComponent("curricula")
    if FileManager.default.fileExists(atPath: curricula.path) {
      return (FileManager.default.fileExists(atPath: settings.path) ? [settings] : [])
        + ProjectLoader.xmlFiles(under: curricula)
        + ProjectLoader.xmlFiles(under: url.appendingPathComponent("rosters"))
    }
    return ProjectLoader.xmlFiles(under: url)
  }
}
